/** Factories for fresh blocks with every field set: the one place a new block's defaults live. */
import { newId } from './ids';
import { TRACK_SELLING_STAGES } from './stages';
import {
  type ActionElement, type ActionFields, type GoalElement, type GoalFields, type HeadingElement,
  type ParagraphElement, type StageElement, type StageFields, type StageMatrixElement, type StageMatrixFields,
} from './elements';

const empty = (): [{ text: '' }] => [{ text: '' }];

export function newGoal(fields: Partial<GoalFields> = {}): GoalElement {
  return {
    type: 'goal',
    id: newId('goal'),
    title: '',
    team: 'joint',
    owners: [],
    metricName: '',
    metricUnit: '',
    baseline: null,
    target: null,
    current: null,
    period: '',
    due: null,
    status: 'on-track',
    rationale: '',
    parentId: null,
    parentPlanId: null,
    previousGoalId: null,
    previousPlanId: null,
    ...fields,
    children: empty(),
  };
}

export function newAction(fields: Partial<ActionFields> = {}): ActionElement {
  return {
    type: 'action',
    id: newId('action'),
    title: '',
    owner: null,
    due: null,
    done: false,
    budget: null,
    expectedResult: '',
    goalId: null,
    ...fields,
    children: empty(),
  };
}

export function newStage(fields: Partial<StageFields> & Pick<StageFields, 'stage'>): StageElement {
  return {
    type: 'stage',
    marketing: '',
    sales: '',
    marketingOwner: null,
    salesOwner: null,
    exitCriteria: '',
    metricName: '',
    metricTarget: null,
    metricUnit: '',
    assets: '',
    conversionRate: null,
    ...fields,
    children: empty(),
  };
}

/** A stage matrix with all seven stages in order; `fill` supplies per-stage content. */
export function newStageMatrix(fill: Partial<Record<StageFields['stage'], Partial<StageFields>>> = {}, funnel: Partial<StageMatrixFields> = {}): StageMatrixElement {
  return {
    type: 'stage-matrix',
    id: newId('stages'),
    revenueGoalId: null,
    dealSize: null,
    ...funnel,
    children: TRACK_SELLING_STAGES.map((s) => newStage({ ...fill[s.id], stage: s.id })),
  };
}

export const paragraph = (text = ''): ParagraphElement => ({ type: 'paragraph', children: [{ text }] });
export const heading = (level: 1 | 2 | 3, text: string): HeadingElement => ({ type: 'heading', level, children: [{ text }] });
