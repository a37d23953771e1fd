/** Search across every plan: prose and structured fields, results grouped by plan, matches highlighted; click to jump. */
import { useDeferredValue, useMemo, useState } from 'react';
import { searchPlans, type SearchHit, type SearchResult } from '../../../shared/derive/search';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { type Person } from '../../../shared/model/people';
import { useWorkbench } from '../../workbench/WorkbenchContext';
import { rowDomId, useListNavigation } from '../explorer/useListNavigation';
import { useCollapsed } from '../explorer/useCollapsed';
import { NavList, PlanGroupRow } from '../explorer/NavList';
import '../explorer/viewList.css';
import './search.css';

const LIST_ID = 'search-results';
type Row = { kind: 'plan'; key: string; planId: string; planTitle: string; count: number } | { kind: 'hit'; key: string; planId: string; hit: SearchHit };

function Highlighted(props: { hit: SearchHit }) {
  const { excerpt, ranges } = props.hit;
  const parts: React.ReactNode[] = [];
  let at = 0;
  ranges.forEach(([s, e], i) => {
    if (s > at) parts.push(excerpt.slice(at, s));
    parts.push(<mark key={i} className="tv-match">{excerpt.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(excerpt.slice(at));
  return <span className="tv-label">{parts}</span>;
}

function summary(r: SearchResult): string {
  const plans = r.groups.length;
  const base = `${r.matches} ${r.matches === 1 ? 'result' : 'results'} in ${plans} ${plans === 1 ? 'plan' : 'plans'}`;
  return r.truncated ? `${base} (showing the first ${r.hits}; refine the search)` : base;
}

export function SearchPanel(props: { plans: PlanSnapshot[]; people: Person[]; onReveal: (planId: string, hit: SearchHit) => void }) {
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const { collapsed, toggle } = useCollapsed();
  const deferred = useDeferredValue(query);
  const result = useMemo(
    () => searchPlans(props.plans, deferred, { caseSensitive, wholeWord, people: props.people, contextChars: 16 }),
    [props.plans, props.people, deferred, caseSensitive, wholeWord],
  );
  const rows = useMemo(() => result.groups.flatMap((g): Row[] => [
    { kind: 'plan', key: g.planId, planId: g.planId, planTitle: g.planTitle, count: g.count },
    ...(collapsed.has(g.planId) ? [] : g.hits.map((hit, i): Row => ({ kind: 'hit', key: `${g.planId}:${i}`, planId: g.planId, hit }))),
  ]), [result, collapsed]);
  const nav = useListNavigation(rows, (r) => r.key, {
    onOpen: (r) => (r.kind === 'plan' ? toggle(r.planId) : props.onReveal(r.planId, r.hit)),
    onKey: (e, r) => {
      if (r.kind !== 'plan' || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return false;
      toggle(r.planId, e.key === 'ArrowRight');
      return true;
    },
  });
  const toggleButton = (label: string, glyph: string, on: boolean, set: (v: boolean) => void) => (
    <button type="button" className="tv-icon-button tv-glyph" aria-label={label} title={label} aria-pressed={on} onClick={() => set(!on)}>{glyph}</button>
  );

  return (
    <div className="tv-view">
      <div className="tv-toolbar">
        <input
          className="tv-input"
          type="search"
          aria-label="Search all plans"
          placeholder="Search goals, stages, actions and text"
          value={query}
          autoFocus
          onKeyDown={nav.onInputKeyDown}
          onChange={(e) => setQuery(e.target.value)}
        />
        {toggleButton('Match case', 'Aa', caseSensitive, setCaseSensitive)}
        {toggleButton('Match whole word', 'ab', wholeWord, setWholeWord)}
      </div>
      {deferred.trim() && <p className="tv-search-summary" role="status">{result.matches === 0 ? 'No results.' : summary(result)}</p>}
      {rows.length > 0 && (
        <NavList listId={LIST_ID} label="Search results" nav={nav}>
          {rows.map((row) => row.kind === 'plan' ? (
            <PlanGroupRow key={row.key} listId={LIST_ID} rowKey={row.key} nav={nav} planTitle={row.planTitle} count={row.count} noun={['result', 'results']} expanded={!collapsed.has(row.planId)} onToggle={() => toggle(row.planId)} />
          ) : (
            <li
              key={row.key}
              id={rowDomId(LIST_ID, row.key)}
              role="treeitem"
              aria-level={2}
              aria-selected={false}
              aria-label={`${row.hit.where}: ${row.hit.excerpt}`}
              title={row.hit.where}
              className={`tv-row tv-tall tv-hit${nav.focusedKey === row.key ? ' tv-focused' : ''}`}
              style={{ paddingLeft: 26 }}
              onClick={() => { nav.setFocusedKey(row.key); props.onReveal(row.planId, row.hit); }}
            >
              <span className="tv-hit-text">
                <Highlighted hit={row.hit} />
                <span className="tv-description">{row.hit.where}</span>
              </span>
            </li>
          ))}
        </NavList>
      )}
    </div>
  );
}

/**
 * Goals and actions are found by id wherever they moved since the search; a stage by its path inside
 * the matrix (with the matrix's id as the fallback); prose by its path.
 */
const revealTarget = (hit: SearchHit) => (hit.kind === 'goal' || hit.kind === 'action'
  ? { revealBlockId: hit.blockId! }
  : { revealPath: hit.path, revealBlockId: hit.blockId ?? undefined });

export function SearchView() {
  const wb = useWorkbench();
  return (
    <SearchPanel
      plans={wb.snapshots}
      people={wb.people}
      onReveal={(planId, hit) => void wb.openPlan(planId, revealTarget(hit))}
    />
  );
}
