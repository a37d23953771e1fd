/** The one limit on a plan title: the host contract, the model and the file header all hold to it. */

/** The longest plan title in UTF-16 units. Kept by the model, so a title set over sync is held to it too. */
export const PLAN_TITLE_MAX = 200;

/** A title cut to the limit (never through the middle of a character). */
export function clampTitle(title: string): string {
  if (title.length <= PLAN_TITLE_MAX) return title;
  const cut = title.slice(0, PLAN_TITLE_MAX);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
