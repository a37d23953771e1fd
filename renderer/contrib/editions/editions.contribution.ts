/**
 * Editions, sign-off and the next cycle: the Editions view, an edition opened read-only and the diff
 * editor as editor kinds, the approval line under a plan's title and "changed since approval" beside
 * its headings, the sign-off status entry, and their commands (shared/commands/manifest.ts).
 */
import { registerCommand, type CommandContext } from '../../platform/commands';
import { registerEditorKind } from '../../workbench/editorKinds';
import { registerHeadingNotes, registerPlanHeaderItem } from '../../workbench/planDecorations';
import { registerStatusBarItem } from '../../workbench/statusBarItems';
import { registerView } from '../../workbench/views';
import { DiffEditor } from './DiffEditor';
import { diffToMove } from './diffNavigation';
import {
  compareEditions, comparePreviousCycle, compareWithEdition, editionOf, loadedEditions, openEdition, pickVersion, planOf, restoreInteractive, saveEditionInteractive,
} from './editionActions';
import { EditionEditor } from './EditionEditor';
import { DIFF_EDITOR, EDITION_EDITOR } from './editionRefs';
import { EditionsView } from './EditionsView';
import { useDiffTitle, useEditionTitle, versionsExist } from './editionTitles';
import { startNextCycleInteractive } from './nextCycleActions';
import { ApprovalLine, changedSinceApprovalNotes, EDITIONS_VIEW, SignoffStatusItem } from './SignoffItems';
import { approveInteractive, requestSignoffInteractive } from './signoffActions';

registerView({ id: EDITIONS_VIEW, title: 'Editions', container: 'explorer', order: 30, component: EditionsView });
registerEditorKind({ kind: EDITION_EDITOR, icon: 'file', useTitle: useEditionTitle, component: EditionEditor, exists: versionsExist });
registerEditorKind({ kind: DIFF_EDITOR, icon: 'split', useTitle: useDiffTitle, component: DiffEditor, exists: versionsExist });
registerStatusBarItem({ id: 'editions.signoff', alignment: 'left', order: 40, component: SignoffStatusItem });
registerPlanHeaderItem({ id: 'editions.approval', order: 10, component: ApprovalLine });
registerHeadingNotes({ id: 'editions.changedSinceApproval', notes: changedSinceApprovalNotes });

/** A plan to act on: the argument's, the active plan, or the plan of the active edition. */
const hasPlan = (wb: CommandContext) => planOf(wb, undefined) !== null;
const onPlan = (id: string, run: (wb: CommandContext, arg: unknown) => unknown) => registerCommand({
  id,
  when: hasPlan,
  run: async (wb, arg) => {
    const planId = planOf(wb, arg);
    if (!planId) wb.notifications.notify('Open a plan first.', 'error');
    else await run(wb, arg);
  },
});

onPlan('editions.save', (wb, arg) => saveEditionInteractive(wb, planOf(wb, arg)!));
onPlan('editions.open', async (wb, arg) => {
  const given = editionOf(arg);
  if (given) return openEdition(wb, given);
  const entry = await loadedEditions(wb, planOf(wb, arg)!);
  const picked = entry && await pickVersion(wb, entry, 'Open which edition (read-only)?');
  if (picked?.editionId) openEdition(wb, { planId: picked.planId, editionId: picked.editionId });
});
onPlan('editions.compare', compareWithEdition);
onPlan('editions.compareEditions', compareEditions);
onPlan('editions.comparePreviousCycle', comparePreviousCycle);
onPlan('editions.restore', restoreInteractive);
onPlan('editions.requestSignoff', requestSignoffInteractive);
onPlan('editions.approve', approveInteractive);
onPlan('plan.startNextCycle', startNextCycleInteractive);

const onDiff = (wb: CommandContext) => diffToMove(wb) !== undefined;
registerCommand({ id: 'diff.nextChange', when: onDiff, run: (wb) => diffToMove(wb)?.move('next') });
registerCommand({ id: 'diff.previousChange', when: onDiff, run: (wb) => diffToMove(wb)?.move('previous') });
