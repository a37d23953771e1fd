/**
 * The workbench of one open workspace: it owns the sessions, the layout and the shell's state,
 * builds the WorkbenchApi every view and command sees, and lays out activity bar, side bar,
 * editor groups, panel and status bar.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { type PlanSummary, type Settings, type SyncTarget, type TemplateSummary, type WorkspaceInfo } from '../../shared/ipc/contract';
import { WORKSPACE_DOC_ID, readPeople, type SkippedEntry } from '../../shared/model/workspaceDoc';
import { readPlanMeta, snapshotPlan, type PlanSnapshot } from '../../shared/model/planDoc';
import { type Person } from '../../shared/model/people';
import { buildGoalTree } from '../../shared/derive/goalTree';
import { findProblems } from '../../shared/derive/problems';
import { Node } from 'slate';
import { ReactEditor } from 'slate-react';
import { openCollabSession, type CollabSession } from '../collab/collabSession';
import { revealBlock, revealPath } from '../editor/editorCommands';
import { getHost, hostEvents } from '../platform/host';
import { runCommand, setCommandContextProvider } from '../platform/commands';
import { installKeybindings } from '../platform/keybindings';
import { ActivityBar } from './ActivityBar';
import { EditorArea } from './EditorArea';
import { EditorPane } from './EditorPane';
import * as groups from './editorGroups';
import { clamp, loadLayout, saveLayout, PANEL_MAX, PANEL_MIN, SIDEBAR_MAX, SIDEBAR_MIN, type Layout } from './layoutState';
import { Notifications, type Notification } from './Notifications';
import { Panel } from './Panel';
import { QuickInput, type QuickInputRequest } from './QuickInput';
import { Sash } from './Sash';
import { SessionPool } from './sessionPool';
import { registerShellCommands } from './shellCommands';
import { SideBar } from './SideBar';
import { StatusBar } from './StatusBar';
import { useAppliedTheme } from './theme';
import { usePlanSnapshots } from './usePlanSnapshots';
import { useSyncStatus } from './useSyncStatus';
import { shownConnection, useBrowserOnline } from './useBrowserOnline';
import { useTabSessions } from './useTabSessions';
import { getView, type ViewContainerId } from './views';
import { Welcome } from '../contrib/firstRun/Welcome';
import { WorkbenchContext, type OpenPlanOptions, type PlanSlateEditor, type WorkbenchApi } from './WorkbenchContext';

export type ShellProps = {
  workspace: WorkspaceInfo;
  settings: Settings;
  target: SyncTarget | null;
  initialPlans: PlanSummary[];
  templates: TemplateSummary[];
  /** The plan to open on load (the `?plan=<id>` deep link). */
  deepLinkPlanId: string | null;
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const NOTIFICATION_MS = 6000;

/** A directory entry nobody can read: the rest of the people still show; the console says what was left out. */
const reportSkipped = (s: SkippedEntry) => console.warn(`people directory: skipped "${s.key}": ${s.reason}`);

export function Shell(props: ShellProps) {
  const { workspace, target } = props;
  const host = getHost();
  const [settings, setSettings] = useState(props.settings);
  const [plans, setPlans] = useState(props.initialPlans);
  const theme = useAppliedTheme(settings.theme);
  // The name on the invite is the name colleagues see; settings choose the colour (and the name when there is no invite).
  const userName = target?.name ?? settings.userName;
  const user = useMemo(() => ({ name: userName, color: settings.userColor }), [userName, settings.userColor]);

  // ---- documents ----
  const pool = useMemo(
    () => new SessionPool<CollabSession>((docId) => openCollabSession({ host, events: hostEvents, docId, target, user })),
    // The shell is remounted when the target or the user changes; the pool lives as long as the shell.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => () => pool.destroyAll(), [pool]);

  const [workspaceDoc, setWorkspaceDoc] = useState<Y.Doc | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const session = pool.acquire(WORKSPACE_DOC_ID);
    const read = () => setPeople(readPeople(session.doc, reportSkipped));
    session.doc.on('update', read);
    session.ready.then(() => {
      read();
      setWorkspaceDoc(session.doc);
    }, () => {});
    return () => {
      session.doc.off('update', read);
      pool.release(WORKSPACE_DOC_ID);
    };
  }, [pool]);

  const snapshots = usePlanSnapshots(pool, plans);
  const goalTree = useMemo(() => buildGoalTree(snapshots), [snapshots]);
  const problems = useMemo(() => findProblems(snapshots, people), [snapshots, people]);

  // ---- layout ----
  const [layout, setLayout] = useState<Layout>(() => {
    const l = loadLayout(localStorage, workspace.id);
    const exists = (id: string) => props.initialPlans.some((p) => p.id === id) || id === props.deepLinkPlanId;
    let editors = groups.keepPlans(l.editors, exists);
    if (props.deepLinkPlanId) editors = groups.openTab(editors, props.deepLinkPlanId);
    return { ...l, editors };
  });
  useEffect(() => saveLayout(localStorage, workspace.id, layout), [layout, workspace.id]);
  const updateEditors = useCallback((f: (s: groups.EditorGroupsState) => groups.EditorGroupsState) => {
    setLayout((l) => ({ ...l, editors: f(l.editors) }));
  }, []);

  const openIds = groups.openPlanIds(layout.editors);
  const tabSessions = useTabSessions(pool, openIds);
  const activePlanId = groups.activePlanOf(layout.editors);

  // ---- editors and reveal ----
  const [editors, setEditors] = useState<ReadonlyMap<string, PlanSlateEditor>>(new Map());
  const editorsRef = useRef(editors);
  editorsRef.current = editors;
  const editorKey = (group: number, planId: string) => `${group}:${planId}`;
  const activeEditor = activePlanId ? (editors.get(editorKey(layout.editors.activeGroup, activePlanId)) ?? null) : null;
  const [pendingReveal, setPendingReveal] = useState<{ planId: string; blockId?: string; path?: number[] } | null>(null);

  // ---- host events ----
  useEffect(() => {
    const offs = [
      hostEvents.on('settings.changed', setSettings),
      hostEvents.on('plans.changed', setPlans),
    ];
    return () => offs.forEach((off) => off());
  }, []);
  const planIdsKey = plans.map((p) => p.id).join('\n');
  const firstPlans = useRef(true);
  useEffect(() => {
    if (firstPlans.current) {
      firstPlans.current = false;
      return;
    }
    const ids = new Set(planIdsKey.split('\n'));
    updateEditors((s) => groups.keepPlans(s, (id) => ids.has(id)));
  }, [planIdsKey, updateEditors]);

  // ---- notifications and quick input ----
  const [notifications, setNotifications] = useState<Notification[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotifications((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback((message: string, kind: 'info' | 'error' = 'info') => {
    const id = nextId.current++;
    setNotifications((n) => [...n.slice(-3), { id, message, kind }]);
    if (kind === 'info') setTimeout(() => dismiss(id), NOTIFICATION_MS);
  }, [dismiss]);

  const [quickInput, setQuickInput] = useState<QuickInputRequest | null>(null);
  const openQuickInput = useRef<QuickInputRequest | null>(null);
  const restoreFocus = useRef<HTMLElement | null>(null);
  const closeQuickInput = useCallback(() => {
    openQuickInput.current = null;
    setQuickInput(null);
    // After the next frame, so the command that was picked has run and rendered what it inserted.
    requestAnimationFrame(() => {
      // A command that asks several questions opens the next one right away; focus returns after the last.
      if (openQuickInput.current) return;
      const el = restoreFocus.current;
      restoreFocus.current = null;
      // The command may have put the keyboard somewhere on purpose (a new goal's title): leave it there.
      const moved = document.activeElement && document.activeElement !== document.body;
      if (el?.isConnected && !moved) focusRestoring(el, editorsRef.current);
    });
  }, []);
  const showQuickInput = useCallback((r: QuickInputRequest) => {
    if (!restoreFocus.current && document.activeElement instanceof HTMLElement && !document.activeElement.closest('.tandem-quickinput')) {
      restoreFocus.current = document.activeElement;
    }
    openQuickInput.current?.cancel();
    openQuickInput.current = r;
    setQuickInput(r);
  }, []);
  const pick = useCallback(<T,>(items: { label: string; description?: string; detail?: string; value: T; keybinding?: string }[], opts?: { placeholder?: string; title?: string }) =>
    new Promise<T | null>((resolve) => {
      let done = false;
      const finish = (v: T | null) => {
        if (done) return;
        done = true;
        closeQuickInput();
        resolve(v);
      };
      showQuickInput({
        kind: 'pick', title: opts?.title, placeholder: opts?.placeholder, items,
        accept: (i) => finish(items[i]!.value), cancel: () => finish(null),
      });
    }), [closeQuickInput, showQuickInput]);
  const prompt = useCallback((opts: { title: string; placeholder?: string; value?: string }) =>
    new Promise<string | null>((resolve) => {
      let done = false;
      const finish = (v: string | null) => {
        if (done) return;
        done = true;
        closeQuickInput();
        resolve(v);
      };
      showQuickInput({ kind: 'prompt', ...opts, accept: (v) => finish(v), cancel: () => finish(null) });
    }), [closeQuickInput, showQuickInput]);

  // ---- views ----
  const showView = useCallback((viewId: string) => {
    const view = getView(viewId);
    if (!view) return;
    if (view.container === 'panel') setLayout((l) => ({ ...l, panelVisible: true, activePanelView: viewId }));
    else setLayout((l) => ({ ...l, sidebarVisible: true, activeContainer: view.container }));
    setTimeout(() => {
      const el = document.getElementById(view.container === 'panel' ? `panel-view-${viewId}` : `view-${viewId}`);
      el?.scrollIntoView({ block: 'nearest' });
      const focusable = el?.querySelector<HTMLElement>('[tabindex="0"], button, input, a[href], [role="tree"], [role="listbox"]');
      focusable?.focus();
    }, 0);
  }, []);
  const selectContainer = useCallback((id: string) => {
    setLayout((l) => (l.sidebarVisible && l.activeContainer === id
      ? { ...l, sidebarVisible: false }
      : { ...l, sidebarVisible: true, activeContainer: id }));
  }, []);

  // ---- plans ----
  const openPlan = useCallback(async (planId: string, opts: OpenPlanOptions = {}) => {
    updateEditors((s) => groups.openTab(s, planId, { toSide: opts.toSide }));
    if (opts.revealBlockId || opts.revealPath) setPendingReveal({ planId, blockId: opts.revealBlockId, path: opts.revealPath });
  }, [updateEditors]);

  const api: WorkbenchApi = useMemo(() => ({
    host,
    events: hostEvents,
    workspace,
    settings,
    user,
    plans,
    templates: props.templates,
    people,
    workspaceDoc,
    snapshots,
    goalTree,
    problems,
    activePlanId,
    activeEditor,
    openPlan,
    readPlan: (planId) => readPlanWhenArrived(pool, planId),
    async createPlan(args) {
      const plan = await host.workspace.createPlan(args);
      setPlans((ps) => (ps.some((p) => p.id === plan.id) ? ps : [...ps, plan]));
      return plan;
    },
    async renamePlan(planId, title) {
      const plan = await host.workspace.renamePlan({ planId, title });
      setPlans((ps) => ps.map((p) => (p.id === planId ? plan : p)));
    },
    async deletePlan(planId) {
      await host.workspace.deletePlan({ planId });
      setPlans((ps) => ps.filter((p) => p.id !== planId));
    },
    async duplicatePlan(planId) {
      const plan = await host.workspace.duplicatePlan({ planId });
      setPlans((ps) => (ps.some((p) => p.id === plan.id) ? ps : [...ps, plan]));
      await openPlan(plan.id);
    },
    showView,
    notify,
    prompt,
    pick,
  }), [host, workspace, settings, user, plans, props.templates, people, workspaceDoc, snapshots, goalTree, problems,
    activePlanId, activeEditor, openPlan, showView, notify, prompt, pick, pool, setPlans]);

  // ---- commands and shortcuts ----
  const apiRef = useRef(api);
  apiRef.current = api;
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  useEffect(() => {
    setCommandContextProvider(() => ({ workbench: apiRef.current }));
    const uninstall = installKeybindings(window, (err) => apiRef.current.notify(errorText(err), 'error'));
    const offRun = hostEvents.on('command.run', ({ commandId }) => {
      runCommand(commandId).catch((err: unknown) => apiRef.current.notify(errorText(err), 'error'));
    });
    const unregister = registerShellCommands({
      toggleSideBar: () => setLayout((l) => ({ ...l, sidebarVisible: !l.sidebarVisible })),
      togglePanel: () => setLayout((l) => ({ ...l, panelVisible: !l.panelVisible })),
      showContainer: (id: ViewContainerId) => setLayout((l) => ({ ...l, sidebarVisible: true, activeContainer: id })),
      closeEditor: () => {
        const s = layoutRef.current.editors;
        const active = groups.activePlanOf(s);
        if (active) updateEditors((e) => groups.closeTab(e, s.activeGroup, active));
      },
      reopenClosedEditor: () => updateEditors(groups.reopenClosed),
      splitEditor: () => updateEditors(groups.splitActive),
      hasOpenEditor: () => groups.activePlanOf(layoutRef.current.editors) !== null,
      canReopen: () => layoutRef.current.editors.recentlyClosed.length > 0,
    });
    return () => {
      unregister();
      offRun();
      uninstall();
      setCommandContextProvider(null);
    };
  }, [updateEditors]);

  // ---- reveal once the editor is there ----
  useEffect(() => {
    if (!pendingReveal || !activeEditor || pendingReveal.planId !== activePlanId) return;
    setPendingReveal(null);
    revealInEditor(activeEditor, pendingReveal);
  }, [pendingReveal, activeEditor, activePlanId]);

  // ---- status bar ----
  const sessionStatus = useSyncStatus(activePlanId ? tabSessions.get(activePlanId) : null);
  const online = useBrowserOnline();
  const activeStatus = useMemo(
    () => (sessionStatus ? { ...sessionStatus, connection: shownConnection(sessionStatus.connection, online) } : null),
    [sessionStatus, online],
  );
  const period = snapshots.find((s) => s.meta.id === activePlanId)?.meta.period || null;
  const problemCounts = useMemo(() => ({
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
  }), [problems]);
  const showProblems = () => {
    const problemsView = ['problems', 'problems.list', 'workbench.problems'].find((id) => getView(id));
    if (problemsView) showView(problemsView);
    else setLayout((l) => ({ ...l, panelVisible: true }));
  };

  const setEditor = useCallback((key: string, editor: PlanSlateEditor | null) => {
    setEditors((m) => {
      if ((m.get(key) ?? null) === editor) return m;
      const next = new Map(m);
      if (editor) next.set(key, editor); else next.delete(key);
      return next;
    });
  }, [setEditors]);

  const run = (id: string) => runCommand(id).catch((err: unknown) => notify(errorText(err), 'error'));

  return (
    <WorkbenchContext.Provider value={api}>
      <div className="tandem-workbench" data-theme-name={theme}>
        <div className="tandem-main">
          <ActivityBar
            active={layout.activeContainer}
            sidebarVisible={layout.sidebarVisible}
            onSelect={selectContainer}
            onManage={() => run('workbench.manage')}
          />
          {layout.sidebarVisible && (
            <>
              <SideBar container={layout.activeContainer as ViewContainerId} width={layout.sidebarWidth} />
              <Sash
                orientation="vertical"
                label="Resize Side Bar"
                value={layout.sidebarWidth}
                min={SIDEBAR_MIN}
                max={SIDEBAR_MAX}
                onResize={(w) => setLayout((l) => ({ ...l, sidebarWidth: clamp(w, SIDEBAR_MIN, SIDEBAR_MAX) }))}
              />
            </>
          )}
          <main className="tandem-center" aria-label="Editor area">
            <EditorArea
              state={layout.editors}
              plans={plans}
              sessions={tabSessions}
              onFocusTab={(g, id) => updateEditors((s) => groups.openTab(groups.focusGroup(s, g), id))}
              onCloseTab={(g, id) => updateEditors((s) => groups.closeTab(s, g, id))}
              onMoveTab={(g, id, to) => updateEditors((s) => groups.moveTab(s, g, id, to))}
              onFocusGroup={(g) => updateEditors((s) => groups.focusGroup(s, g))}
              renderEditor={(g, planId, session) => (
                <EditorPane key={`${g}:${planId}`} session={session} people={people} goalTree={goalTree} onEditor={(e) => setEditor(editorKey(g, planId), e)} />
              )}
              empty={<Welcome />}
            />
            {layout.panelVisible && (
              <>
                <Sash
                  orientation="horizontal"
                  label="Resize Panel"
                  value={layout.panelHeight}
                  min={PANEL_MIN}
                  max={PANEL_MAX}
                  invert
                  onResize={(h) => setLayout((l) => ({ ...l, panelHeight: clamp(h, PANEL_MIN, PANEL_MAX) }))}
                />
                <Panel
                  height={layout.panelHeight}
                  activeView={layout.activePanelView}
                  onSelect={(id) => setLayout((l) => ({ ...l, activePanelView: id }))}
                  onClose={() => setLayout((l) => ({ ...l, panelVisible: false }))}
                />
              </>
            )}
          </main>
        </div>
        <StatusBar
          status={activeStatus}
          viewOnly={activePlanId ? (tabSessions.get(activePlanId)?.readOnly ?? false) : false}
          syncConfigured={target !== null}
          problems={problemCounts}
          period={period}
          onConnectionClick={() => run('workbench.openSettings')}
          onProblemsClick={showProblems}
        />
        {quickInput && <QuickInput key={quickInputKey(quickInput)} request={quickInput} />}
        <Notifications items={notifications} onDismiss={dismiss} />
      </div>
    </WorkbenchContext.Provider>
  );
}

let quickInputSeq = 0;
const quickInputKeys = new WeakMap<QuickInputRequest, number>();
function quickInputKey(r: QuickInputRequest): number {
  let k = quickInputKeys.get(r);
  if (k === undefined) quickInputKeys.set(r, (k = ++quickInputSeq));
  return k;
}

/**
 * Gives focus back after a quick input closes. A plan editor gets it through Slate, which puts the
 * caret where the editor's selection is now (a command may just have moved it), not where the DOM had it.
 */
function focusRestoring(el: HTMLElement, editors: ReadonlyMap<string, PlanSlateEditor>): void {
  for (const editor of editors.values()) {
    try {
      if (ReactEditor.toDOMNode(editor, editor) === el) {
        ReactEditor.focus(editor);
        return;
      }
    } catch {
      // an editor that is not rendered right now
    }
  }
  el.focus();
}

const PLAN_ARRIVAL_TIMEOUT_MS = 15_000;

/** Opens (or shares) the plan's document and resolves with its snapshot once its content is there. */
async function readPlanWhenArrived(pool: SessionPool<CollabSession>, planId: string): Promise<PlanSnapshot> {
  const session = pool.acquire(planId);
  try {
    await session.ready;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!readPlanMeta(session.doc).id) return;
        session.doc.off('update', check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        session.doc.off('update', check);
        reject(new Error('the plan did not arrive from the server; check the connection and try again'));
      }, PLAN_ARRIVAL_TIMEOUT_MS);
      session.doc.on('update', check);
      check();
    });
    return snapshotPlan(session.doc);
  } finally {
    pool.release(planId);
  }
}

/** Moves the selection to a block (by id, else by path) and scrolls it into view. */
function revealInEditor(editor: PlanSlateEditor, target: { blockId?: string; path?: number[] }): void {
  if (target.blockId && revealBlock(editor, target.blockId)) return;
  if (target.path && Node.has(editor, target.path)) revealPath(editor, target.path);
}
