/**
 * The plan editor: Slate bound to the session's Y.Doc, with the toolbar, the slash and @ menus,
 * collaborators' cursors, and the cards for goals, stages and actions.
 */
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Editor, Element, Range, type NodeEntry } from 'slate';
import { Editable, ReactEditor, Slate } from 'slate-react';
import { YjsEditor } from '@slate-yjs/core';
import { type Mark } from '../../shared/model/elements';
import { addCheckIn, checkInsMap, watchCheckIns } from '../../shared/model/checkIns';
import { isoDay } from '../../shared/model/period';
import { type Person } from '../../shared/model/people';
import { planContent, planMetaMap, readPlanMeta, type PlanSnapshot } from '../../shared/model/planDoc';
import { DEFAULT_TEAMS, type Team } from '../../shared/model/teams';
import { type CollabSession, USER_FIELD } from '../collab/collabSession';
import { CommentMargin } from './CommentMargin';
import { type CommentMarks } from './commentMarks';
import { copyAsMarkdown } from './copyAsMarkdown';
import { createPlanEditor, type CursorData, type PlanSlateEditor } from './createPlanEditor';
import { DerivedStore } from './derivedStore';
import { deleteBeforeCaret, revealSelection, textBeforeCaret, toggleMark } from './editorCommands';
import { FieldConflicts } from './fieldConflicts';
import { HeadingNotesContext, NO_HEADING_NOTES, type HeadingNotes } from './headingNotes';
import { InsertMenu } from './InsertMenu';
import { type MenuItem, mentionItems, slashItems, type Typeahead, typeaheadAt } from './insertMenu';
import { PlanEditorContext, type GoalOption, type PlanEditorContextValue } from './planContext';
import { isCardFieldBlur, keepPlanUndoOutOfCardFields } from './elements/cardKeys';
import { lazyChunks, renderChunk } from './elements/lazyChunks';
import { PlanElement } from './elements/PlanElement';
import { normalizeLoadedPlan } from './plugins/withLoadNormalization';
import { afterNextPaint } from './afterNextPaint';
import { takeCaretFromPage } from './caretFromPage';
import { PlanLeaf } from './elements/PlanLeaf';
import { RemoteCursors } from './RemoteCursors';
import { skipReactSelectionSnapshot } from './skipReactSelectionSnapshot';
import { Toolbar } from './Toolbar';
import './editor.css';

export type { PlanSlateEditor } from './createPlanEditor';
export type { GoalOption } from './planContext';

type Props = {
  session: CollabSession;
  people: Person[];
  goalOptions?: GoalOption[];
  /** The workspace's other plans: a goal's progress counts its sub-goals there too. */
  otherPlans?: OtherPlans;
  /** The workspace's teams (the five default teams when not given). */
  teams?: readonly Team[];
  /** The workspace's fiscal year start (1 = January), for periods given by a label alone. */
  fiscalYearStartMonth?: number;
  readOnly?: boolean;
  /** Notes beside section headings, by heading text ("changed since approval"). */
  headingNotes?: HeadingNotes;
  onEditor?: (editor: PlanSlateEditor | null) => void;
  /** Comment counts on the cards and highlights in the text (the comments feature fills them). */
  comments?: CommentMarks | null;
};

/** Creates the session's editor and connects it to the plan, before anything renders it. */
function openEditor(session: CollabSession): PlanSlateEditor {
  const user = (session.awareness.getLocalState()?.[USER_FIELD] as CursorData | undefined) ?? { name: 'Me', color: '#3b82f6' };
  const editor = createPlanEditor(planContent(session.doc), session.awareness, user);
  YjsEditor.connect(editor);
  return editor;
}

type Opened = { session: CollabSession; editor: PlanSlateEditor | null; error: string | null };

export function PlanEditor(props: Props) {
  const { session } = props;
  const [state, setState] = useState<Opened>({ session, editor: null, error: null });
  // The editor is connected once the session has loaded the plan, so that the first render shows it.
  useEffect(() => {
    let live = true;
    let editor: PlanSlateEditor | null = null;
    session.ready.then(
      () => {
        if (!live) return;
        editor = openEditor(session);
        setState({ session, editor, error: null });
      },
      (err: unknown) => live && setState({ session, editor: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
      if (editor) YjsEditor.disconnect(editor);
    };
  }, [session]);
  if (state.error && state.session === session) return <div className="tandem-editor-message" role="alert">This plan could not be opened: {state.error}</div>;
  if (state.session !== session || !state.editor) return <div className="tandem-editor-message" role="status">Opening plan…</div>;
  return <ConnectedPlanEditor key={session.docId} {...props} editor={state.editor} />;
}

const MARK_KEYS: Record<string, Mark> = { b: 'bold', i: 'italic', u: 'underline', '`': 'code' };

/** Ctrl+Home / Ctrl+End (Cmd+↑ / Cmd+↓ on macOS), with or without Shift. */
function edgeKey(event: KeyboardEvent): 'start' | 'end' | null {
  if (event.altKey) return null;
  if (event.ctrlKey && !event.metaKey && (event.key === 'Home' || event.key === 'End')) return event.key === 'Home' ? 'start' : 'end';
  if (event.metaKey && !event.ctrlKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return event.key === 'ArrowUp' ? 'start' : 'end';
  return null;
}

/** The workspace's plans as they change; one stable object, so that a change does not re-render the editor. */
/** The workspace's plans as they are now, and a listener for each new snapshot (the workbench's model gives it). */
export type OtherPlans = { get(): PlanSnapshot[]; subscribe(listener: () => void): () => void };
const NO_PLANS: OtherPlans = { get: () => [], subscribe: () => () => {} };
const noSubscribe = () => () => {};
const noVersion = () => 0;

/** The editable's DOM element, once: React spares its selection walk, and undo in a card field stays in the field. */
function editableRef(editable: HTMLDivElement | null): (() => void) | undefined {
  skipReactSelectionSnapshot(editable);
  return editable ? keepPlanUndoOutOfCardFields(editable) : undefined;
}

const today = () => isoDay(new Date());

function ConnectedPlanEditor({
  session, editor, people, goalOptions = [], otherPlans = NO_PLANS, teams = DEFAULT_TEAMS, fiscalYearStartMonth = 1, readOnly = false,
  headingNotes = NO_HEADING_NOTES, onEditor, comments = null,
}: Props & { editor: PlanSlateEditor }) {
  // Goal figures (progress, depth) are computed before the first render, so sub-goals show indented
  // from the start; for a large (chunked) plan right after it, since the goal tree covers every block.
  const plansNow = otherPlans.get;
  // Read again only where the map changed: the figures ask for them after every quiet moment.
  const checkIns = useMemo(() => watchCheckIns(session.doc), [session]);
  useEffect(() => () => checkIns.stop(), [checkIns]);
  const derived = useMemo(() => {
    const store = new DerivedStore(() => readPlanMeta(session.doc), undefined, plansNow, () => checkIns.current(), today, () => fiscalYearStartMonth);
    if (editor.getChunkSize(editor) === null) store.recompute(editor.children);
    return store;
    // A new fiscal year setting (rare) makes a new store: periods read from labels move, and the pace with them.
  }, [session, editor, plansNow, checkIns, fiscalYearStartMonth]);
  const conflicts = useMemo(() => new FieldConflicts(session.doc, session.device), [session]);
  // Another plan changed (a sub-goal there moved): the figures follow, off the typing path.
  useEffect(() => otherPlans.subscribe(() => derived.changed(editor.children)), [derived, editor, otherPlans]);
  // A check-in (here or a colleague's), or the plan's period changed: the same. Neither is in the text,
  // so typing never waits for them.
  useEffect(() => {
    const maps = [checkInsMap(session.doc), planMetaMap(session.doc)];
    const onChange = () => derived.changed(editor.children);
    maps.forEach((m) => m.observe(onChange));
    return () => maps.forEach((m) => m.unobserve(onChange));
  }, [derived, editor, session]);
  const onEditorRef = useRef(onEditor);
  onEditorRef.current = onEditor;
  const peopleRef = useRef(people);
  peopleRef.current = people;
  useEffect(() => copyAsMarkdown(editor, () => ({ planId: readPlanMeta(session.doc).id, people: peopleRef.current, checkIns: checkIns.current() })), [editor, session, checkIns]);

  useEffect(() => {
    // What waited for the first paint: checking the rest of a large plan, then its goal figures.
    const cancelAfterPaint = afterNextPaint(() => {
      normalizeLoadedPlan(editor);
      derived.recompute(editor.children);
    });
    onEditorRef.current?.(editor);
    return () => {
      cancelAfterPaint();
      onEditorRef.current?.(null);
      derived.dispose();
    };
  }, [editor, session, derived]);

  const context = useMemo<PlanEditorContextValue>(() => ({
    planId: readPlanMeta(session.doc).id,
    people,
    peopleById: new Map(people.map((p) => [p.id, p])),
    goalOptions,
    derived,
    conflicts,
    readOnly,
    teams,
    checkIn: (input) => {
      const user = session.awareness.getLocalState()?.[USER_FIELD] as CursorData | undefined;
      addCheckIn(session.doc, { ...input, author: user?.name ?? '' });
    },
    today,
    comments,
  }), [session, people, goalOptions, derived, conflicts, readOnly, teams, comments]);
  // Highlights change when the threads are read again; between two readings they follow the edits.
  const commentsVersion = useSyncExternalStore(comments?.subscribe ?? noSubscribe, comments?.getVersion ?? noVersion);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new function when the marks change makes Slate decorate again
  const decorate = useMemo(() => (comments ? (entry: NodeEntry) => comments.decorate(entry) : undefined), [comments, commentsVersion]);

  const [typeahead, setTypeahead] = useState<Typeahead | null>(null);
  const [active, setActive] = useState(0);
  const items: MenuItem[] = useMemo(() => {
    if (!typeahead) return [];
    return typeahead.kind === 'slash' ? slashItems(typeahead.query) : mentionItems(typeahead.query, people);
  }, [typeahead, people]);

  const onChange = useCallback(() => {
    lazyChunks(editor).mountSelection(editor.selection);
    comments?.follow(editor.operations);
    if (editor.operations.some((op) => op.type !== 'set_selection')) derived.changed(editor.children);
    const next = readOnly ? null : typeaheadAt(textBeforeCaret(editor));
    setTypeahead((prev) => (prev?.kind === next?.kind && prev?.query === next?.query ? prev : next));
    setActive(0);
  }, [editor, derived, readOnly, comments]);

  const choose = useCallback((item: MenuItem) => {
    if (!typeahead) return;
    deleteBeforeCaret(editor, typeahead.query.length + 1);
    item.run(editor);
    setTypeahead(null);
    ReactEditor.focus(editor);
  }, [editor, typeahead]);

  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    takeCaretFromPage(editor);
    if (typeahead && items.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(items[Math.min(active, items.length - 1)]!);
        return;
      }
    }
    if (typeahead && event.key === 'Escape') {
      event.preventDefault();
      setTypeahead(null);
      return;
    }
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
    const mark = MARK_KEYS[event.key.toLowerCase()];
    if (mod && !event.shiftKey && mark) {
      event.preventDefault();
      toggleMark(editor, mark);
      return;
    }
    // In a large plan, select all and the document's edges are done on the plan rather than on what
    // is rendered of it (a small plan is rendered whole: the browser's own keys do).
    const toEdge = edgeKey(event);
    const chunked = editor.getChunkSize(editor) !== null;
    if (chunked && (toEdge || (mod && !event.shiftKey && event.key.toLowerCase() === 'a'))) {
      event.preventDefault();
      const start = Editor.start(editor, []);
      const end = Editor.end(editor, []);
      if (!toEdge) revealSelection(editor, end, { scroll: null, anchor: start, now: true });
      else revealSelection(editor, toEdge === 'end' ? end : start, { anchor: event.shiftKey && editor.selection ? editor.selection.anchor : undefined, now: true });
      return;
    }
    if (mod && event.key.toLowerCase() === 'y') {
      event.preventDefault();
      editor.redo();
      return;
    }
    // Tab on a selected card moves into its first field.
    if (event.key === 'Tab' && !event.shiftKey && editor.selection && Range.isCollapsed(editor.selection)) {
      const card = Editor.above(editor, { match: (n) => Element.isElement(n) && Editor.isVoid(editor, n) && !editor.isInline(n) });
      if (card) {
        const field = ReactEditor.toDOMNode(editor, card[0]).querySelector<HTMLElement>('input, select, textarea, button');
        if (field) {
          event.preventDefault();
          field.focus();
        }
      }
    }
  }, [editor, typeahead, items, active, choose]);

  return (
    <PlanEditorContext.Provider value={context}>
      <HeadingNotesContext.Provider value={headingNotes}>
        <Slate editor={editor} initialValue={editor.children} onChange={onChange}>
          <div className="tandem-editor">
            {!readOnly && <Toolbar />}
            <RemoteCursors>
              <Editable
                ref={editableRef}
                className="tandem-editable"
                aria-label="Plan text"
                readOnly={readOnly}
                renderElement={PlanElement}
                renderLeaf={PlanLeaf}
                renderChunk={renderChunk}
                decorate={decorate}
                placeholder="Write the plan… type / for goals, stages and actions, @ to mention someone"
                onKeyDown={onKeyDown}
                onBlur={isCardFieldBlur}
                spellCheck
              />
              {typeahead && items.length > 0 && (
                <InsertMenu editor={editor} title={typeahead.kind === 'slash' ? 'Insert' : 'Mention someone'} items={items} active={active}
                  onChoose={choose} onHover={setActive} />
              )}
              {comments && <CommentMargin marks={comments} />}
            </RemoteCursors>
          </div>
        </Slate>
      </HeadingNotesContext.Provider>
    </PlanEditorContext.Provider>
  );
}
