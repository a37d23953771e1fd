/**
 * @mentions in a comment, parsed against the workspace's people directory: `@Ana Lima` (a full name,
 * any case) or `@Ana` (a first name no one else in the directory has). The longest name that matches
 * wins, and it must end at a word boundary; an `@` inside a word (an e-mail address) mentions no one.
 */
import { type Person } from '../model/people';

const WORD = /[\p{L}\p{N}_]/u;

/** Where `text` mentions someone: `@` and the name, as offsets, with the person's id. */
export function mentionSpans(text: string, people: readonly Pick<Person, 'id' | 'name'>[]): { start: number; end: number; personId: string }[] {
  const names: { name: string; id: string }[] = people.map((p) => ({ name: p.name.trim().toLowerCase(), id: p.id }));
  const firsts = new Map<string, string[]>();
  for (const p of people) {
    const first = p.name.trim().split(/\s+/)[0]!.toLowerCase();
    firsts.set(first, [...(firsts.get(first) ?? []), p.id]);
  }
  for (const [first, ids] of firsts) if (ids.length === 1 && !names.some((n) => n.name === first)) names.push({ name: first, id: ids[0]! });
  names.sort((a, b) => b.name.length - a.name.length);

  const lower = text.toLowerCase();
  const spans: { start: number; end: number; personId: string }[] = [];
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const hit = names.find((n) => n.name && rest.startsWith(n.name) && !WORD.test(rest[n.name.length] ?? ' '));
    if (hit) spans.push({ start: at, end: at + 1 + hit.name.length, personId: hit.id });
  }
  return spans;
}

/** The ids of the people `text` mentions, each once, in order of first mention. */
export function parseMentions(text: string, people: readonly Pick<Person, 'id' | 'name'>[]): string[] {
  return [...new Set(mentionSpans(text, people).map((s) => s.personId))];
}

/** A person's name being typed after `@` just before the caret (`@An|`), as the picker reads it; null when none. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(?:^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(text.slice(0, caret));
  if (!m) return null;
  const query = m[1] ?? '';
  return { start: caret - query.length - 1, query };
}

/** `text` with the `@query` before the caret replaced by `@Full Name `, and where the caret goes. */
export function completeMention(text: string, caret: number, name: string): { text: string; caret: number } {
  const at = mentionQueryAt(text, caret);
  if (!at) return { text, caret };
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, '');
  return { text: text.slice(0, at.start) + inserted + rest, caret: at.start + inserted.length };
}

/** The parts of a message, the mentions marked with their person, for showing them highlighted. */
export function mentionRuns(text: string, people: readonly Pick<Person, 'id' | 'name'>[]): { text: string; personId: string | null }[] {
  const runs: { text: string; personId: string | null }[] = [];
  let at = 0;
  for (const span of mentionSpans(text, people)) {
    if (span.start > at) runs.push({ text: text.slice(at, span.start), personId: null });
    runs.push({ text: text.slice(span.start, span.end), personId: span.personId });
    at = span.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), personId: null });
  return runs;
}
