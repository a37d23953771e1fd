/**
 * Watches a plan document for values of this device that a concurrent change replaced, whenever the
 * change arrives (from the server, from disk, after a reload): a set field is merged at once, any
 * other field gets a record the person acts on ("Restore mine" / "Keep theirs").
 */
import * as Y from 'yjs';
import { conflictMap, setMergesMap, type Writer, writersMap } from './conflictRecords';
import { mergeSetWrite } from './ownerSets';
import { type ReplacedValue, replacedIn } from './replacedValues';

export const CONFLICT_WATCH_ORIGIN = Symbol('tandem-conflict-watch');

export type ConflictWatchOptions = {
  /** This person and device. */
  me: Writer;
  now?: () => Date;
};

export function watchConflicts(doc: Y.Doc, { me, now = () => new Date() }: ConflictWatchOptions): () => void {
  const writers = writersMap(doc);
  const records = conflictMap(doc);
  const merges = setMergesMap(doc);
  const isMine = (client: number) => client === doc.clientID || writers.get(String(client))?.device === me.device;

  const onAfterTransaction = (tr: Y.Transaction) => {
    if (tr.origin === CONFLICT_WATCH_ORIGIN) return;
    const mine = replacedIn(tr).filter((r) => isMine(r.client));
    const named = writers.get(String(doc.clientID));
    const wrotePlan = tr.local && [...tr.changed.keys()].some((type) => type instanceof Y.XmlText);
    const needsName = (wrotePlan || mine.length > 0) && (named?.name !== me.name || named.device !== me.device);
    if (!needsName && mine.length === 0) return;
    // A follow-up transaction: Yjs runs it right after this one, before anything is sent.
    doc.transact(() => {
      if (needsName) writers.set(String(doc.clientID), { name: me.name, device: me.device });
      for (const r of mine) settle(r);
    }, CONFLICT_WATCH_ORIGIN);
  };

  const settle = (r: ReplacedValue) => {
    const merged = r.history && mergeSetWrite(r.history, r.id, r.winner, (id) => merges.get(id));
    if (merged) {
      r.element.setAttribute(r.field, merged as never);
      const write = r.element._map.get(r.field)!;
      merges.set(`${write.id.client}:${write.id.clock}`, r.id);
      return;
    }
    if (records.has(r.id)) return;
    records.set(r.id, {
      id: r.id, block: r.block, field: r.field, mine: r.mine, theirs: r.theirs, device: me.device,
      byClient: r.byClient, at: now().toISOString(), settled: null,
    });
  };

  doc.on('afterTransaction', onAfterTransaction);
  return () => doc.off('afterTransaction', onAfterTransaction);
}
