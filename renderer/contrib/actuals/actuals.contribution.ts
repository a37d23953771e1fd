/** Import Actuals: a CRM report's CSV export recorded as check-ins, in an editor tab per plan. */
import { registerCommand } from '../../platform/commands';
import { useComputed, useServices } from '../../workbench/services/services';
import { registerEditorKind } from '../../workbench/editorKinds';
import { ImportActualsEditor } from './ImportActuals';

const IMPORT_EDITOR = 'actuals';

registerEditorKind({
  kind: IMPORT_EDITOR,
  icon: 'file',
  useTitle: ({ id }) => `Import Actuals — ${useComputed([useServices().model.plans], (ps) => ps.find((p) => p.id === id)?.title ?? 'plan', [id])}`,
  component: ImportActualsEditor,
  exists: (id, model) => model.plans.get().some((p) => p.id === id),
});

registerCommand({
  id: 'plan.importActuals',
  when: ({ editors }) => editors.activePlanId.get() !== null,
  run: ({ editors, notifications }, arg) => {
    const planId = typeof arg === 'string' ? arg : editors.activePlanId.get();
    if (!planId) {
      notifications.notify('Open the plan whose goals the actuals are for, then import.', 'error');
      return;
    }
    editors.open({ kind: IMPORT_EDITOR, id: planId });
  },
});
