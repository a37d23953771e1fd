/**
 * What a feature adds beside an open plan (VS Code's editor contributions): a component rendered at
 * the right of the plan editor in its pane, given the plan's session, its Slate editor once on
 * screen, and the editor's comment marks to fill. The comments feature's thread panel is one.
 */
import type React from 'react';
import { type CollabSession } from '../collab/collabSession';
import { type CommentMarks } from '../editor/commentMarks';
import { type PlanSlateEditor } from '../editor/createPlanEditor';
import { Registry } from './registry';

export type PlanPanePartProps = {
  planId: string;
  group: number;
  session: CollabSession;
  editor: PlanSlateEditor | null;
  comments: CommentMarks;
};

export type PlanPanePart = { id: string; order: number; component: React.ComponentType<PlanPanePartProps> };

export const planPaneParts = new Registry<PlanPanePart>('plan pane part');

export const registerPlanPanePart = (part: PlanPanePart): (() => void) => planPaneParts.register(part);
