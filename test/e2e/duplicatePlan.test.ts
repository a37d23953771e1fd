/**
 * Duplicating a plan whose goals support goals of another plan: the copy's links are dropped (so
 * nothing counts twice) and the person is told so, in a real Chromium against the real server.
 */
import { newGoal, paragraph } from '../../shared/model/blocks';
import { artifactPath } from '../support/chromium';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { appUnderTest, goalCard, openAs, runFromPalette } from './workbenchHelpers';

const t = appUnderTest();

it('tells the person that the copy\'s goals no longer support the other plan\'s goal', async () => {
  const companyGoal = newGoal({ title: 'Grow revenue to $12M', metricUnit: '$', baseline: 10e6, target: 12e6 });
  const company = await planWrittenThroughServer(t.app, 'Company plan', [companyGoal]);
  const team = await planWrittenThroughServer(t.app, 'West team plan', [
    paragraph('The West team’s share.'),
    newGoal({ title: 'Win 12 new logos in the West', metricUnit: '$', target: 1.2e6, current: 500e3, parentId: companyGoal.id, parentPlanId: company.plan.id }),
    newGoal({ title: 'Renew every West account', metricUnit: '$', target: 800e3, current: 300e3, parentId: companyGoal.id, parentPlanId: company.plan.id }),
  ]);
  t.keep(company.provider, team.provider);

  const { page, context, errors } = await openAs(t.browser, t.app, 'Ana Ortiz', { query: `plan=${team.plan.id}` });
  await goalCard(page, 'Win 12 new logos in the West').waitFor();
  await runFromPalette(page, 'Duplicate Plan', 'Duplicate Plan');
  const notice = page.getByRole('status').filter({ hasText: 'West team plan (copy)' });
  await notice.waitFor({ timeout: 20_000 });
  expect(await notice.textContent()).toContain('In “West team plan (copy)”, the 2 goals that support goals of another plan no longer do, so their progress is not counted twice. Link them again if the copy replaces the original.');
  await page.screenshot({ path: artifactPath('duplicate-plan-notice.png') });
  expect(errors).toEqual([]);
  await context.close();
});
