/**
 * The diff editor: two versions of a plan (or two cycles of it) as one change list, like VS Code's
 * diff editor — sections in reading order with their changes (goals added, removed and moved,
 * values "target $1,200,000 → $1,500,000", prose as a word diff), next / previous change with F7 /
 * Shift+F7 or the toolbar, and a click on a change shows it in context (the plan or the edition,
 * beside the diff, at that block). A side that is the plan as it is now follows colleagues' edits.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { adjacentChange, diffPlans, PLAN_WIDE, type PlanChange, type PlanDiff } from '../../../shared/derive/diff/planDiff';
import { type PlanSnapshot } from '../../../shared/model/planDoc';
import { formatKeybinding, isMacPlatform } from '../../platform/keybindings';
import { keybindingFor } from '../../../shared/commands/manifest';
import { editorKey, type EditorProps } from '../../workbench/editorKinds';
import { LineIcon } from '../../workbench/icons';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { ChangeList } from './DiffChanges';
import { registerDiffNavigator } from './diffNavigation';
import { comparesCycles, parseDiffId, type DiffRef, type PlanVersion } from './editionRefs';
import { allEditions, editionsOf } from './editionsModel';
import { showInContext } from './editionContext';
import { plural } from './editionWords';
import { useVersionLabel } from './editionTitles';
import './editions.css';

type Side = { snapshot: PlanSnapshot | null; error: string | null };

/** One side's snapshot, the same object while it has not changed (an edition's never does). */
function useSide(v: PlanVersion): Side {
  const { model } = useServices();
  const follower = editionsOf(model);
  return useComputed([model.snapshots, model.get(allEditions)], (_snapshots, _editions) => {
    try {
      return { snapshot: follower.version(v), error: null };
    } catch (err) {
      return { snapshot: null, error: err instanceof Error ? err.message : String(err) };
    }
  }, [v.planId, v.editionId], (a, b) => a.snapshot === b.snapshot && a.error === b.error);
}

const keyLabel = (id: string) => formatKeybinding(keybindingFor(id)!, isMacPlatform());

function summaryOf(diff: PlanDiff): string {
  const n = diff.changes.length;
  if (n === 0) return 'No changes: the two versions say the same.';
  const count = (f: (c: PlanChange) => boolean) => diff.changes.filter(f).length;
  const sections = diff.sections.filter((s) => s.status !== 'same').length;
  const parts = [
    [count((c) => c.kind === 'goal-added'), 'goal added', 'goals added'],
    [count((c) => c.kind === 'goal-removed'), 'goal removed', 'goals removed'],
    [count((c) => c.kind === 'goal-moved'), 'goal re-parented', 'goals re-parented'],
    [count((c) => c.kind === 'field' || c.kind === 'plan-field'), 'value changed', 'values changed'],
    [count((c) => c.kind === 'block-added' || c.kind === 'block-removed' || c.kind === 'block-moved'), 'block added, removed or moved', 'blocks added, removed or moved'],
    [count((c) => c.kind === 'prose'), 'section of text changed', 'sections of text changed'],
  ] as const;
  const said = parts.filter(([k]) => k > 0).map(([k, one, many]) => `${k} ${k === 1 ? one : many}`);
  return `${plural(n, 'change')}${sections ? ` in ${plural(sections, 'section')}` : ''}: ${said.join(', ')}.`;
}

function DiffBody({ refs, tabKey, group }: { refs: DiffRef; tabKey: string; group: number }) {
  const services = useServices();
  const people = useValue(services.model.people);
  const teams = useValue(services.model.teams);
  const before = useSide(refs.before);
  const after = useSide(refs.after);
  const cycles = comparesCycles(refs);
  const diff = useMemo(() => (before.snapshot && after.snapshot
    ? diffPlans(before.snapshot, after.snapshot, people, {
      plans: { before: services.model.snapshots.get(), after: services.model.snapshots.get() },
      match: cycles ? 'previous-cycle' : 'id',
      teams,
    })
    : null), [before.snapshot, after.snapshot, people, teams, cycles, services.model.snapshots]);
  const beforeLabel = useVersionLabel(refs.before, cycles);
  const afterLabel = useVersionLabel(refs.after, cycles);

  // The current change, kept by id when the diff is recomputed (a colleague typed in the live side).
  const [currentId, setCurrentId] = useState<string | null>(null);
  const index = diff ? diff.changes.findIndex((c) => c.id === currentId) : -1;
  const scroller = useRef<HTMLDivElement>(null);
  const reveal = useCallback((id: string) => {
    setCurrentId(id);
    requestAnimationFrame(() => scroller.current?.querySelector(`[data-change-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }));
  }, []);
  const move = useCallback((direction: 'next' | 'previous') => {
    if (!diff) return;
    const to = adjacentChange(diff, index, direction);
    if (to >= 0) reveal(diff.changes[to]!.id);
  }, [diff, index, reveal]);
  useEffect(() => registerDiffNavigator(group, tabKey, { move }), [group, tabKey, move]);
  // Opened: the first change is the current one, as VS Code's diff editor starts at the first difference.
  const first = diff?.changes[0]?.id ?? null;
  useEffect(() => {
    if (currentId === null && first) setCurrentId(first);
  }, [currentId, first]);

  const select = (change: PlanChange) => {
    setCurrentId(change.id);
    showInContext(services, refs, change);
  };

  if (before.error || after.error) {
    return <p className="tandem-editor-message" role="alert">This comparison cannot be shown: {before.error ?? after.error}</p>;
  }
  if (!diff) return <p className="tandem-editor-message" role="status">Comparing…</p>;
  const titleOf = new Map(diff.sections.map((s) => [s.key, s.title]));
  const planWide = diff.changes.filter((c) => c.section === PLAN_WIDE);
  const unchanged = diff.sections.filter((s) => s.status === 'same' && !diff.changes.some((c) => c.section === s.key));
  const position = index >= 0 ? `Change ${index + 1} of ${diff.changes.length}` : plural(diff.changes.length, 'change');
  return (
    <div className="ed-diff">
      <div className="ed-diff-bar" role="toolbar" aria-label="Compare">
        <div className="ed-diff-sides">
          <span className="ed-side is-before" title={beforeLabel.about}><span className="ed-side-sign" aria-hidden="true">−</span>{beforeLabel.name}<span className="ed-side-about">{beforeLabel.about}</span></span>
          <span className="ed-side-arrow" aria-label="compared with">→</span>
          <span className="ed-side is-after" title={afterLabel.about}><span className="ed-side-sign" aria-hidden="true">+</span>{afterLabel.name}<span className="ed-side-about">{afterLabel.about}</span></span>
        </div>
        <span className="ed-diff-position" role="status" aria-live="polite">{position}</span>
        <button type="button" className="tv-icon-button" aria-label={`Previous Change (${keyLabel('diff.previousChange')})`} title={`Previous Change (${keyLabel('diff.previousChange')})`}
          disabled={diff.changes.length === 0} onClick={() => move('previous')}>
          <LineIcon name="arrowUp" />
        </button>
        <button type="button" className="tv-icon-button" aria-label={`Next Change (${keyLabel('diff.nextChange')})`} title={`Next Change (${keyLabel('diff.nextChange')})`}
          disabled={diff.changes.length === 0} onClick={() => move('next')}>
          <LineIcon name="arrowDown" />
        </button>
      </div>
      <div
        className="ed-diff-scroll"
        ref={scroller}
        tabIndex={0}
        aria-label={`Changes between ${beforeLabel.name} and ${afterLabel.name}`}
        onKeyDown={(e) => {
          const current = index >= 0 ? diff.changes[index] : undefined;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') move(e.key === 'ArrowDown' ? 'next' : 'previous');
          else if (e.key === 'Enter' && current) showInContext(services, refs, current);
          else return;
          e.preventDefault();
        }}
      >
        <div className="ed-diff-doc">
          <p className="ed-diff-summary">{summaryOf(diff)}{cycles && ' Goals are compared with the goals they continue.'}</p>
          {planWide.length > 0 && (
            <section className="ed-section" aria-label="The plan">
              <h2 className="ed-section-title">The plan</h2>
              <ChangeList label="Changes to the plan" changes={planWide} currentId={currentId} sectionTitle={(k) => titleOf.get(k) ?? k} onSelect={select} />
            </section>
          )}
          {diff.sections.filter((s) => s.status !== 'same' || diff.changes.some((c) => c.section === s.key)).map((s) => {
            const here = diff.changes.filter((c) => c.section === s.key);
            return (
              <section key={s.key} className={`ed-section is-${s.status}`} aria-label={`Section ${s.title}`}>
                <h2 className="ed-section-title">
                  {s.title}
                  {s.renamedFrom && <span className="ed-section-note">renamed from “{s.renamedFrom}”</span>}
                  {s.status === 'added' && <span className="ed-section-note is-added">new section</span>}
                  {s.status === 'removed' && <span className="ed-section-note is-removed">section removed</span>}
                  <span className="ed-section-count">{plural(here.length, 'change')}</span>
                </h2>
                {here.length === 0 && <p className="ed-quiet">A goal or action moved out of this section.</p>}
                {here.length > 0 && <ChangeList label={`Changes in ${s.title}`} changes={here} currentId={currentId} sectionTitle={(k) => titleOf.get(k) ?? k} onSelect={select} />}
              </section>
            );
          })}
          {unchanged.length > 0 && (
            <p className="ed-unchanged"><strong>Unchanged:</strong> {unchanged.map((s) => s.title).join(' · ')}</p>
          )}
        </div>
      </div>
    </div>
  );
}

export function DiffEditor({ input, group }: EditorProps) {
  const refs = useMemo(() => parseDiffId(input.id), [input.id]);
  if (!refs) return <p className="tandem-editor-message" role="alert">This comparison’s address is not one Tandem knows.</p>;
  return <DiffBody refs={refs} tabKey={editorKey(input)} group={group} />;
}
