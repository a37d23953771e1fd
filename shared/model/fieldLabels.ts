/** How a person names a field of a goal, an action or a stage row ("target", "exit criteria"), in lower case. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'title', team: 'team', owners: 'owners', metricName: 'metric', metricUnit: 'unit', baseline: 'baseline',
  target: 'target', current: 'current value', period: 'period', due: 'due date', status: 'status', rationale: 'rationale',
  parentId: 'parent goal', parentPlanId: 'parent plan', owner: 'owner', done: 'done', budget: 'budget',
  expectedResult: 'expected result', goalId: 'goal served', marketing: 'marketing activities', sales: 'sales activities',
  marketingOwner: 'marketing owner', salesOwner: 'sales owner', exitCriteria: 'exit criteria', metricTarget: 'metric target',
  assets: 'supporting assets', conversionRate: 'conversion rate',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;
