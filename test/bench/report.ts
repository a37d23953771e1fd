/**
 * What every benchmark suite returns: one row per figure, always beside a baseline measured in the
 * same run (these machines are noisy; only ratios and medians count). ratio = value ÷ baseline.
 */
export type BenchRow = {
  name: string;
  unit: string;
  value: number;
  baseline: number;
  baselineName: string;
  ratio: number;
};

/** A suite: `export default async function run(): Promise<BenchRow[]>` in test/bench/suites/<name>.ts. */
export type BenchSuite = () => Promise<BenchRow[]>;

export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** The p-th percentile (nearest rank) of the samples; NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function row(name: string, unit: string, value: number, baseline: number, baselineName: string): BenchRow {
  return { name, unit, value, baseline, baselineName, ratio: baseline === 0 ? Number.NaN : value / baseline };
}

const fmt = (n: number) => (Number.isNaN(n) ? 'n/a' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The rows as a plain-text table. */
export function formatTable(suite: string, rows: readonly BenchRow[]): string {
  const cells = [['figure', 'value', 'unit', 'baseline', 'baseline is', 'ratio'],
    ...rows.map((r) => [r.name, fmt(r.value), r.unit, fmt(r.baseline), r.baselineName, `${fmt(r.ratio)}×`])];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => (i === 1 || i === 3 || i === 5 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ');
  return [`== ${suite} ==`, line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
