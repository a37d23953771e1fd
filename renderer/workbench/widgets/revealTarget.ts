/**
 * Where a row of a view jumps to in its plan: the block by id (found wherever it moved since the
 * view was computed), else the path it was at (prose, or a stage inside its matrix).
 */
import { type RevealTarget } from '../services/editorService';

export function revealTarget(where: { blockId?: string | null; path?: number[] }): RevealTarget {
  return { revealBlockId: where.blockId ?? undefined, revealPath: where.path };
}
