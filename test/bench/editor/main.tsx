/**
 * The editor benchmark page (never shipped): `?mode=plan` mounts the real PlanEditor on a plan
 * loaded from an in-page host; `?mode=plain` mounts plain slate-react rich text with the same number
 * of paragraphs; `&checkins=1` gives every goal four check-ins and has a colleague check in on a goal
 * every second while the page is open. The page records keydown → next animation frame for every key, and the time from
 * start to the first frame that shows the document's first screen: blocks from the top of the window
 * to its bottom (or the whole document, if shorter).
 */
import { createRoot } from 'react-dom/client';
import { createEditor, Editor, Transforms, type Descendant } from 'slate';
import { Editable, ReactEditor, Slate, withReact, type RenderChunkProps, type RenderElementProps } from 'slate-react';
import { withHistory } from 'slate-history';
import * as Y from 'yjs';
import { createPlanDoc } from '../../../shared/model/planDoc';
import { addCheckIn, addCheckIns } from '../../../shared/model/checkIns';
import { type HostServices } from '../../../shared/ipc/contract';
import { openCollabSession } from '../../../renderer/collab/collabSession';
import { PlanEditor } from '../../../renderer/editor/PlanEditor';
import { CHUNK_SIZE, CHUNKING_FROM, type PlanSlateEditor } from '../../../renderer/editor/createPlanEditor';
import { revealPath } from '../../../renderer/editor/editorCommands';
import { planBlocks, plainBlocks } from './benchPlan';

type BenchApi = {
  ready: boolean;
  firstPaintMs: number;
  parseMs: number;
  latencies: number[];
  placeCaret(): void;
};
declare global {
  interface Window {
    bench: BenchApi;
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'plan';
const blocks = Number(params.get('blocks') ?? '1000');
const bench: BenchApi = { ready: false, firstPaintMs: 0, parseMs: 0, latencies: [], placeCaret: () => {} };
window.bench = bench;

document.addEventListener('keydown', (e) => {
  const start = e.timeStamp;
  requestAnimationFrame(() => bench.latencies.push(performance.now() - start));
}, true);

/** Resolves at the first frame whose blocks fill the window (or that holds every block). */
function whenPainted(start: number, editable: () => Element | null): void {
  const check = () => {
    const root = editable();
    const shown = root?.querySelectorAll('[data-slate-node="element"]');
    const last = shown?.[shown.length - 1];
    if (shown && last && (shown.length >= blocks || last.getBoundingClientRect().bottom >= window.innerHeight)) {
      bench.firstPaintMs = performance.now() - start;
      bench.ready = true;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const root = createRoot(document.getElementById('root')!);
const editableEl = () => document.querySelector('[data-slate-editor="true"]');

function caretIn(editor: Editor & ReactEditor, index: number) {
  Transforms.select(editor, Editor.end(editor, [index]));
  ReactEditor.focus(editor);
  ReactEditor.toDOMNode(editor, editor.children[index]!).scrollIntoView({ block: 'center' });
}

/** The middle paragraph of the document. */
function middleParagraph(editor: Editor): number {
  for (let i = Math.floor(editor.children.length / 2); i < editor.children.length; i++) {
    const n = editor.children[i] as { type?: string };
    if (n.type === 'paragraph') return i;
  }
  return 0;
}

if (mode === 'plain') {
  const value: Descendant[] = plainBlocks(blocks);
  const editor = withHistory(withReact(createEditor()));
  editor.getChunkSize = (node) => (Editor.isEditor(node) && node.children.length > CHUNKING_FROM ? CHUNK_SIZE : null);
  const renderElement = ({ attributes, children }: RenderElementProps) => <p {...attributes}>{children}</p>;
  const renderChunk = ({ attributes, children, lowest }: RenderChunkProps) => (
    <div {...attributes} style={lowest ? { contentVisibility: 'auto', containIntrinsicSize: 'auto 6000px' } : undefined}>{children}</div>
  );
  const start = performance.now();
  root.render(
    <Slate editor={editor} initialValue={value}>
      <div style={{ height: '100%', overflow: 'auto' }}>
        <Editable renderElement={renderElement} renderChunk={renderChunk} style={{ maxWidth: 900, margin: '0 auto', padding: 24 }} />
      </div>
    </Slate>,
  );
  whenPainted(start, editableEl);
  bench.placeCaret = () => caretIn(editor, middleParagraph(editor));
} else {
  const content = planBlocks(blocks);
  const planDoc = createPlanDoc({ id: 'plan_bench', title: 'Benchmark plan', templateId: 'bench', period: 'FY27', content });
  const goalIds = content.flatMap((n) => ('type' in n && n.type === 'goal' ? [n.id] : []));
  if (params.get('checkins')) addCheckIns(planDoc, checkInsFor(goalIds));
  const state = Y.encodeStateAsUpdate(planDoc);
  const parseStart = performance.now();
  Y.applyUpdate(new Y.Doc(), state);
  bench.parseMs = performance.now() - parseStart;

  const documents: HostServices['documents'] = {
    load: async () => state as Uint8Array<ArrayBuffer>,
    save: async () => {},
  };
  const host = { documents } as unknown as HostServices;
  const events = { on: () => () => {} };
  const people = [{ id: 'person_a', name: 'Ana Ortiz', email: 'ana@example.com', team: 'sales' as const, role: 'VP Sales', color: '#db2777' }];
  let planEditor: PlanSlateEditor | null = null;
  const start = performance.now();
  const session = openCollabSession({ host, events, docId: 'plan_bench', target: null, user: { name: 'Ana Ortiz', color: '#db2777' } });
  root.render(
    <div style={{ height: '100%' }}>
      <PlanEditor session={session} people={people} onEditor={(e) => (planEditor = e)} />
    </div>,
  );
  whenPainted(start, editableEl);
  if (params.get('checkins')) {
    let n = 0;
    session.ready.then(() => setInterval(() => {
      const goalId = goalIds[(n++ * 7) % goalIds.length]!;
      addCheckIn(session.doc, { goalId, value: 500 + n, status: 'at-risk', confidence: 'medium', note: 'A colleague checks in', date: '2027-06-30', author: 'Ben Adler' });
    }, 1000), () => {});
  }
  bench.placeCaret = () => {
    if (!planEditor) return;
    revealPath(planEditor, [middleParagraph(planEditor)]);
    Transforms.select(planEditor, Editor.end(planEditor, [middleParagraph(planEditor)]));
  };
}

/** Four monthly check-ins per goal, climbing toward its target. */
function checkInsFor(goalIds: string[]) {
  return goalIds.flatMap((goalId, g) => ['2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'].map((date, i) => ({
    goalId, value: g + 100 * (i + 1), status: 'on-track' as const, confidence: null, note: '', date, author: 'Ana Ortiz',
  })));
}
