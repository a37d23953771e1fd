// Lint, including the layering rules (README.md, "Tests and benchmarks"): each folder may only import what
// its layer allows, and a feature in renderer/contrib/<feature>/ imports no other feature (docs/workbench.md).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'worker_threads'];

/** One zone per feature folder: it may import from its own folder, not from another feature's. */
const features = readdirSync(new URL('./renderer/contrib', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const featureZones = features.map((f) => ({
  target: `./renderer/contrib/${f}`,
  from: './renderer/contrib',
  except: [`./${f}`],
  message: 'A feature never imports another feature: move what both need to renderer/workbench/ (widgets, services) or shared/, or run the other feature\'s command.',
}));

/** The packages shared/ may import: pure code that runs in Node, a browser and a worker alike. */
const sharedPackages = ['yjs', 'lib0', 'y-protocols', 'slate', '@slate-yjs/core', 'zod', 'diff', 'papaparse'];

/** Imports a layer must not make, by package name. */
const forbid = (names, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: names, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'test/bench/results/**', 'test/artifacts/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import/no-restricted-paths': ['error', {
        zones: [
          { target: './shared', from: ['./main', './renderer', './test'], message: 'shared/ runs anywhere: it must not import main/, renderer/ or test/.' },
          { target: './main', from: ['./renderer', './test'], message: 'main/ must not import renderer/ or test/.' },
          { target: './renderer', from: ['./main', './test'], message: 'renderer/ talks to main/ only through the host contract in shared/ipc.' },
          { target: './templates', from: ['./main', './renderer', './shared', './test'], message: 'templates/ is data.' },
          ...featureZones,
        ],
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      // An allow-list: shared/ runs in Node, browser and worker alike, so it imports only its own files
      // and these packages (docs/architecture.md says why each is here).
      'no-restricted-imports': ['error', { patterns: [{
        regex: `^(?!\\.|(${sharedPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})(/|$)).*`,
        message: `shared/ runs in Node, browser and worker alike: it may import only ${sharedPackages.join(', ')} (docs/architecture.md).`,
      }] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: forbid(['react', 'react-dom', 'react/*', 'react-dom/*', 'slate-react', 'slate-dom', 'y-indexeddb', '**/renderer/**'],
      'main/ is the Node side: no React, DOM or renderer code.'),
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/).*', message: 'The preload may only import electron and the shared/ipc contract.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
      ...forbid(['electron', 'electron/*', 'electron-store', 'y-leveldb', 'ws', ...nodeBuiltins, '**/main/**'],
        'renderer/ never knows it runs in Electron: reach the host through shared/ipc only.'),
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.js', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
