/**
 * What the keyboard trust tests share: the annual plan from its template (and a chunked copy of it),
 * a colleague connected as a real y-websocket client, the card fields under test, and ways to check
 * that the plan changed only in one field (or one paragraph), in the page and in the colleague's copy.
 */
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import { type Locator, type Page } from 'playwright-core';
import { type Descendant } from 'slate';
import { paragraph } from '../../../shared/model/blocks';
import { planContent, readPlanContent } from '../../../shared/model/planDoc';
import { CHUNKING_FROM } from '../../../renderer/editor/createPlanEditor';
import { planFromTemplateThroughServer, type WrittenPlan } from '../../support/planThroughServer';
import { type WebApp } from '../../support/webApp';

export const WAIT = { timeout: 20_000, interval: 50 };

/** The 75-block annual plan from its template; `chunked` adds paragraphs after it until the editor chunks it. */
export async function annualPlan(app: WebApp, title: string, chunked: boolean): Promise<WrittenPlan> {
  const written = await planFromTemplateThroughServer(app, title, 'annual-joint-plan');
  if (chunked) {
    const text = planContent(written.doc);
    const more: Descendant[] = Array.from({ length: CHUNKING_FROM + 50 }, (_, i) => paragraph(`Appendix ${i}: notes from the review meeting.`));
    written.doc.transact(() => text.applyDelta([{ retain: text.length }, ...slateNodesToInsertDelta(more)]));
  }
  return written;
}

/** A field of a card: where it is in the plan (a top-level block, or a stage row in the matrix) and which property it edits. */
export type FieldSpec = { kind: 'goal' | 'action' | 'stage row'; label: string; prop: string; locate(page: Page): Locator; path(content: Descendant[]): number[] };

const firstOf = (type: string) => (content: Descendant[]) => [content.findIndex((b) => 'type' in b && b.type === type)];
const stageRow = (content: Descendant[]) => [...firstOf('stage-matrix')(content), 0];
const card = (page: Page, kind: 'goal' | 'action') => page.locator(`section.tandem-${kind}`).first();

/** Two fields per card kind: a one-line input and a multi-line textarea. */
export const FIELDS: FieldSpec[] = [
  { kind: 'goal', label: 'Goal title', prop: 'title', locate: (p) => card(p, 'goal').getByLabel('Goal title', { exact: true }), path: firstOf('goal') },
  { kind: 'goal', label: 'Why (rationale)', prop: 'rationale', locate: (p) => card(p, 'goal').getByLabel('Why (rationale)', { exact: true }), path: firstOf('goal') },
  { kind: 'action', label: 'Action title', prop: 'title', locate: (p) => card(p, 'action').getByLabel('Action title', { exact: true }), path: firstOf('action') },
  { kind: 'action', label: 'Expected result', prop: 'expectedResult', locate: (p) => card(p, 'action').getByLabel('Expected result', { exact: true }), path: firstOf('action') },
  { kind: 'stage row', label: 'Approach: marketing does', prop: 'marketing', locate: (p) => p.getByLabel('Approach: marketing does', { exact: true }), path: stageRow },
  { kind: 'stage row', label: 'Approach: metric', prop: 'metricName', locate: (p) => p.getByLabel('Approach: metric', { exact: true }), path: stageRow },
];

/** Another field of the same card: clicking it first makes the card Slate's selection, as a person moving between fields does. */
export const sibling = (field: FieldSpec) => FIELDS.find((f) => f.kind === field.kind && f !== field)!;

type Json = Record<string, unknown>;

function nodeAt(content: Descendant[], path: number[]): Json {
  let node = { children: content } as unknown as Json;
  for (const i of path) node = (node.children as Json[])[i]!;
  return node;
}

/** The plan as JSON with one field (or, `prop` null, one whole block) left out: what must not change. */
export function planWithout(content: Descendant[], path: number[], prop: string | null): string {
  const copy = structuredClone(content);
  if (prop === null) copy.splice(path[0]!, 1);
  else delete nodeAt(copy, path)[prop];
  return JSON.stringify(copy);
}

export const fieldValue = (content: Descendant[], field: FieldSpec) => nodeAt(content, field.path(content))[field.prop];

/**
 * What the page shows of the plan (text, and the value of every card field), leaving out the field
 * or block marked `data-under-test`: compared before and after keys, it catches anything they
 * changed elsewhere in the page.
 */
export function pageShows(page: Page): Promise<string[]> {
  return page.getByRole('textbox', { name: 'Plan text' }).evaluate((editable) => {
    const shown: string[] = [];
    for (const el of editable.querySelectorAll('[data-slate-string], [data-slate-zero-width], input, textarea, select')) {
      if (el.closest('[data-under-test]')) continue;
      if (el instanceof HTMLInputElement) shown.push(el.type === 'checkbox' ? String(el.checked) : el.value);
      else if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) shown.push(el.value);
      else shown.push(el.textContent ?? '');
    }
    return shown;
  });
}

/** Scrolls the plan down until `target` is rendered (a chunked plan renders chunks as they come near), then to it. */
export async function scrollToRendered(page: Page, target: Locator): Promise<void> {
  const editable = page.getByRole('textbox', { name: 'Plan text' });
  await expect.poll(async () => {
    if ((await target.count()) > 0) return true;
    await editable.evaluate((el) => {
      let scroller: HTMLElement | null = el.parentElement;
      while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
      scroller!.scrollTop += scroller!.clientHeight / 2;
    });
    return false;
  }, WAIT).toBe(true);
  await target.scrollIntoViewIfNeeded();
}

export const markUnderTest = (target: Locator, on: boolean) =>
  target.evaluate((el, flag) => (flag ? el.setAttribute('data-under-test', '') : el.removeAttribute('data-under-test')), on);

/** Waits until the colleague's copy of the plan shows this field as the page does; returns their plan. */
export async function colleagueSees(colleague: WrittenPlan, field: FieldSpec, target: Locator): Promise<Descendant[]> {
  const shown = await target.inputValue();
  await expect.poll(() => fieldValue(readPlanContent(colleague.doc), field), WAIT).toBe(shown);
  return readPlanContent(colleague.doc);
}

export const focusedLabel = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent ?? el.tagName : el?.getAttribute('aria-label') ?? el?.tagName ?? null;
});
