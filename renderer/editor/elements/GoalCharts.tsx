/**
 * A goal's pictures, drawn with uPlot (small and fast: a canvas, no framework) in the theme's colours:
 * the card's trend line (progress over time beside the pace expected on those days) and the open
 * card's chart of check-ins against the pace line from the baseline to the target. Each chart is
 * hidden from screen readers and has a text summary beside it saying what it shows.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { elapsedShare, paceValueAt, type Contribution, type PaceLine, type ProgressPoint } from '../../../shared/derive/pace';
import { formatQuantity } from '../../../shared/derive/rollup';

const toX = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
export const shortDate = (day: string) => DATE.format(new Date(`${day}T00:00:00Z`));

/** Re-renders when the theme (data-theme on <html>) changes, so charts pick up its colours. */
function useTheme(): string {
  return useSyncExternalStore((onChange) => {
    const observer = new MutationObserver(onChange);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, () => document.documentElement.getAttribute('data-theme') ?? 'light');
}

type Colours = { line: string; pace: string; grid: string; text: string; behind: string };
function coloursOf(el: HTMLElement): Colours {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { line: v('--ed-accent', '#0969da'), pace: v('--ed-muted', '#656d76'), grid: v('--ed-border', '#d0d7de'), text: v('--ed-muted', '#656d76'), behind: v('--ed-danger', '#cf222e') };
}

/** Mounts a uPlot chart in the element and keeps it until the data, options or theme change. */
function useUPlot(make: (el: HTMLElement, colours: Colours) => uPlot | null, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useTheme();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = make(el, coloursOf(el));
    return () => chart?.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme, ...deps]);
  return ref;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

/** The card's trend line: progress on each day of a check-in, and (dashed) where the pace line was then. */
export function TrendLine({ points, line, behind }: { points: ProgressPoint[]; line: PaceLine | null; behind: boolean }) {
  const key = points.map((p) => `${p.date}:${p.ratio}`).join() + (line ? `|${line.start}|${line.end}` : '');
  const ref = useUPlot((el, c) => {
    if (points.length < 2) return null;
    const xs = points.map((p) => toX(p.date));
    const data: uPlot.AlignedData = [xs, points.map((p) => p.ratio * 100), points.map((p) => (line ? elapsedShare(line, p.date) * 100 : null))];
    return new uPlot({
      width: 120, height: 30, pxAlign: false, legend: { show: false }, cursor: { show: false }, select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [{ show: false }, { show: false }],
      series: [{}, { stroke: behind ? c.behind : c.line, width: 2, points: { show: false } }, { stroke: c.pace, width: 1, dash: [3, 3], points: { show: false } }],
    }, data, el);
  }, [key, behind]);
  if (points.length < 2) return null;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary = `Trend: ${pct(first.ratio)} on ${shortDate(first.date)} to ${pct(last.ratio)} on ${shortDate(last.date)}, over ${points.length} check-ins`
    + (line ? `; the pace line expected ${pct(elapsedShare(line, last.date))} by then.` : '.');
  return (
    <figure className="tandem-trend" title={summary}>
      <div ref={ref} aria-hidden />
      <figcaption className="tandem-visually-hidden">{summary}</figcaption>
    </figure>
  );
}

export type ValuePoint = { date: string; value: number };

/** Sub-goals' colours in the chart: distinct, and readable on the light and the dark theme alike. */
export const CONTRIBUTION_COLOURS = ['#3b82f6', '#e0568a', '#14a38b', '#e08a1e', '#8b5cf6', '#64a30d'];
const MAX_PARTS = CONTRIBUTION_COLOURS.length;

export type ChartContributions = { parts: Contribution[]; days: string[] };

/** At most MAX_PARTS areas: the sub-goals beyond are drawn as one, "other sub-goals". */
function chartParts(c: ChartContributions | undefined): Contribution[] {
  const parts = (c?.parts ?? []).filter((p) => p.shares.some((x) => x !== null));
  if (parts.length <= MAX_PARTS) return parts;
  const rest = parts.slice(MAX_PARTS - 1);
  const other: Contribution = {
    goalId: '', planId: '', title: `${rest.length} other sub-goals`,
    shares: c!.days.map((_d, i) => (rest.some((p) => p.shares[i] !== null) ? rest.reduce((s, p) => s + (p.shares[i] ?? 0), 0) : null)),
  };
  return [...parts.slice(0, MAX_PARTS - 1), other];
}

/** "New business brought $1.5M (19% of the way), Renewals $2M (25%)", as of the last day. */
function contributionWords(parts: Contribution[], days: string[], line: PaceLine, unit: string): string {
  const last = days.length - 1;
  const said = parts.flatMap((p) => {
    const share = p.shares[last];
    return share == null ? [] : [`${p.title} ${formatQuantity(Math.round(share * (line.to - line.from)), unit, { compact: true })} (${pct(share)} of the way)`];
  });
  return said.length ? `Sub-goals’ contributions on ${shortDate(days[last]!)}: ${said.join(', ')}.` : '';
}

/**
 * The open card's chart, in the goal's unit: its check-ins (or, for a goal measured by its sub-goals,
 * their progress mapped onto its span) against the pace line from the baseline to the target, and the
 * sub-goals' contributions stacked from the baseline as shaded areas. Its legend and summary are always
 * in the page; the chart itself is drawn only while `draw` (the open card).
 */
export function PaceChart({ points, line, unit, today, title, draw, className, contributions, rolledUp = false }: {
  points: ValuePoint[]; line: PaceLine | null; unit: string; today: string; title: string; draw: boolean; className?: string;
  contributions?: ChartContributions;
  /** The points are the goal's progress from its sub-goals (it has no check-ins of its own). */
  rolledUp?: boolean;
}) {
  const [width, setWidth] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el || !draw) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [draw]);
  const parts = line ? chartParts(contributions) : [];
  const partDays = contributions?.days ?? [];
  const key = points.map((p) => `${p.date}:${p.value}`).join() + (line ? `|${line.start}|${line.end}|${line.from}|${line.to}` : '')
    + `|${partDays.join()}|${JSON.stringify(parts.map((p) => [p.title, p.shares]))}`;
  const ref = useUPlot((el, c) => {
    if (!draw || width < 80 || (points.length === 0 && !line)) return null;
    const days = new Set([...points.map((p) => p.date), ...(parts.length ? partDays : [])]);
    if (line) {
      days.add(line.start);
      days.add(line.end);
    }
    const xs = [...days].sort();
    const byDay = new Map(points.map((p) => [p.date, p.value]));
    const dayIndex = new Map(partDays.map((d, i) => [d, i]));
    // Stacked from the baseline: each area's top is the sum of the shares up to it, in the goal's unit.
    const stacked = parts.map((_p, k) => xs.map((d) => {
      const i = dayIndex.get(d);
      if (i === undefined || !line) return null;
      const below = parts.slice(0, k + 1).map((p) => p.shares[i] ?? 0);
      return line.from + below.reduce((s, x) => s + x, 0) * (line.to - line.from);
    }));
    const base = xs.map((d) => (line && dayIndex.has(d) ? line.from : null));
    const data: uPlot.AlignedData = [
      xs.map(toX),
      ...(parts.length ? [base, ...stacked] : []),
      xs.map((d) => byDay.get(d) ?? null),
      xs.map((d) => (line && d >= line.start && d <= line.end ? paceValueAt(line, d) : null)),
    ];
    const axis = { stroke: c.text, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 }, font: '11px system-ui, sans-serif' };
    const areaSeries: uPlot.Series[] = parts.length ? [
      { label: 'Baseline', stroke: 'transparent', width: 0, spanGaps: true, points: { show: false } },
      ...parts.map((p, k): uPlot.Series => ({ label: p.title, stroke: CONTRIBUTION_COLOURS[k], width: 1, spanGaps: true, points: { show: false } })),
    ] : [];
    const bands: uPlot.Band[] = parts.map((_p, k) => ({ series: [k + 2, k + 1], fill: `${CONTRIBUTION_COLOURS[k]}55` }));
    return new uPlot({
      width, height: parts.length ? 180 : 150, legend: { show: false }, cursor: { show: false }, select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: true } },
      axes: [
        { ...axis, values: (_u, ticks) => ticks.map((t) => shortDate(new Date(t * 1000).toISOString().slice(0, 10))), space: 60 },
        { ...axis, size: 64, values: (_u, ticks) => ticks.map((t) => formatQuantity(t, unit, { compact: true })) },
      ],
      bands,
      series: [
        {},
        ...areaSeries,
        { label: rolledUp ? 'From its sub-goals' : 'Check-ins', stroke: c.line, width: 2, spanGaps: true, points: { show: true, size: 6, fill: c.line } },
        { label: 'Pace', stroke: c.pace, width: 1.5, dash: [5, 4], spanGaps: true, points: { show: false } },
      ],
    }, data, el);
  }, [key, width, unit, draw]);
  const last = points[points.length - 1];
  const parts_ = [
    points.length === 0 ? 'No check-ins yet.' : rolledUp
      ? `From its sub-goals’ check-ins, ${formatQuantity(Math.round(last!.value), unit)} on ${shortDate(last!.date)}.`
      : `${points.length} check-in${points.length === 1 ? '' : 's'}, the latest ${formatQuantity(last!.value, unit)} on ${shortDate(last!.date)}.`,
    line ? `The pace line runs from ${formatQuantity(line.from, unit)} on ${shortDate(line.start)} to ${formatQuantity(line.to, unit)} on ${shortDate(line.end)}, and is at ${formatQuantity(Math.round(paceValueAt(line, today)), unit)} today.` : 'No pace line: the goal needs a target and the plan a period.',
    line && parts.length ? contributionWords(parts, partDays, line, unit) : '',
  ];
  return (
    <figure className={`tandem-pace-chart ${className ?? ''}`} ref={host} aria-label={`Chart of ${title}`}>
      <div ref={ref} aria-hidden />
      <figcaption>
        <span className="tandem-legend">
          <span className="tandem-legend-line" aria-hidden /> {rolledUp ? 'From its sub-goals' : 'Check-ins'} <span className="tandem-legend-pace" aria-hidden /> Pace
          {parts.map((p, k) => (
            <span key={`${p.goalId}:${k}`} className="tandem-legend-part"><span className="tandem-legend-area" style={{ background: `${CONTRIBUTION_COLOURS[k]}99` }} aria-hidden /> {p.title}</span>
          ))}
        </span>
        <span className="tandem-visually-hidden">{parts_.filter(Boolean).join(' ')}</span>
      </figcaption>
    </figure>
  );
}
