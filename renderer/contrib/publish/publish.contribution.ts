/** Publishing: the plan as a PDF (desktop) or printed (browser), as a Word document, and as Markdown. */
import { registerCommand, type CommandContext } from '../../platform/commands';
import { exportActivePlan } from './exportMarkdown';
import { exportPdf, exportWord } from './publishCommands';

const hasPlan = ({ editors }: CommandContext) => editors.activePlanId.get() !== null;

/** A PDF of the active plan, or of the version a command names (an edition's tab passes `{ planId, editionId }`). */
registerCommand({ id: 'plan.exportPdf', when: ({ editors }) => editors.hasOpenEditor(), run: exportPdf });
registerCommand({ id: 'plan.exportMarkdown', when: hasPlan, run: exportActivePlan });
registerCommand({ id: 'plan.exportWord', when: hasPlan, run: exportWord });
