/** Links are inline, open only http(s) addresses, and lose their link (keeping their text) otherwise. */
import { type Editor, Element, Transforms } from 'slate';

export const isHttpUrl = (url: unknown): url is string => {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
};

export function withLinks<E extends Editor>(editor: E): E {
  const { normalizeNode } = editor;
  editor.normalizeNode = (entry, options) => {
    const [node, path] = entry;
    if (Element.isElement(node) && node.type === 'link' && !isHttpUrl(node.url)) {
      Transforms.unwrapNodes(editor, { at: path });
      return;
    }
    normalizeNode(entry, options);
  };
  return editor;
}
