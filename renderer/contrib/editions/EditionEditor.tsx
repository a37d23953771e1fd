/**
 * An edition opened in a tab: the plan as it was when the edition was saved, rebuilt from the
 * editions chain into a document of its own and shown by the plan editor, read-only; a header says
 * which edition it is, who saved it when and where its sign-off stands, with Compare and Restore.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Node } from 'slate';
import type * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { rebuildEdition } from '../../../shared/editions/editionChain';
import { editionSignoff } from '../../../shared/editions/planApproval';
import { approvalLine } from '../../../shared/editions/signoff';
import { type CollabSession } from '../../collab/collabSession';
import { revealBlock, revealPath } from '../../editor/editorCommands';
import { PlanEditor, type PlanSlateEditor } from '../../editor/PlanEditor';
import { runFromUi } from './editionActions';
import { type EditorProps } from '../../workbench/editorKinds';
import { LineIcon } from '../../workbench/icons';
import { useComputed, useServices, useValue } from '../../workbench/services/services';
import { onEditionReveal, takeEditionReveal } from './editionContext';
import { parseVersion } from './editionRefs';
import { allEditions } from './editionsModel';
import { editionWhen } from './editionWords';
import './editions.css';

/** A document that lives only in this tab: nothing is saved or synced, nobody else is in it. */
function editionSession(doc: Y.Doc, docId: string): CollabSession {
  const awareness = new Awareness(doc);
  return {
    docId, doc, device: 'edition', awareness, ready: Promise.resolve(), readOnly: true,
    status: () => ({ connection: 'local-only', stopped: null, saved: true, saveError: null, unsynced: 0, peers: [] }),
    onStatus: () => () => {},
    destroy: async () => {
      awareness.destroy();
      doc.destroy();
    },
  };
}

function EditionView({ planId, editionId, tabId }: { planId: string; editionId: string; tabId: string }) {
  const wb = useServices();
  const { model } = wb;
  const people = useValue(model.people);
  const planTitle = useComputed([model.plans], (ps) => ps.find((p) => p.id === planId)?.title ?? 'A plan no longer here', [planId]);
  const entry = useComputed([model.get(allEditions)], (all) => all.get(planId), [planId]);
  const edition = entry?.editions.find((e) => e.id === editionId);
  const [opened, setOpened] = useState<{ session: CollabSession | null; error: string | null }>({ session: null, error: null });
  const chain = edition ? entry!.editions : null;
  useEffect(() => {
    if (!chain) return;
    let session: CollabSession | null = null;
    try {
      session = editionSession(rebuildEdition(chain, editionId), tabId);
      setOpened({ session, error: null });
    } catch (err) {
      setOpened({ session: null, error: err instanceof Error ? err.message : String(err) });
    }
    return () => void session?.destroy();
    // The chain up to this edition never changes: rebuilt once per edition.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [!!chain, editionId, tabId]);

  // A change shown "in context" from a diff: revealed once the editor is on screen.
  const [editor, setEditor] = useState<PlanSlateEditor | null>(null);
  const revealWaiting = useCallback(() => {
    if (!editor) return;
    const r = takeEditionReveal(tabId);
    if (!r) return;
    if (r.blockId && revealBlock(editor, r.blockId)) return;
    if (r.path.length && Node.has(editor, r.path)) revealPath(editor, r.path);
  }, [editor, tabId]);
  useEffect(() => {
    revealWaiting();
    return onEditionReveal(revealWaiting);
  }, [revealWaiting]);

  const teams = useValue(model.teams);
  const signoff = useMemo(() => (entry ? approvalLine(editionSignoff(entry.records, editionId, people, teams)) : null), [entry, editionId, people, teams]);

  if (!entry?.loaded && !edition) return <p className="tandem-editor-message" role="status">Opening edition…</p>;
  if (!entry || !edition) return <p className="tandem-editor-message" role="alert">This edition is not in “{planTitle}”.</p>;
  if (opened.error) return <p className="tandem-editor-message" role="alert">This edition cannot be rebuilt: {opened.error}</p>;
  const arg = { planId, editionId };
  return (
    <div className="tandem-editor-pane">
      <header className="tandem-document-header ed-edition-header" aria-label="Edition">
        <h1 className="tandem-document-title"><LineIcon name="edition" className="ed-edition-icon" /> {edition.name}</h1>
        <p className="tandem-document-about">
          Edition of “{planTitle}” · saved by {edition.author}, {editionWhen(edition.createdAt)} · read-only
        </p>
        <div className="ed-edition-actions">
          <button type="button" className="tv-button tv-secondary" onClick={() => runFromUi(wb, 'editions.compare', arg)}>Compare with Now</button>
          {!entry.readOnly && <button type="button" className="tv-button tv-secondary" onClick={() => runFromUi(wb, 'editions.restore', arg)}>Restore This Edition…</button>}
          <button type="button" className="tv-button tv-secondary" onClick={() => runFromUi(wb, 'plan.exportPdf', arg)}>Export as PDF…</button>
        </div>
        {signoff && <p className="ed-approval-line is-edition" role="status"><LineIcon name="signoff" /> {signoff}</p>}
      </header>
      <div className="tandem-editor-pane-body">
        {opened.session && <PlanEditor session={opened.session} people={people} otherPlans={model.snapshots} readOnly onEditor={setEditor} />}
      </div>
    </div>
  );
}

export function EditionEditor({ input }: EditorProps) {
  const v = parseVersion(input.id);
  if (!v?.editionId) return <p className="tandem-editor-message" role="alert">This edition’s address is not one Tandem knows.</p>;
  return <EditionView key={input.id} planId={v.planId} editionId={v.editionId} tabId={input.id} />;
}
