/** Raw changes to a plan's shared XmlText, as a buggy or older peer could make them. */
import type * as Y from 'yjs';
import { planContent } from '../../../shared/model/planDoc';

/** The embedded XmlText of the top-level block at `index` (and of its child at `child`). */
export function yBlock(doc: Y.Doc, index: number, child?: number): Y.XmlText {
  const top = planContent(doc).toDelta()[index]!.insert as Y.XmlText;
  return child === undefined ? top : (top.toDelta()[child]!.insert as Y.XmlText);
}
