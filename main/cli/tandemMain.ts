/** Entry point of the plan command line (main/cli/tandemCli.ts). */
import { runTandemCli } from './tandemCli';

process.exitCode = runTandemCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});
