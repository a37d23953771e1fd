/**
 * Ids stay unique when blocks are pasted or duplicated: a fragment whose goal, action or stage-matrix
 * ids already exist in the plan gets fresh ids (with its internal parent/goal links remapped, by
 * refreshIds from shared/model/planOps). Cut and paste keeps ids, because the originals are gone.
 */
import { type Descendant, type Editor, Element, Node } from 'slate';
import { refreshIds } from '../../../shared/model/planOps';

const ID_TYPES: ReadonlySet<string> = new Set(['goal', 'action', 'stage-matrix']);

function idsOf(nodes: Iterable<Descendant | Node>): Set<string> {
  const ids = new Set<string>();
  for (const root of nodes) {
    for (const [n] of Node.nodes(root as Node)) {
      if (Element.isElement(n) && ID_TYPES.has(n.type)) ids.add((n as { id: string }).id);
    }
  }
  return ids;
}

/** The nodes to insert: as given, or with fresh ids when any of theirs is taken in the editor. */
export function withFreshIdsIfTaken(editor: Editor, nodes: Descendant[]): Descendant[] {
  const incoming = idsOf(nodes);
  if (incoming.size === 0) return nodes;
  const taken = idsOf(editor.children);
  for (const id of incoming) if (taken.has(id)) return refreshIds(nodes);
  return nodes;
}

export function withUniqueIds<E extends Editor>(editor: E): E {
  const { insertFragment, insertNodes } = editor;
  editor.insertFragment = (fragment, options) => insertFragment(withFreshIdsIfTaken(editor, fragment as Descendant[]), options);
  editor.insertNodes = (nodes, options) => {
    const list = (Array.isArray(nodes) ? nodes : [nodes]) as Descendant[];
    insertNodes(withFreshIdsIfTaken(editor, list) as typeof nodes, options);
  };
  return editor;
}
