/**
 * The editor area's state as pure transitions: one or two side-by-side groups of tabs (a tab is an
 * open plan), the active group, and the recently closed tabs for "Reopen Closed Editor".
 */
export type EditorGroup = { tabs: string[]; active: string | null };
export type ClosedTab = { planId: string; group: number; index: number };
export type EditorGroupsState = { groups: EditorGroup[]; activeGroup: number; recentlyClosed: ClosedTab[] };

export const MAX_GROUPS = 2;
const MAX_RECENTLY_CLOSED = 20;

export const emptyEditorGroups = (): EditorGroupsState => ({ groups: [{ tabs: [], active: null }], activeGroup: 0, recentlyClosed: [] });

const withGroup = (s: EditorGroupsState, index: number, group: EditorGroup): EditorGroup[] =>
  s.groups.map((g, i) => (i === index ? group : g));

/** Opens (or focuses) a plan in the active group, or in the group beside it when `toSide`. */
export function openTab(s: EditorGroupsState, planId: string, opts: { toSide?: boolean } = {}): EditorGroupsState {
  let groups = s.groups;
  let target = s.activeGroup;
  if (opts.toSide) {
    if (groups.length < MAX_GROUPS) groups = [...groups, { tabs: [], active: null }];
    target = s.activeGroup === 0 ? 1 : 0;
  }
  const g = groups[target]!;
  const tabs = g.tabs.includes(planId) ? g.tabs : [...g.tabs, planId];
  return { ...s, groups: groups.map((x, i) => (i === target ? { tabs, active: planId } : x)), activeGroup: target };
}

export function focusGroup(s: EditorGroupsState, group: number): EditorGroupsState {
  return group >= 0 && group < s.groups.length ? { ...s, activeGroup: group } : s;
}

/** Closes a tab; the neighbour becomes active, and an emptied second group disappears. */
export function closeTab(s: EditorGroupsState, group: number, planId: string): EditorGroupsState {
  const g = s.groups[group];
  if (!g) return s;
  const index = g.tabs.indexOf(planId);
  if (index < 0) return s;
  const tabs = g.tabs.filter((t) => t !== planId);
  const active = g.active === planId ? (tabs[Math.min(index, tabs.length - 1)] ?? null) : g.active;
  const recentlyClosed = [{ planId, group, index }, ...s.recentlyClosed].slice(0, MAX_RECENTLY_CLOSED);
  let groups = withGroup(s, group, { tabs, active });
  let activeGroup = s.activeGroup;
  if (tabs.length === 0 && groups.length > 1) {
    groups = groups.filter((_, i) => i !== group);
    activeGroup = 0;
  }
  return { groups, activeGroup: Math.min(activeGroup, groups.length - 1), recentlyClosed };
}

/** Reopens the most recently closed tab (that is not open already) where it was. */
export function reopenClosed(s: EditorGroupsState): EditorGroupsState {
  const [last, ...rest] = s.recentlyClosed;
  if (!last) return s;
  const group = Math.min(last.group, s.groups.length - 1);
  const g = s.groups[group]!;
  if (g.tabs.includes(last.planId)) return reopenClosed({ ...s, recentlyClosed: rest });
  const tabs = [...g.tabs];
  tabs.splice(Math.min(last.index, tabs.length), 0, last.planId);
  return { groups: withGroup(s, group, { tabs, active: last.planId }), activeGroup: group, recentlyClosed: rest };
}

/** Moves a tab within its group (drag to reorder). */
export function moveTab(s: EditorGroupsState, group: number, planId: string, toIndex: number): EditorGroupsState {
  const g = s.groups[group];
  if (!g || !g.tabs.includes(planId)) return s;
  const tabs = g.tabs.filter((t) => t !== planId);
  tabs.splice(Math.max(0, Math.min(toIndex, tabs.length)), 0, planId);
  return { ...s, groups: withGroup(s, group, { ...g, tabs }) };
}

/** Opens the active tab in a second group beside it. */
export function splitActive(s: EditorGroupsState): EditorGroupsState {
  const active = s.groups[s.activeGroup]?.active;
  return active ? openTab(s, active, { toSide: true }) : s;
}

/** Drops every tab of plans that no longer exist (deleted, or another workspace). */
export function keepPlans(s: EditorGroupsState, exists: (planId: string) => boolean): EditorGroupsState {
  let next = s;
  s.groups.forEach((g, gi) => {
    for (const t of g.tabs) if (!exists(t)) next = closeTab(next, Math.min(gi, next.groups.length - 1), t);
  });
  return { ...next, recentlyClosed: next.recentlyClosed.filter((c) => exists(c.planId)) };
}

export const activePlanOf = (s: EditorGroupsState): string | null => s.groups[s.activeGroup]?.active ?? null;
export const openPlanIds = (s: EditorGroupsState): string[] => [...new Set(s.groups.flatMap((g) => g.tabs))];
