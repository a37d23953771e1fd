/**
 * The workbench layout that survives a reload: side bar and panel size and visibility, the active
 * container and panel view, and the open editors. Stored per workspace in localStorage (renderer
 * state, the same in both hosts); anything unreadable falls back to the defaults.
 */
import { z } from 'zod';
import { emptyEditorGroups, type EditorGroupsState } from './editorGroups';

export const SIDEBAR_MIN = 170;
export const SIDEBAR_MAX = 600;
export const PANEL_MIN = 80;
export const PANEL_MAX = 800;

const GroupsSchema = z.object({
  groups: z.array(z.object({ tabs: z.array(z.string()), active: z.string().nullable() })).min(1).max(2),
  activeGroup: z.number().int().min(0).max(1),
  recentlyClosed: z.array(z.object({ planId: z.string(), group: z.number().int(), index: z.number().int() })),
});

export const LayoutSchema = z.object({
  sidebarVisible: z.boolean(),
  sidebarWidth: z.number().min(SIDEBAR_MIN).max(SIDEBAR_MAX),
  panelVisible: z.boolean(),
  panelHeight: z.number().min(PANEL_MIN).max(PANEL_MAX),
  activeContainer: z.string(),
  activePanelView: z.string().nullable(),
  editors: GroupsSchema,
});
export type Layout = z.infer<typeof LayoutSchema>;

export const defaultLayout = (): Layout => ({
  sidebarVisible: true,
  sidebarWidth: 280,
  panelVisible: false,
  panelHeight: 200,
  activeContainer: 'explorer',
  activePanelView: null,
  editors: emptyEditorGroups() as EditorGroupsState,
});

export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;
const key = (workspaceId: string) => `tandem.layout.${workspaceId}`;

export function loadLayout(store: KeyValueStore, workspaceId: string): Layout {
  try {
    const raw = store.getItem(key(workspaceId));
    if (!raw) return defaultLayout();
    const parsed = LayoutSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return defaultLayout();
    const l = parsed.data;
    return { ...l, editors: { ...l.editors, activeGroup: Math.min(l.editors.activeGroup, l.editors.groups.length - 1) } };
  } catch {
    return defaultLayout();
  }
}

export function saveLayout(store: KeyValueStore, workspaceId: string, layout: Layout): void {
  try {
    store.setItem(key(workspaceId), JSON.stringify(layout));
  } catch {
    // A full or disabled storage only costs the layout on the next start.
  }
}

export const clamp = (n: number, min: number, max: number): number => Math.max(min, Math.min(max, n));
