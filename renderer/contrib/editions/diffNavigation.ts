/**
 * Next / previous change (F7 / Shift+F7, as in VS Code's diff editor): each diff tab on screen
 * registers how it moves; the commands move the active tab's diff, else the diff on screen in the
 * other group (the plan opened beside it to show a change in context has the focus then).
 */
import { editorInputOf } from '../../workbench/editorKinds';
import { type WorkbenchServices } from '../../workbench/services/services';
import { DIFF_EDITOR } from './editionRefs';

export type DiffNavigator = { move(direction: 'next' | 'previous'): void };

const shown = new Map<string, DiffNavigator>();
const slot = (group: number, tabKey: string) => `${group}:${tabKey}`;

/** A diff tab on screen says how it moves; returns its removal. */
export function registerDiffNavigator(group: number, tabKey: string, nav: DiffNavigator): () => void {
  const key = slot(group, tabKey);
  shown.set(key, nav);
  return () => {
    if (shown.get(key) === nav) shown.delete(key);
  };
}

/** The diff the change keys move: the active group's, else another group's on screen. */
export function diffToMove(wb: WorkbenchServices): DiffNavigator | undefined {
  const { groups, activeGroup } = wb.layout.state.get().editors;
  const order = [activeGroup, ...groups.map((_, i) => i).filter((i) => i !== activeGroup)];
  for (const g of order) {
    const active = groups[g]?.active;
    if (active && editorInputOf(active).kind === DIFF_EDITOR) {
      const nav = shown.get(slot(g, active));
      if (nav) return nav;
    }
  }
  return undefined;
}
