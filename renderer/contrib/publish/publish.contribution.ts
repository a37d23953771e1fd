/** Publishing: the plan as a PDF (desktop) or printed (browser), as a Word document, and as Markdown. */
import { registerCommand, type CommandContext } from '../../platform/commands';
import { exportActivePlan } from './exportMarkdown';
import { exportPdf, exportWord } from './publishCommands';

const hasPlan = ({ editors }: CommandContext) => editors.activePlanId.get() !== null;

registerCommand({ id: 'plan.exportPdf', title: 'Export Plan as PDF…', category: 'Plan', when: hasPlan, run: exportPdf });
registerCommand({ id: 'plan.exportMarkdown', title: 'Export Plan as Markdown', category: 'Plan', when: hasPlan, run: exportActivePlan });
registerCommand({ id: 'plan.exportWord', title: 'Export Plan as Word (.docx)…', category: 'Plan', when: hasPlan, run: exportWord });
