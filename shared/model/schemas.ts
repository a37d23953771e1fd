/** zod schemas of the plan's structured blocks and of whole plan content, for templates and untrusted input. */
import { z } from 'zod';
import { TeamIdSchema } from './people';
import { STAGE_IDS } from './stages';
import { GOAL_STATUSES, type ActionElement, type BlockElement, type FormattedText, type GoalElement, type LinkElement, type MentionElement, type PlanContent, type StageElement } from './elements';

/**
 * A field that may be empty. Slate drops a property set to null, so a live block can lack it
 * altogether: absent reads as null.
 */
const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v): z.output<T> | null => v ?? null);
const nullableNumber = nullable(z.number().finite());
const nullableString = nullable(z.string());
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');
const emptyChildren = z.tuple([z.object({ text: z.literal('') })]);

export const GoalFieldsSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  team: TeamIdSchema,
  owners: z.array(z.string()),
  metricName: z.string(),
  metricUnit: z.string(),
  baseline: nullableNumber,
  target: nullableNumber,
  current: nullableNumber,
  period: z.string(),
  due: nullable(isoDate),
  status: z.enum(GOAL_STATUSES),
  rationale: z.string(),
  parentId: nullableString,
  parentPlanId: nullableString,
  previousGoalId: nullableString,
  previousPlanId: nullableString,
});

export const StageFieldsSchema = z.object({
  stage: z.enum(STAGE_IDS),
  marketing: z.string(),
  sales: z.string(),
  marketingOwner: nullableString,
  salesOwner: nullableString,
  exitCriteria: z.string(),
  metricName: z.string(),
  metricTarget: nullableNumber,
  metricUnit: z.string(),
  assets: z.string(),
  conversionRate: nullable(z.number().finite().min(0).max(100)),
});

export const ActionFieldsSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  owner: nullableString,
  due: nullable(isoDate),
  done: z.boolean(),
  budget: nullableNumber,
  expectedResult: z.string(),
  goalId: nullableString,
});

export const TextSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  code: z.boolean().optional(),
}).strict();

export const LinkSchema = z.object({ type: z.literal('link'), url: z.string().url(), children: z.array(TextSchema).min(1) }).strict();
export const MentionSchema = z.object({ type: z.literal('mention'), personId: z.string().min(1), name: z.string(), children: emptyChildren }).strict();
const inlines = z.array(z.union([TextSchema, LinkSchema, MentionSchema])).min(1);

const ListItemSchema = z.object({ type: z.literal('list-item'), children: inlines }).strict();
export const GoalSchema = GoalFieldsSchema.extend({ type: z.literal('goal'), children: emptyChildren }).strict();
export const StageSchema = StageFieldsSchema.extend({ type: z.literal('stage'), children: emptyChildren }).strict();
export const ActionSchema = ActionFieldsSchema.extend({ type: z.literal('action'), children: emptyChildren }).strict();
export const StageMatrixSchema = z.object({
  type: z.literal('stage-matrix'),
  id: z.string().min(1),
  revenueGoalId: nullableString,
  dealSize: nullable(z.number().finite().positive()),
  children: z.array(StageSchema).length(7, 'a stage matrix holds all seven track-selling stages'),
}).strict().refine((m) => m.children.every((s, i) => s.stage === STAGE_IDS[i]), {
  message: 'stages must appear once each, in track-selling order',
  path: ['children'],
});

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: inlines }).strict(),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), children: inlines }).strict(),
  z.object({ type: z.literal('guidance'), children: inlines }).strict(),
  z.object({ type: z.literal('bulleted-list'), children: z.array(ListItemSchema).min(1) }).strict(),
  z.object({ type: z.literal('numbered-list'), children: z.array(ListItemSchema).min(1) }).strict(),
  GoalSchema,
  StageMatrixSchema,
  ActionSchema,
]);

export const PlanContentSchema = z.array(BlockSchema).min(1, 'a plan needs at least one block');

/** Validates untrusted plan content (a template's, an import's); throws a ZodError naming the field. */
export function parsePlanContent(value: unknown): PlanContent {
  return PlanContentSchema.parse(value) as PlanContent;
}

/** Whether two types describe the same values with the same fields (each assignable to the other, the same keys). */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Same<A, B> = Mutual<A, B> extends true ? Mutual<keyof A, keyof B> : false;

/**
 * The element types of elements.ts and these schemas describe the same shapes: a field added to one
 * and not the other fails to compile here.
 */
void (({
  goal: true,
  stage: true,
  action: true,
  text: true,
  link: true,
  mention: true,
  block: true,
} as const) satisfies {
  goal: Same<z.output<typeof GoalSchema>, GoalElement>;
  stage: Same<z.output<typeof StageSchema>, StageElement>;
  action: Same<z.output<typeof ActionSchema>, ActionElement>;
  text: Same<z.output<typeof TextSchema>, FormattedText>;
  link: Same<z.output<typeof LinkSchema>, LinkElement>;
  mention: Same<z.output<typeof MentionSchema>, MentionElement>;
  block: Same<z.output<typeof BlockSchema>, BlockElement>;
});
