/** Content nested absurdly deep, written straight into a plan's Yjs text as a buggy or hostile peer could. */
import * as Y from 'yjs';

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
