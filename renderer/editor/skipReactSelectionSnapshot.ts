/**
 * Before every commit, React records the selection of the focused element so it can restore it if
 * the commit moves focus. For a contenteditable that means walking every DOM node of the editable
 * to count characters: the whole plan, on every commit (the largest single cost of a keystroke in a
 * plan of 10,000 blocks). Slate keeps the DOM selection in step with its own after every render,
 * so React's snapshot is not needed: React recognises a contenteditable by its `contentEditable`
 * property reading "true", and the plan's editable reports "inherit" instead. The attribute, which
 * the browser edits by, is untouched (React writes it with setAttribute).
 */
export function skipReactSelectionSnapshot(editable: HTMLElement | null): void {
  if (!editable || Object.prototype.hasOwnProperty.call(editable, 'contentEditable')) return;
  Object.defineProperty(editable, 'contentEditable', {
    configurable: true,
    get: () => 'inherit',
    set: (value: string) => editable.setAttribute('contenteditable', value),
  });
}
