/**
 * "See it in context": a change of a diff shown where it is, beside the diff — in the plan (the
 * plan editor reveals the block) or in the edition it belongs to (opened read-only; the edition
 * editor reveals the block once it is on screen).
 */
import { type PlanChange } from '../../../shared/derive/diff/planDiff';
import { type WorkbenchServices } from '../../workbench/services/services';
import { EDITION_EDITOR, versionId, type DiffRef } from './editionRefs';

export type RevealRequest = { blockId: string | null; path: number[] };

/** Reveals waiting for an edition editor to be on screen, by edition tab id. */
const pending = new Map<string, RevealRequest>();
const listeners = new Set<() => void>();

/** The edition tab's editor takes what is waiting for it (once). */
export function takeEditionReveal(editionTabId: string): RevealRequest | undefined {
  const r = pending.get(editionTabId);
  pending.delete(editionTabId);
  return r;
}

export function onEditionReveal(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function showInContext(wb: WorkbenchServices, refs: DiffRef, change: PlanChange): void {
  const version = change.anchor.side === 'before' ? refs.before : refs.after;
  const { blockId, path } = change.anchor;
  if (!version.editionId) {
    wb.editors.openPlan(version.planId, { revealBlockId: blockId ?? undefined, revealPath: path.length ? path : undefined, toSide: true });
    return;
  }
  const id = versionId(version);
  pending.set(id, { blockId, path });
  wb.editors.open({ kind: EDITION_EDITOR, id }, { toSide: true });
  for (const l of listeners) l();
}
