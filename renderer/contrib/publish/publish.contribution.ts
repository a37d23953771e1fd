/** Publishing: the plan as a PDF (desktop) or printed (browser), and as a Word document. */
import { registerCommand, type CommandContext } from '../../platform/commands';
import { exportPdf, exportWord } from './publishCommands';

const hasPlan = ({ workbench }: CommandContext) => workbench.activePlanId !== null;

registerCommand({ id: 'plan.exportPdf', title: 'Export Plan as PDF…', category: 'Plan', when: hasPlan, run: exportPdf });
registerCommand({ id: 'plan.exportWord', title: 'Export Plan as Word (.docx)…', category: 'Plan', when: hasPlan, run: exportWord });
