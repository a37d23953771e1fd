/** Search across every plan: prose and structured fields, results grouped by plan, matches highlighted; click to jump. */
import { useDeferredValue, useMemo, useState } from 'react';
import { searchPlans, type SearchHit, type SearchResult } from '../../../shared/derive/search';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { type Person } from '../../../shared/model/people';
import { useServices, useValue } from '../../workbench/services/services';
import { NavList, PlanGroupRow } from '../../workbench/widgets/NavList';
import { revealTarget } from '../../workbench/widgets/revealTarget';
import { TreeRow } from '../../workbench/widgets/TreeRow';
import { useCollapsed } from '../../workbench/widgets/useCollapsed';
import { useListNavigation } from '../../workbench/widgets/useListNavigation';
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
            <TreeRow
              key={row.key}
              listId={LIST_ID}
              rowKey={row.key}
              nav={nav}
              level={2}
              label={`${row.hit.where}: ${row.hit.excerpt}`}
              title={row.hit.where}
              className="tv-tall tv-hit"
              indent={26}
              onActivate={() => props.onReveal(row.planId, row.hit)}
            >
              <span className="tv-hit-text">
                <Highlighted hit={row.hit} />
                <span className="tv-description">{row.hit.where}</span>
              </span>
            </TreeRow>
          ))}
        </NavList>
      )}
    </div>
  );
}

export function SearchView() {
  const { model, editors } = useServices();
  return (
    <SearchPanel
      plans={useValue(model.snapshots)}
      people={useValue(model.people)}
      onReveal={(planId, hit) => editors.openPlan(planId, revealTarget(hit))}
    />
  );
}
