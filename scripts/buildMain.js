// Bundles the Electron main process (ES module) and the preload (CommonJS: sandboxed preloads cannot be
// ES modules) into dist/main/. Needs no Electron binary: `electron` stays an import resolved at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/main`;
rmSync(outdir, { recursive: true, force: true });

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'main/main.ts' },
    outdir,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // npm packages load from node_modules (packaged into app.asar by electron-builder); native ones must.
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'main/preload/preload.ts' },
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    minify: true,
  }),
]);
console.log('built dist/main/main.mjs and dist/main/preload.cjs');
