/**
 * @mentions in a comment, parsed against the workspace's people directory: `@Ana Lima` (a full name,
 * any case) or `@Ana` (a first name no one else in the directory has). The longest name that matches
 * wins, and it must end at a word boundary; an `@` inside a word (an e-mail address) mentions no one.
 */
import { type Person } from '../model/people';

const WORD = /[\p{L}\p{N}_]/u;

/** The ids of the people `text` mentions, each once, in order of first mention. */
export function parseMentions(text: string, people: readonly Pick<Person, 'id' | 'name'>[]): string[] {
  const names: { name: string; id: string }[] = people.map((p) => ({ name: p.name.trim().toLowerCase(), id: p.id }));
  const firsts = new Map<string, string[]>();
  for (const p of people) {
    const first = p.name.trim().split(/\s+/)[0]!.toLowerCase();
    firsts.set(first, [...(firsts.get(first) ?? []), p.id]);
  }
  for (const [first, ids] of firsts) if (ids.length === 1 && !names.some((n) => n.name === first)) names.push({ name: first, id: ids[0]! });
  names.sort((a, b) => b.name.length - a.name.length);

  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    const hit = names.find((n) => n.name && rest.startsWith(n.name) && !WORD.test(rest[n.name.length] ?? ' '));
    if (hit && !found.includes(hit.id)) found.push(hit.id);
  }
  return found;
}
