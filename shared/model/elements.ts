/**
 * The plan document's Slate node types, declared once for every layer.
 *
 * Structured blocks (goal, stage, action) are void block elements whose fields are element
 * properties: @slate-yjs/core stores each property as its own Yjs attribute, so two people editing
 * different fields of one goal merge cleanly, and the same field resolves last-writer-wins (the
 * editor surfaces that conflict). Metric fields are flat for the same reason.
 */
import { type Descendant } from 'slate';
import { type TeamId } from './people';
import { type StageId } from './stages';

export const GOAL_STATUSES = ['on-track', 'at-risk', 'off-track', 'done'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
};

export type FormattedText = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  code?: boolean;
};
export type Mark = 'bold' | 'italic' | 'underline' | 'code';

type EmptyChildren = [{ text: '' }];

export type ParagraphElement = { type: 'paragraph'; children: InlineNode[] };
export type HeadingElement = { type: 'heading'; level: 1 | 2 | 3; children: InlineNode[] };
/** Template guidance: a hint to the plan's author, shown subdued. */
export type GuidanceElement = { type: 'guidance'; children: InlineNode[] };
export type ListItemElement = { type: 'list-item'; children: InlineNode[] };
export type BulletedListElement = { type: 'bulleted-list'; children: ListItemElement[] };
export type NumberedListElement = { type: 'numbered-list'; children: ListItemElement[] };
export type LinkElement = { type: 'link'; url: string; children: FormattedText[] };
/** Inline reference to a person; `name` is the name at insertion, shown only if the person is gone. */
export type MentionElement = { type: 'mention'; personId: string; name: string; children: EmptyChildren };

export type GoalFields = {
  id: string;
  title: string;
  /** A team of the workspace, by id (teams.ts). */
  team: TeamId;
  owners: string[];
  metricName: string;
  metricUnit: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  period: string;
  due: string | null;
  status: GoalStatus;
  rationale: string;
  /** Parent goal id, in this plan or (with parentPlanId) in another plan of the workspace. */
  parentId: string | null;
  parentPlanId: string | null;
  /** Last cycle's goal this one continues (set by "Start Next Cycle"), and the plan it is in. */
  previousGoalId: string | null;
  previousPlanId: string | null;
};
export type GoalElement = { type: 'goal'; children: EmptyChildren } & GoalFields;

export type StageFields = {
  stage: StageId;
  marketing: string;
  sales: string;
  marketingOwner: string | null;
  salesOwner: string | null;
  exitCriteria: string;
  metricName: string;
  metricTarget: number | null;
  metricUnit: string;
  assets: string;
  /** Funnel math: the percent of this stage's deals that reach the next stage (funnel.ts). */
  conversionRate: number | null;
};
export type StageElement = { type: 'stage'; children: EmptyChildren } & StageFields;
/**
 * The seven stages together, always all seven in buying order. `revenueGoalId` (a goal of this plan)
 * and `dealSize` (its average deal, in the goal's unit) drive the funnel math with the stages'
 * conversion rates (funnel.ts).
 */
export type StageMatrixFields = { revenueGoalId: string | null; dealSize: number | null };
export type StageMatrixElement = { type: 'stage-matrix'; id: string; children: StageElement[] } & StageMatrixFields;

export type ActionFields = {
  id: string;
  title: string;
  owner: string | null;
  due: string | null;
  done: boolean;
  budget: number | null;
  expectedResult: string;
  /** The goal this action serves; an action with no goal is a problem. */
  goalId: string | null;
};
export type ActionElement = { type: 'action'; children: EmptyChildren } & ActionFields;

export type InlineNode = FormattedText | LinkElement | MentionElement;
export type TextBlockElement = ParagraphElement | HeadingElement | GuidanceElement | ListItemElement;
export type StructuredBlockElement = GoalElement | StageMatrixElement | ActionElement;
export type PlanElement =
  | ParagraphElement
  | HeadingElement
  | GuidanceElement
  | BulletedListElement
  | NumberedListElement
  | ListItemElement
  | LinkElement
  | MentionElement
  | GoalElement
  | StageMatrixElement
  | StageElement
  | ActionElement;
export type PlanElementType = PlanElement['type'];
export type BlockElement = Exclude<PlanElement, LinkElement | MentionElement | ListItemElement | StageElement>;

/** Every element type this version of Tandem knows (the record keeps the list in step with the types). */
export const ELEMENT_TYPES: ReadonlySet<string> = new Set(Object.keys({
  paragraph: true, heading: true, guidance: true, 'bulleted-list': true, 'numbered-list': true, 'list-item': true,
  link: true, mention: true, goal: true, 'stage-matrix': true, stage: true, action: true,
} satisfies Record<PlanElementType, true>));

/** Elements with no editable text of their own. */
export const VOID_TYPES: ReadonlySet<PlanElementType> = new Set(['goal', 'stage', 'action', 'mention']);
export const INLINE_TYPES: ReadonlySet<PlanElementType> = new Set(['link', 'mention']);

declare module 'slate' {
  // The Editor type is declared by the renderer, which composes the editor's plugins.
  interface CustomTypes {
    Element: PlanElement;
    Text: FormattedText;
  }
}

export type PlanContent = Descendant[];
