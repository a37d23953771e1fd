/**
 * npm run bench [-- <suite> ...]: runs test/bench/suites/*.ts (all, or those named), prints a table per
 * suite and writes test/bench/results/<suite>.json (an array of BenchRow).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type BenchRow, type BenchSuite } from './report';

const HERE = dirname(fileURLToPath(import.meta.url));
const SUITES_DIR = join(HERE, 'suites');
const RESULTS_DIR = join(HERE, 'results');

async function main(filters: string[]): Promise<void> {
  const all = readdirSync(SUITES_DIR).filter((f) => f.endsWith('.ts')).map((f) => basename(f, '.ts')).sort();
  const chosen = filters.length ? all.filter((s) => filters.some((f) => s.includes(f))) : all;
  if (!chosen.length) throw new Error(`no suite matches ${filters.join(', ')}; suites: ${all.join(', ')}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  let failed = 0;
  for (const suite of chosen) {
    const started = Date.now();
    process.stdout.write(`running ${suite}…\n`);
    try {
      const mod = (await import(pathToFileURL(join(SUITES_DIR, `${suite}.ts`)).href)) as { default: BenchSuite };
      const rows: BenchRow[] = await mod.default();
      writeFileSync(join(RESULTS_DIR, `${suite}.json`), JSON.stringify(rows, null, 2) + '\n');
      process.stdout.write(`${formatTable(suite, rows)}\n(${((Date.now() - started) / 1000).toFixed(1)} s, results in test/bench/results/${suite}.json)\n\n`);
    } catch (err) {
      failed++;
      process.stderr.write(`suite ${suite} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    }
  }
  process.exit(failed ? 1 : 0);
}

void main(process.argv.slice(2));
