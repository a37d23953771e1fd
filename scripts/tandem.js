#!/usr/bin/env node
// The plan command line (main/cli/tandemCli.ts), runnable by its path from any folder: this is what
// git's textconv driver calls (`git config diff.tandem.textconv "<repo>/scripts/tandem.js show"`).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/tandemMain.ts');
