// Bundles the sync server's command line (main/server/cli.ts) into dist/server/cli.mjs, which
// `npm run server` and `npm run web` run with plain Node. npm packages load from node_modules.
// Run from a bundle rather than through tsx: tsx keeps every function's name by setting it at run
// time, which costs memory for each closure a connection holds.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  entryPoints: { cli: 'main/server/cli.ts' },
  outdir: `${root}dist/server`,
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
