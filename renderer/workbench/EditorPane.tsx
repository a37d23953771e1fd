/**
 * The plan editor kind: one plan in one editor group, a compact document header (the plan's title,
 * its template and period, kept live from the plan's own meta) above the plan editor on the tab's
 * session, with the workspace's people and goals.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { planMetaMap, readPlanMeta, writtenByNewerTandem, type PlanMeta } from '../../shared/model/planDoc';
import { type GoalTree } from '../../shared/derive/goalTree';
import { type CollabSession } from '../collab/collabSession';
import { CommentMarks } from '../editor/commentMarks';
import { type PlanSlateEditor } from '../editor/createPlanEditor';
import { PlanEditor, type GoalOption } from '../editor/PlanEditor';
import { goalTree } from './derived';
import { type EditorKind, type EditorProps } from './editorKinds';
import { headingNotesFor, planHeaderItems, planPaneParts } from './planDecorations';
import { useComputed, useServices, useValue } from './services/services';
import { hasPendingChanges, useSyncStatus } from './useSyncStatus';
import './editorPane.css';

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
function useGoalOptions(planId: string): GoalOption[] {
  const { model } = useServices();
  return useComputed([model.get(goalTree)], (tree) => goalOptionsFor(planId, tree), [planId], sameGoalOptions);
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

function DocumentHeader({ doc, planId }: { doc: Y.Doc; planId: string }) {
  const meta = usePlanMeta(doc);
  const { templates } = useServices();
  const template = templates.find((t) => t.id === meta.templateId)?.name;
  const about = [template, meta.period.trim()].filter(Boolean).join(' · ');
  const version = useSyncExternalStore(planHeaderItems.subscribe, planHeaderItems.getVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the registry version is what changes
  const items = useMemo(() => planHeaderItems.all().sort((a, b) => a.order - b.order), [version]);
  return (
    <header className="tandem-document-header" aria-label="Plan">
      <h1 className="tandem-document-title">{meta.title.trim() || 'Untitled plan'}</h1>
      {about && <p className="tandem-document-about">{about}</p>}
      {items.map((i) => <i.component key={i.id} planId={planId} />)}
    </header>
  );
}

/** Whether the plan really is a newer Tandem's (re-checked when its schema number changes). */
function useWrittenByNewer(doc: Y.Doc): boolean {
  const { schemaVersion } = usePlanMeta(doc);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the schema number is what makes the check worth redoing
  return useMemo(() => writtenByNewerTandem(doc), [doc, schemaVersion]);
}

function PlanPane({ session, group }: { session: CollabSession; group: number }) {
  const services = useServices();
  const { model, editors } = services;
  const headingNotes = useMemo(() => headingNotesFor(session.docId, services), [session.docId, services]);
  const people = useValue(model.people);
  const teams = useValue(model.teams);
  const { fiscalYearStartMonth } = useValue(model.workspaceSettings);
  const goalOptions = useGoalOptions(session.docId);
  const newer = useWrittenByNewer(session.doc);
  const [editor, setEditor] = useState<PlanSlateEditor | null>(null);
  const onEditor = useCallback((e: PlanSlateEditor | null) => {
    setEditor(e);
    editors.setPlanEditor(group, session.docId, e);
  }, [editors, group, session.docId]);
  const comments = useMemo(() => new CommentMarks(), []);
  useSyncExternalStore(planPaneParts.subscribe, planPaneParts.getVersion);
  const parts = planPaneParts.all().sort((a, b) => a.order - b.order);
  return (
    <div className="tandem-editor-pane">
      <DocumentHeader doc={session.doc} planId={session.docId} />
      {newer && (
        <p className="tandem-document-notice" role="status">
          A newer version of Tandem wrote parts of this plan that this version cannot show. It is open read-only: update Tandem to edit it.
        </p>
      )}
      <div className="tandem-editor-pane-main">
        <div className="tandem-editor-pane-body">
          <PlanEditor session={session} people={people} goalOptions={goalOptions} otherPlans={model.snapshots} teams={teams}
            fiscalYearStartMonth={fiscalYearStartMonth} readOnly={newer || session.readOnly} headingNotes={headingNotes} onEditor={onEditor}
            comments={comments} />
        </div>
        {parts.map((p) => <p.component key={p.id} planId={session.docId} group={group} session={session} editor={editor} comments={comments} />)}
      </div>
    </div>
  );
}

/** The open plan's session (held by the editor service while its tab is open). */
function useTabSession(planId: string): CollabSession | undefined {
  return useValue(useServices().editors.sessions).get(planId);
}

export const planEditorKind: EditorKind = {
  kind: 'plan',
  icon: 'file',
  useTitle: ({ id }) => {
    const plans = useValue(useServices().model.plans);
    return plans.find((p) => p.id === id)?.title ?? 'Plan';
  },
  usePendingNote: ({ id }) => {
    const status = useSyncStatus(useTabSession(id));
    if (status && !status.saved) return 'not saved yet';
    return hasPendingChanges(status) ? 'changes not yet on the server' : null;
  },
  component: function PlanEditorTab({ input, group }: EditorProps) {
    const session = useTabSession(input.id);
    return session ? <PlanPane key={`${group}:${input.id}`} session={session} group={group} /> : null;
  },
  exists: (id, model) => model.plans.get().some((p) => p.id === id),
};
