/**
 * Finds the field values of structured blocks that a concurrent change replaced, in the transaction
 * that replaced them.
 *
 * @slate-yjs/core stores each field of a goal, action or stage row as an attribute of the block's
 * Y.XmlText. Yjs keeps every write of an attribute as an item in a chain (newest last), and each item
 * records, as its `origin`, the item its author saw as the current value. A write that was replaced
 * *knowingly* has a later item whose origin is that write. A write that lost a concurrent race has
 * none: whoever set the winning value never saw it. Yjs deletes the loser while integrating the
 * winner (or the loser itself, if it arrives second); its value is still readable until the end of
 * that transaction, which is when `afterTransaction` runs.
 */
import * as Y from 'yjs';
import { type SetHistory } from './ownerSets';

/** Fields that merge as sets (see ownerSets.ts): their replaced writes are merged, not reported. */
export const SET_FIELDS: ReadonlySet<string> = new Set(['owners']);
/** Attributes that identify a block rather than describe it. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['type', 'id', 'stage']);
const STRUCTURED_TYPES: ReadonlySet<unknown> = new Set(['goal', 'action', 'stage']);

export type ReplacedValue = {
  /** `<client>:<clock>` of the replaced write: the same everywhere, whoever finds it. */
  id: string;
  block: string;
  field: string;
  mine: unknown;
  theirs: unknown;
  /** For a set field: every write of the field, to merge the replaced one in (see ownerSets.ts). */
  history: SetHistory | null;
  /** The field's current write. */
  winner: string;
  /** The Yjs client that made the replaced write, and the one whose write replaced it. */
  client: number;
  byClient: number;
  /** The block's Yjs element. */
  element: Y.XmlText;
};

type Item = NonNullable<Y.XmlText['_item']>;
type Known = { known: boolean; value: unknown };

/**
 * The value written at `clock` by the item. Yjs merges a run of deleted writes of one client into
 * one item, so an item may hold several writes, one per clock.
 */
const valueAt = (item: Item, clock: number): Known => {
  if (!(item.content instanceof Y.ContentAny)) return { known: false, value: undefined };
  return { known: true, value: item.content.getContent()[clock - item.id.clock] ?? null };
};
const holds = (item: Item, id: Y.ID) => item.id.client === id.client && id.clock >= item.id.clock && id.clock < item.id.clock + item.length;
const lastId = (item: Item): Y.ID => Y.createID(item.id.client, item.id.clock + item.length - 1);

/** The write a write was made over (what its author saw), or null for the field's first write. */
function parentOf(chain: Item[], id: Y.ID): Y.ID | null | undefined {
  const item = chain.find((c) => holds(c, id));
  if (!item) return undefined;
  return id.clock > item.id.clock ? Y.createID(id.client, id.clock - 1) : item.origin;
}

function historyOf(chain: Item[]): SetHistory {
  const history: SetHistory = new Map();
  for (const item of chain) {
    for (let clock = item.id.clock; clock < item.id.clock + item.length; clock++) {
      const id = Y.createID(item.id.client, clock);
      const parent = parentOf(chain, id);
      history.set(`${id.client}:${clock}`, {
        ...valueAt(item, clock),
        parent: parent ? `${parent.client}:${parent.clock}` : null,
      });
    }
  }
  return history;
}

/** The key a card uses for its fields: a goal's or action's id, a stage row's matrix id and stage. */
export function blockKeyOfYElement(element: Y.XmlText): string | null {
  const type = element.getAttribute('type');
  if (!STRUCTURED_TYPES.has(type)) return null;
  if (type !== 'stage') {
    const id = element.getAttribute('id');
    return typeof id === 'string' ? id : null;
  }
  const matrix = element.parent;
  const matrixId = matrix instanceof Y.XmlText ? matrix.getAttribute('id') : null;
  const stage = element.getAttribute('stage');
  return typeof matrixId === 'string' && typeof stage === 'string' ? `${matrixId}:${stage}` : null;
}

const sameId = (a: Y.ID | null, b: Y.ID) => a !== null && a.client === b.client && a.clock === b.clock;

/** The field writes of structured blocks that `transaction` replaced without their replacer seeing them. */
export function replacedIn(transaction: Y.Transaction): ReplacedValue[] {
  const found: ReplacedValue[] = [];
  transaction.changed.forEach((keys, type) => {
    if (!(type instanceof Y.XmlText) || type._item?.deleted) return;
    let block: string | null | undefined;
    for (const field of keys) {
      if (field === null || IDENTITY_FIELDS.has(field)) continue;
      const current = type._map.get(field);
      if (!current) continue;
      // The chain of writes of this field, oldest first.
      const chain: Item[] = [];
      for (let item: Item | null = current; item !== null; item = item.left) chain.unshift(item);
      for (let i = 0; i < chain.length - 1; i++) {
        const item = chain[i]!;
        // Of the writes an item holds, all but its last were replaced by the next one, knowingly.
        const write = lastId(item);
        if (!item.deleted || !Y.isDeleted(transaction.deleteSet, write)) continue;
        if (chain.slice(i + 1).some((later) => sameId(later.origin, write))) continue;
        const mine = valueAt(item, write.clock);
        if (!mine.known) continue;
        const winner = type._map.get(field)!;
        const theirs = winner.deleted ? null : valueAt(winner, lastId(winner).clock).value;
        if (JSON.stringify(mine.value) === JSON.stringify(theirs)) continue;
        block ??= blockKeyOfYElement(type);
        if (!block) return;
        const winnerId = lastId(winner);
        // The write that beat it: the first later one in the chain that did not build on it.
        const beater = chain.slice(i + 1).find((later) => !sameId(later.origin, write)) ?? winner;
        found.push({
          id: `${write.client}:${write.clock}`, block, field, mine: mine.value, theirs,
          history: SET_FIELDS.has(field) ? historyOf(chain) : null, winner: `${winnerId.client}:${winnerId.clock}`,
          client: write.client, byClient: beater.id.client, element: type,
        });
      }
    }
  });
  return found;
}

/** For Y.Doc's `gcFilter`: the history of set fields is kept, so a replaced write's base stays known. */
export function keepSetFieldHistory(item: Item): boolean {
  return !(item.parentSub !== null && SET_FIELDS.has(item.parentSub) && item.parent instanceof Y.XmlText);
}
