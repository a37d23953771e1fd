/**
 * The editor service: opens editor inputs in the editor groups (layout), holds the document session
 * of every open plan tab, knows the active plan and its Slate editor, and reveals a block once the
 * plan's editor is on screen.
 */
import { Node } from 'slate';
import { type PlanSlateEditor } from '../../editor/createPlanEditor';
import { revealBlock, revealPath } from '../../editor/editorCommands';
import { type CollabSession } from '../../collab/collabSession';
import * as groups from '../editorGroups';
import { editorInputOf, editorKey, getEditorKind, PLAN_EDITOR, type EditorInput } from '../editorKinds';
import { type SessionPool } from '../sessionPool';
import { computed, type Readable, Value } from './observable';
import { type LayoutService } from './layoutService';
import { type WorkspaceModel } from './workspaceModel';

/** Where to put the caret in a plan: a block by id (wherever it moved), else a path. */
export type RevealTarget = { revealBlockId?: string; revealPath?: number[] };
export type OpenOptions = { toSide?: boolean };
export type OpenPlanOptions = RevealTarget & OpenOptions;

const slateKey = (group: number, planId: string) => `${group}:${planId}`;

export class EditorService {
  /** The document session of every plan open in a tab (the tab's dot and the status bar read it). */
  readonly sessions = new Value<ReadonlyMap<string, CollabSession>>(new Map());
  readonly activeInput: Readable<EditorInput | null>;
  readonly activePlanId: Readable<string | null>;
  /** The active plan's Slate editor in the active group, once it is on screen. */
  readonly activeEditor: Readable<PlanSlateEditor | null>;
  private readonly slate = new Value<ReadonlyMap<string, PlanSlateEditor>>(new Map());
  private pendingReveal: ({ planId: string } & RevealTarget) | null = null;
  private readonly off: () => void;

  constructor(private readonly layout: LayoutService, private readonly pool: SessionPool<CollabSession>, private readonly model: WorkspaceModel) {
    const editors = computed([layout.state], (l) => l.editors);
    this.activeInput = computed([editors], (s) => {
      const key = groups.activePlanOf(s);
      return key === null ? null : editorInputOf(key);
    }, (a, b) => a?.kind === b?.kind && a?.id === b?.id);
    this.activePlanId = computed([this.activeInput], (i) => (i?.kind === PLAN_EDITOR ? i.id : null));
    this.activeEditor = computed([editors, this.activePlanId, this.slate], (s, planId, slate) =>
      (planId ? (slate.get(slateKey(s.activeGroup, planId)) ?? null) : null));
    this.holdSessions();
    const offs = [editors.subscribe(() => this.holdSessions()), model.plans.subscribe(() => this.closeMissing())];
    this.off = () => offs.forEach((o) => o());
  }

  open(input: EditorInput, opts: OpenOptions = {}): void {
    this.layout.updateEditors((s) => groups.openTab(s, editorKey(input), opts));
  }

  openPlan(planId: string, opts: OpenPlanOptions = {}): void {
    this.open({ kind: PLAN_EDITOR, id: planId }, opts);
    if (opts.revealBlockId || opts.revealPath) {
      this.pendingReveal = { planId, revealBlockId: opts.revealBlockId, revealPath: opts.revealPath };
      this.revealWhenShown();
    }
  }

  focusTab(group: number, key: string): void { this.layout.updateEditors((s) => groups.openTab(groups.focusGroup(s, group), key)); }
  closeTab(group: number, key: string): void { this.layout.updateEditors((s) => groups.closeTab(s, group, key)); }
  moveTab(group: number, key: string, to: number): void { this.layout.updateEditors((s) => groups.moveTab(s, group, key, to)); }
  focusGroup(group: number): void { this.layout.updateEditors((s) => groups.focusGroup(s, group)); }
  reopenClosed(): void { this.layout.updateEditors(groups.reopenClosed); }
  split(): void { this.layout.updateEditors(groups.splitActive); }
  hasOpenEditor(): boolean { return this.activeInput.get() !== null; }
  canReopen(): boolean { return this.layout.state.get().editors.recentlyClosed.length > 0; }

  closeActive(): void {
    const s = this.layout.state.get().editors;
    const active = groups.activePlanOf(s);
    if (active) this.closeTab(s.activeGroup, active);
  }

  /** The plan editor of a tab tells it is on screen (or gone, with null). */
  setPlanEditor(group: number, planId: string, editor: PlanSlateEditor | null): void {
    const key = slateKey(group, planId);
    const m = this.slate.get();
    if ((m.get(key) ?? null) === editor) return;
    const next = new Map(m);
    if (editor) next.set(key, editor); else next.delete(key);
    this.slate.set(next);
    if (editor) this.revealWhenShown();
  }

  /** Every plan editor on screen (focus goes back to one of them after a quick input). */
  planEditors(): PlanSlateEditor[] {
    return [...this.slate.get().values()];
  }

  private revealWhenShown(): void {
    const target = this.pendingReveal;
    const editor = this.activeEditor.get();
    if (!target || !editor || target.planId !== this.activePlanId.get()) return;
    this.pendingReveal = null;
    // After the commit that showed the editor, as a React effect would.
    queueMicrotask(() => {
      if (target.revealBlockId && revealBlock(editor, target.revealBlockId)) return;
      if (target.revealPath && Node.has(editor, target.revealPath)) revealPath(editor, target.revealPath);
    });
  }

  /** Holds a pooled session for every open plan tab; a plan's session is released when its last tab closes. */
  private holdSessions(): void {
    const wanted = groups.openPlanIds(this.layout.state.get().editors).map(editorInputOf).filter((i) => i.kind === PLAN_EDITOR).map((i) => i.id);
    const held = this.sessions.get();
    if (wanted.length === held.size && wanted.every((id) => held.has(id))) return;
    const next = new Map<string, CollabSession>();
    for (const id of wanted) next.set(id, held.get(id) ?? this.pool.acquire(id));
    for (const id of held.keys()) if (!next.has(id)) this.pool.release(id);
    this.sessions.set(next);
  }

  /** Closes the tabs whose input is gone (a plan deleted here or by a colleague). */
  private closeMissing(): void {
    const s = this.layout.state.get().editors;
    const keep = (key: string) => exists(editorInputOf(key), this.model);
    const keys = [...s.groups.flatMap((g) => g.tabs), ...s.recentlyClosed.map((c) => c.planId)];
    if (keys.every(keep)) return;
    this.layout.updateEditors((e) => groups.keepPlans(e, keep));
  }

  dispose(): void {
    this.off();
    for (const id of this.sessions.get().keys()) this.pool.release(id);
    this.sessions.set(new Map());
  }
}

/** Whether a stored tab still has something to show: its kind is registered and says its input exists. */
export function exists(input: EditorInput, model: WorkspaceModel): boolean {
  const kind = getEditorKind(input.kind);
  return !!kind && (kind.exists?.(input.id, model) ?? true);
}
