/** Periods and shared settings: "Set Plan Period…" (also the status bar's period entry) and "Workspace Settings…". */
import { registerCommand } from '../../platform/commands';
import { openWorkspaceSettings, setPeriod } from './periodCommands';

registerCommand({ id: 'plan.setPeriod', when: ({ editors }) => editors.activePlanId.get() !== null, run: setPeriod });
registerCommand({ id: 'workspace.settings', when: ({ model }) => model.workspaceDoc.get() !== null, run: openWorkspaceSettings });
