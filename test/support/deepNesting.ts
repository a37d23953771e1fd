/** Content nested absurdly deep, written straight into a plan's Yjs text as a buggy or hostile peer could. */
import * as Y from 'yjs';
import { flattenDeepNesting } from '../../shared/model/nesting';

/** Appends `depth` bulleted lists inside each other around one item holding `text`, in one transaction. */
export function appendNestedLists(content: Y.XmlText, depth: number, text: string): void {
  const write = () => {
    // Outside in, each level added to the document before the next goes into it.
    let parent = content;
    let at = parent.length;
    for (let i = 0; i <= depth; i++) {
      const node = new Y.XmlText();
      parent.insertEmbed(at, node);
      node.setAttribute('type', i < depth ? 'bulleted-list' : 'list-item');
      parent = node;
      at = 0;
    }
    parent.insert(0, text);
  };
  if (content.doc) content.doc.transact(write);
  else write();
}

/**
 * A plan's history as a store receives it: a peer writes `depth` nested lists in one update, then an
 * editor opening the plan flattens them (shared/model/nesting.ts) in many. Returns the updates and the
 * flat text they end with.
 */
export function nestedThenFlattened(depth: number, text: string): { updates: Uint8Array[]; flat: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  appendNestedLists(doc.get('content', Y.XmlText), depth, text);
  flattenDeepNesting(doc.get('content', Y.XmlText));
  return { updates, flat: doc.get('content', Y.XmlText).toString() };
}
