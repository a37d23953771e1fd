/**
 * The ids of the templates Tandem ships (templates/<id>.json) that code refers to by name: the sample
 * workspace, the cascade command, and the problems that apply to cascade plans.
 * test/shared/templates/templateIds.test.ts checks each one names a template file.
 */
export const TEMPLATE_IDS = {
  annualJointPlan: 'annual-joint-plan',
  teamCascadePlan: 'team-cascade-plan',
  campaignPlan: 'campaign-plan',
} as const;

/** Plans made from these templates are cascade plans: their top goals must support a goal above them. */
export const CASCADE_TEMPLATE_IDS: ReadonlySet<string> = new Set([TEMPLATE_IDS.teamCascadePlan, TEMPLATE_IDS.campaignPlan]);
