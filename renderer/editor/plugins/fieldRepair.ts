/**
 * Repairs of a structured block's fields: every field present and of a valid type. A value of the
 * wrong type that still says what the user meant is kept in the right type (the text "15" as the
 * number 15); anything else takes the default from shared/model/blocks.ts. Pure: returns the
 * properties to set, or null when the block is already valid.
 */
import { type z } from 'zod';
import { newAction, newGoal, newStage } from '../../../shared/model/blocks';
import { newId } from '../../../shared/model/ids';
import { ActionFieldsSchema, GoalFieldsSchema, StageFieldsSchema } from '../../../shared/model/schemas';
import { type StageId } from '../../../shared/model/stages';

type Shape = Record<string, z.ZodType>;

function coerce(value: unknown, schema: z.ZodType): { ok: true; value: unknown } | { ok: false } {
  if (schema.safeParse(value).success) return { ok: true, value };
  const candidates: unknown[] = [];
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') candidates.push(null);
    const n = Number(trimmed.replace(/,/g, ''));
    if (trimmed !== '' && Number.isFinite(n)) candidates.push(n);
    if (trimmed === 'true' || trimmed === 'false') candidates.push(trimmed === 'true');
    candidates.push([trimmed].filter(Boolean));
  }
  if (typeof value === 'number' && Number.isFinite(value)) candidates.push(String(value));
  if (value === undefined) candidates.push(null);
  for (const c of candidates) if (schema.safeParse(c).success) return { ok: true, value: c };
  return { ok: false };
}

type Fields = z.ZodObject<Shape>;

function repair(el: Record<string, unknown>, fields: Fields, defaults: () => Record<string, unknown>): Record<string, unknown> | null {
  // The common case, a valid block, is one check of the whole block (opening a plan checks them all).
  if (fields.safeParse(el).success) return null;
  const fix: Record<string, unknown> = {};
  let fallback: Record<string, unknown> | undefined;
  for (const [key, schema] of Object.entries(fields.shape)) {
    const value = el[key];
    if (schema.safeParse(value).success) continue;
    // Slate and slate-yjs store a null property as an absent one: absent means null.
    if (value === undefined && schema.safeParse(null).success) continue;
    const c = coerce(value, schema);
    fix[key] = c.ok ? c.value : (fallback ??= defaults())[key];
  }
  return Object.keys(fix).length > 0 ? fix : null;
}

export function goalRepair(el: Record<string, unknown>): Record<string, unknown> | null {
  const fix = repair(el, GoalFieldsSchema, () => newGoal() as unknown as Record<string, unknown>);
  if (fix && 'id' in fix) fix.id = newId('goal');
  return fix;
}

export function actionRepair(el: Record<string, unknown>): Record<string, unknown> | null {
  const fix = repair(el, ActionFieldsSchema, () => newAction() as unknown as Record<string, unknown>);
  if (fix && 'id' in fix) fix.id = newId('action');
  return fix;
}

/** The stage id must be valid; the matrix normalization decides which stage an invalid one becomes. */
const StageContentSchema = StageFieldsSchema.omit({ stage: true });

export function stageRepair(el: Record<string, unknown>): Record<string, unknown> | null {
  return repair(el, StageContentSchema, () => newStage({ stage: 'approach' as StageId }) as unknown as Record<string, unknown>);
}

const STAGE_CONTENT_KEYS = Object.keys(StageFieldsSchema.shape).filter((k) => k !== 'stage');

/** The fields of `dup` worth keeping into `keep`: those `keep` leaves empty. */
export function stageMerge(keep: Record<string, unknown>, dup: Record<string, unknown>): Record<string, unknown> | null {
  const fix: Record<string, unknown> = {};
  for (const key of STAGE_CONTENT_KEYS) {
    const empty = keep[key] === null || keep[key] === '' || keep[key] === undefined;
    const has = dup[key] !== null && dup[key] !== '' && dup[key] !== undefined;
    if (empty && has) fix[key] = dup[key];
  }
  return Object.keys(fix).length > 0 ? fix : null;
}

export function stageIsEmpty(el: Record<string, unknown>): boolean {
  return STAGE_CONTENT_KEYS.every((k) => el[k] === null || el[k] === '' || el[k] === undefined);
}
