/**
 * Search across every plan of a workspace: prose and the structured fields of goals, stages and
 * actions. Pure: plans and a query in, hits grouped by plan out, in plan and document order. Each
 * hit names the field it was found in and carries a short excerpt with the matched ranges, so a view
 * can highlight them without searching again.
 */
import { type ActionElement, type GoalElement, type StageElement } from '../model/elements';
import { type PlanSnapshot } from '../model/planDoc';
import { type Person } from '../model/people';
import { stageInfo } from '../model/stages';
import { forEachElement, inlineText } from './walk';

export type SearchOptions = {
  caseSensitive?: boolean;
  /** Only matches that are whole words (not inside a longer word). */
  wholeWord?: boolean;
  /** Owner names are searched through the people directory. */
  people?: Person[];
  /** Stop after this many hits (default 1,000); the result says it was cut. */
  maxHits?: number;
  /** Characters of context kept before the first match of a long field (default 40). */
  contextChars?: number;
};

export type SearchHit = {
  /** What the text belongs to, as a person reads it: "Goal title", "Goal ‘Win EMEA’ · Why", "Stage ‘Approach’ · Marketing does". */
  where: string;
  /** The block's kind: the view picks its icon from it. */
  kind: 'text' | 'heading' | 'goal' | 'action' | 'stage';
  /** The excerpt shown: the field's text on one line, shortened around the first match. */
  excerpt: string;
  /** [start, end) offsets of every match inside `excerpt`. */
  ranges: Array<[number, number]>;
  /** Matches in the whole field (the excerpt may show fewer). */
  count: number;
  /** The goal's or action's own id, or the stage matrix's id for a stage; null for prose. */
  blockId: string | null;
  /** Slate path of the block to reveal (for a stage, the stage inside its matrix). */
  path: number[];
};
export type SearchGroup = { planId: string; planTitle: string; hits: SearchHit[]; count: number };
export type SearchResult = { groups: SearchGroup[]; hits: number; matches: number; truncated: boolean };

const EMPTY: SearchResult = { groups: [], hits: 0, matches: 0, truncated: false };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query as a global regular expression, or null when there is nothing to look for. */
export function queryPattern(query: string, options: Pick<SearchOptions, 'caseSensitive' | 'wholeWord'> = {}): RegExp | null {
  const q = query.trim();
  if (!q) return null;
  let source = escapeRegExp(q).replace(/\s+/g, '\\s+');
  if (options.wholeWord) source = `(?<![\\p{L}\\p{N}_])${source}(?![\\p{L}\\p{N}_])`;
  return new RegExp(source, options.caseSensitive ? 'gu' : 'giu');
}

/** Every match of `pattern` in `text` as [start, end) offsets. */
export function findMatches(text: string, pattern: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** One line of text around the first match, with the matches moved into the excerpt's offsets. */
export function excerpt(text: string, ranges: Array<[number, number]>, contextChars = 40, maxLength = 160): { excerpt: string; ranges: Array<[number, number]> } {
  const flat = text.replace(/[\r\n\t]/g, ' ');
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - contextChars);
  // Start at a word boundary when cutting, so the excerpt does not open mid-word.
  if (start > 0) {
    const wordStart = flat.lastIndexOf(' ', start) + 1;
    if (first - wordStart <= contextChars + 15) start = wordStart;
  }
  const end = Math.min(flat.length, start + maxLength);
  const lead = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const shift = lead.length - start;
  const kept = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s + shift, e + shift]);
  return { excerpt: `${lead}${flat.slice(start, end)}${tail}`, ranges: kept };
}

type Field = { where: string; kind: SearchHit['kind']; text: string; blockId: string | null; path: number[] };

const named = (what: string, title: string, fallback: string) => `${what} ‘${title.trim() || fallback}’`;

function goalFields(g: GoalElement, path: number[], person: (id: string | null) => string): Field[] {
  const goal = named('Goal', g.title, 'Untitled goal');
  const f = (label: string | null, text: string): Field => ({ where: label ? `${goal} · ${label}` : 'Goal title', kind: 'goal', text, blockId: g.id, path });
  return [
    f(null, g.title),
    f('Owner', g.owners.map(person).filter(Boolean).join(', ')),
    f('Metric', g.metricName),
    f('Period', g.period),
    f('Why', g.rationale),
  ];
}

function actionFields(a: ActionElement, path: number[], person: (id: string | null) => string): Field[] {
  const action = named('Action', a.title, 'Untitled action');
  const f = (label: string | null, text: string): Field => ({ where: label ? `${action} · ${label}` : 'Action title', kind: 'action', text, blockId: a.id, path });
  return [f(null, a.title), f('Owner', person(a.owner)), f('Expected result', a.expectedResult)];
}

function stageFields(s: StageElement, path: number[], matrixId: string, person: (id: string | null) => string): Field[] {
  const stage = `Stage ‘${stageInfo(s.stage).name}’`;
  const f = (label: string, text: string): Field => ({ where: `${stage} · ${label}`, kind: 'stage', text, blockId: matrixId, path });
  return [
    f('Marketing does', s.marketing),
    f('Sales does', s.sales),
    f('Marketing owner', person(s.marketingOwner)),
    f('Sales owner', person(s.salesOwner)),
    f('Exit criteria', s.exitCriteria),
    f('Metric', s.metricName),
    f('Assets', s.assets),
  ];
}

/** Every searchable field of a plan, in document order. */
export function searchableFields(plan: PlanSnapshot, people: Person[] = []): Field[] {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const person = (id: string | null) => (id == null ? '' : (names.get(id) ?? ''));
  const out: Field[] = [];
  forEachElement(plan.content, (el, path) => {
    switch (el.type) {
      case 'heading':
        out.push({ where: 'Heading', kind: 'heading', text: inlineText(el), blockId: null, path });
        break;
      case 'paragraph':
      case 'list-item':
        out.push({ where: el.type === 'paragraph' ? 'Text' : 'List item', kind: 'text', text: inlineText(el), blockId: null, path });
        break;
      case 'guidance':
        out.push({ where: 'Template hint', kind: 'text', text: inlineText(el), blockId: null, path });
        break;
      case 'goal':
        out.push(...goalFields(el, path, person));
        break;
      case 'action':
        out.push(...actionFields(el, path, person));
        break;
      case 'stage-matrix':
        el.children.forEach((s, i) => out.push(...stageFields(s, [...path, i], el.id, person)));
        break;
    }
  });
  return out;
}

/**
 * Fields per plan snapshot, kept while the snapshot lives: snapshots are replaced, never changed, when
 * a plan changes, so each keystroke in the search box only scans text.
 */
const fieldCache = new WeakMap<PlanSnapshot, { people: Person[] | undefined; fields: Field[] }>();

function fieldsOf(plan: PlanSnapshot, people: Person[] | undefined): Field[] {
  const hit = fieldCache.get(plan);
  if (hit && hit.people === people) return hit.fields;
  const fields = searchableFields(plan, people);
  fieldCache.set(plan, { people, fields });
  return fields;
}

export function searchPlans(plans: PlanSnapshot[], query: string, options: SearchOptions = {}): SearchResult {
  const pattern = queryPattern(query, options);
  if (!pattern) return EMPTY;
  const maxHits = options.maxHits ?? 1000;
  const groups: SearchGroup[] = [];
  let hits = 0;
  let matches = 0;
  for (const plan of plans) {
    const group: SearchGroup = { planId: plan.meta.id, planTitle: plan.meta.title, hits: [], count: 0 };
    for (const field of fieldsOf(plan, options.people)) {
      if (!field.text) continue;
      const found = findMatches(field.text, pattern);
      if (found.length === 0) continue;
      if (hits === maxHits) {
        if (group.hits.length) groups.push(group);
        return { groups, hits, matches, truncated: true };
      }
      const shown = excerpt(field.text, found, options.contextChars);
      group.hits.push({ where: field.where, kind: field.kind, blockId: field.blockId, path: field.path, count: found.length, ...shown });
      group.count += found.length;
      hits++;
      matches += found.length;
    }
    if (group.hits.length) groups.push(group);
  }
  return { groups, hits, matches, truncated: false };
}
