/**
 * How the editions feature's tabs name what they show (an editor input is a kind and an id):
 *
 * - an edition opened read-only: `<planId>@<editionId>`;
 * - a diff: `<before>..<after>`, each side a plan as it is now (`<planId>`) or one of its editions
 *   (`<planId>@<editionId>`). Two different plans are two cycles, compared goal by goal.
 */
export const EDITION_EDITOR = 'edition';
export const DIFF_EDITOR = 'diff';

/** A version of a plan: as it is now (`editionId` null) or one of its editions. */
export type PlanVersion = { planId: string; editionId: string | null };
export type DiffRef = { before: PlanVersion; after: PlanVersion };

const PART = /^[A-Za-z0-9_-]{1,64}$/;

export const versionId = (v: PlanVersion): string => (v.editionId ? `${v.planId}@${v.editionId}` : v.planId);

export function parseVersion(id: string): PlanVersion | null {
  const [planId, editionId, extra] = id.split('@');
  if (extra !== undefined || !planId || !PART.test(planId) || (editionId !== undefined && !PART.test(editionId))) return null;
  return { planId, editionId: editionId ?? null };
}

export const diffId = (ref: DiffRef): string => `${versionId(ref.before)}..${versionId(ref.after)}`;

export function parseDiffId(id: string): DiffRef | null {
  const [a, b, extra] = id.split('..');
  if (a === undefined || b === undefined || extra !== undefined) return null;
  const before = parseVersion(a);
  const after = parseVersion(b);
  return before && after ? { before, after } : null;
}

/** Whether the two sides are two cycles (two plans) rather than two versions of one plan. */
export const comparesCycles = (ref: DiffRef): boolean => ref.before.planId !== ref.after.planId;

/** The plan a tab shows: a plan's own tab, an edition's plan, or the later side of a comparison; null for other tabs. */
export function planOfTab(input: { kind: string; id: string } | null): string | null {
  if (!input) return null;
  if (input.kind === EDITION_EDITOR) return parseVersion(input.id)?.planId ?? null;
  if (input.kind === DIFF_EDITOR) return parseDiffId(input.id)?.after.planId ?? null;
  return input.kind === 'plan' ? input.id : null;
}
