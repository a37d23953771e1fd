/**
 * The typeahead menus in the text: `/` opens the block menu (at the start of a block or after a
 * space), `@` the people picker. Pure: what is open and what it lists, from the text before the caret.
 */
import fuzzysort from 'fuzzysort';
import { type Editor } from 'slate';
import { type Person } from '../../shared/model/people';
import { insertAction, insertGoal, insertMention, insertStageMatrix, insertSubGoal, setBlockType } from './editorCommands';

export type Typeahead = { kind: 'slash' | 'mention'; query: string };

const SLASH = /(?:^|\s)\/([\w-]{0,20})$/;
const MENTION = /(?:^|\s)@([\p{L}\p{N}._-]{0,30})$/u;

export function typeaheadAt(textBefore: string | null): Typeahead | null {
  if (textBefore === null) return null;
  const slash = SLASH.exec(textBefore);
  if (slash) return { kind: 'slash', query: slash[1] ?? '' };
  const mention = MENTION.exec(textBefore);
  if (mention) return { kind: 'mention', query: mention[1] ?? '' };
  return null;
}

export type MenuItem = { id: string; label: string; hint: string; keywords: string; run: (editor: Editor) => void };

export const SLASH_ITEMS: MenuItem[] = [
  { id: 'goal', label: 'Goal', hint: 'A goal with owners, metric and target', keywords: 'goal objective okr', run: (e) => { insertGoal(e); } },
  { id: 'sub-goal', label: 'Sub-goal', hint: 'A goal that supports the goal above', keywords: 'sub-goal subgoal cascade child', run: (e) => { insertSubGoal(e); } },
  { id: 'stages', label: 'Track-selling stages', hint: 'The seven stages as a matrix for both teams', keywords: 'stages matrix track selling funnel', run: insertStageMatrix },
  { id: 'action', label: 'Action', hint: 'A tactic with owner, due date and budget', keywords: 'action tactic task todo', run: (e) => { insertAction(e); } },
  { id: 'heading', label: 'Heading', hint: 'Section heading', keywords: 'heading h1 title section', run: (e) => setBlockType(e, 'heading-1') },
  { id: 'heading-2', label: 'Heading 2', hint: 'Sub-section heading', keywords: 'heading h2 subheading', run: (e) => setBlockType(e, 'heading-2') },
  { id: 'heading-3', label: 'Heading 3', hint: 'Small heading', keywords: 'heading h3', run: (e) => setBlockType(e, 'heading-3') },
  { id: 'list', label: 'Bulleted list', hint: 'A simple list', keywords: 'list bullet bulleted ul', run: (e) => setBlockType(e, 'bulleted-list') },
  { id: 'numbered', label: 'Numbered list', hint: 'A list with numbers', keywords: 'list numbered ordered ol', run: (e) => setBlockType(e, 'numbered-list') },
  { id: 'text', label: 'Text', hint: 'Plain paragraph', keywords: 'text paragraph plain', run: (e) => setBlockType(e, 'paragraph') },
];

export function slashItems(query: string): MenuItem[] {
  if (!query) return SLASH_ITEMS;
  // An exact command name first (`/goal` is the goal, not the sub-goal), then fuzzy matches.
  const exact = SLASH_ITEMS.filter((i) => i.id === query.toLowerCase());
  const fuzzy = fuzzysort.go(query, SLASH_ITEMS, { keys: ['id', 'label', 'keywords'], threshold: 0.3 }).map((r) => r.obj);
  return [...exact, ...fuzzy.filter((i) => !exact.includes(i))];
}

export function mentionItems(query: string, people: Person[]): MenuItem[] {
  const found = query ? fuzzysort.go(query, people, { keys: ['name', 'email', 'role'], threshold: 0.3 }).map((r) => r.obj) : people;
  return found.slice(0, 8).map((p) => ({
    id: p.id, label: p.name, hint: p.role || p.team, keywords: p.name,
    run: (e: Editor) => insertMention(e, p),
  }));
}
