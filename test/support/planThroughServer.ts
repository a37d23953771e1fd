/**
 * A plan created through the JSON API and written by a colleague through the sync server, as a real
 * y-websocket client (its own Y.Doc, no BroadcastChannel); the colleague stays connected to see what
 * others type. For end-to-end tests and benchmarks that need a plan of a given content.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { slateNodesToInsertDelta } from '@slate-yjs/core';
import { type Descendant } from 'slate';
import { planContent } from '../../shared/model/planDoc';
import { type PlanSummary } from '../../shared/ipc/contract';
import { type WebApp } from './webApp';

export type WrittenPlan = { plan: PlanSummary; doc: Y.Doc; provider: WebsocketProvider };

export async function planWrittenThroughServer(app: WebApp, title: string, content: Descendant[]): Promise<WrittenPlan> {
  const written = await planFromTemplateThroughServer(app, title, 'campaign-plan');
  const text = planContent(written.doc);
  written.doc.transact(() => {
    text.delete(0, text.length);
    text.applyDelta(slateNodesToInsertDelta(content));
  });
  return written;
}

/** A new plan from one of the templates, with a colleague connected to it as a real y-websocket client. */
export async function planFromTemplateThroughServer(app: WebApp, title: string, templateId: string): Promise<WrittenPlan> {
  const token = await app.tokenFor('Ben Adler', 'editor');
  const origin = new URL(app.url).origin;
  const res = await fetch(`${origin}/api/workspaces/${app.workspaceId}/plans`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ templateId, title }),
  });
  if (!res.ok) throw new Error(`could not create the plan: ${res.status} ${await res.text()}`);
  const plan = (await res.json()) as PlanSummary;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(origin.replace(/^http/, 'ws'), `${app.workspaceId}/${plan.id}`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, params: { token },
  });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { plan, doc, provider };
}
