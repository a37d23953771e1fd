/** First run: the sample workspace command (the welcome page and first-run screen use it too). */
import { registerCommand } from '../../platform/commands';
import { createSampleWorkspace } from './sampleWorkspace';

registerCommand({
  id: 'workbench.createSampleWorkspace',
  run: (services) => createSampleWorkspace(services),
});
