/** One plan in one editor group: the plan editor on the tab's session, with the workspace's people and goals. */
import { useMemo } from 'react';
import { type Person } from '../../shared/model/people';
import { type GoalTree } from '../../shared/derive/goalTree';
import { type CollabSession } from '../collab/collabSession';
import { PlanEditor, type GoalOption } from '../editor/PlanEditor';
import { type PlanSlateEditor } from './WorkbenchContext';

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

export function EditorPane({ session, people, goalTree, onEditor }: EditorPaneProps) {
  const goalOptions = useMemo(() => goalOptionsFor(session.docId, goalTree), [session.docId, goalTree]);
  return <PlanEditor session={session} people={people} goalOptions={goalOptions} onEditor={onEditor} />;
}
