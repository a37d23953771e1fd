/** Sets element properties by name; Slate's typed setNodes cannot express "these keys of whichever element is there". */
import { type Editor, type Location, Transforms } from 'slate';

export function setProps(editor: Editor, props: Record<string, unknown>, at: Location): void {
  Transforms.setNodes(editor, props as never, { at });
}
