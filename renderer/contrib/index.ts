/** Imports every feature contribution once; each registers its own commands and views. */
import './commands/commands.contribution';
import './firstRun/firstRun.contribution';
import './explorer/explorer.contribution';
import './outline/outline.contribution';
import './goalTree/goalTree.contribution';
import './people/people.contribution';
import './search/search.contribution';
import './problems/problems.contribution';
import './conflicts/conflicts.contribution';
import './publish/publish.contribution';
