/**
 * One plan in one editor group: a compact document header (the plan's title, its template and
 * period, kept live from the plan's own meta) above the plan editor on the tab's session, with the
 * workspace's people and goals.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { type Person } from '../../shared/model/people';
import { planMetaMap, readPlanMeta, writtenByNewerTandem, type PlanMeta } from '../../shared/model/planDoc';
import { type GoalTree } from '../../shared/derive/goalTree';
import { type CollabSession } from '../collab/collabSession';
import { PlanEditor, type GoalOption } from '../editor/PlanEditor';
import { useWorkbench, type PlanSlateEditor } from './WorkbenchContext';
import './editorPane.css';

export type EditorPaneProps = {
  session: CollabSession;
  people: Person[];
  goalTree: GoalTree;
  onEditor(editor: PlanSlateEditor | null): void;
};

/** Goals of the other plans, which this plan's goals can name as their parent. */
export function goalOptionsFor(planId: string, tree: GoalTree): GoalOption[] {
  return [...tree.byId.values()]
    .filter((n) => n.planId !== planId)
    .map((n) => ({ id: n.goal.id, planId: n.planId, planTitle: n.planTitle, title: n.goal.title }));
}

export const sameGoalOptions = (a: GoalOption[], b: GoalOption[]): boolean =>
  a.length === b.length && a.every((o, i) => o.id === b[i]!.id && o.planId === b[i]!.planId && o.planTitle === b[i]!.planTitle && o.title === b[i]!.title);

/**
 * The goal options, as the same array while they stay the same: the goal tree is rebuilt whenever any
 * plan changes (a moment after each pause in typing), and a new array would re-render the whole plan
 * editor each time, also resetting a selection the browser has made but Slate has not read yet.
 */
function useGoalOptions(planId: string, tree: GoalTree): GoalOption[] {
  const next = useMemo(() => goalOptionsFor(planId, tree), [planId, tree]);
  const kept = useRef(next);
  if (!sameGoalOptions(kept.current, next)) kept.current = next;
  return kept.current;
}

/** The plan's meta as it is now, re-read whenever someone renames the plan or changes its period. */
function usePlanMeta(doc: Y.Doc): PlanMeta {
  const [meta, setMeta] = useState(() => readPlanMeta(doc));
  useEffect(() => {
    const map = planMetaMap(doc);
    const update = () => setMeta(readPlanMeta(doc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc]);
  return meta;
}

function DocumentHeader({ doc }: { doc: Y.Doc }) {
  const meta = usePlanMeta(doc);
  const { templates } = useWorkbench();
  const template = templates.find((t) => t.id === meta.templateId)?.name;
  const about = [template, meta.period.trim()].filter(Boolean).join(' · ');
  return (
    <header className="tandem-document-header" aria-label="Plan">
      <h1 className="tandem-document-title">{meta.title.trim() || 'Untitled plan'}</h1>
      {about && <p className="tandem-document-about">{about}</p>}
    </header>
  );
}

/** Whether the plan really is a newer Tandem's (re-checked when its schema number changes). */
function useWrittenByNewer(doc: Y.Doc): boolean {
  const { schemaVersion } = usePlanMeta(doc);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the schema number is what makes the check worth redoing
  return useMemo(() => writtenByNewerTandem(doc), [doc, schemaVersion]);
}

export function EditorPane({ session, people, goalTree, onEditor }: EditorPaneProps) {
  const goalOptions = useGoalOptions(session.docId, goalTree);
  const newer = useWrittenByNewer(session.doc);
  return (
    <div className="tandem-editor-pane">
      <DocumentHeader doc={session.doc} />
      {newer && (
        <p className="tandem-document-notice" role="status">
          A newer version of Tandem wrote parts of this plan that this version cannot show. It is open read-only: update Tandem to edit it.
        </p>
      )}
      <div className="tandem-editor-pane-body">
        <PlanEditor session={session} people={people} goalOptions={goalOptions} readOnly={newer || session.readOnly} onEditor={onEditor} />
      </div>
    </div>
  );
}
