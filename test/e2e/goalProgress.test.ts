/**
 * A goal card whose progress comes from its sub-goals says how: "$800k of the $2M increase", in a real
 * Chromium against the real server.
 */
import { newGoal, paragraph } from '../../shared/model/blocks';
import { artifactPath } from '../support/chromium';
import { planWrittenThroughServer } from '../support/planThroughServer';
import { appUnderTest, goalCard, openAs } from './workbenchHelpers';

const t = appUnderTest();

it('shows a parent goal at 40%, "$800k of the $2M increase", when its sub-goals add $800k to a $10M baseline aiming at $12M', async () => {
  const revenue = newGoal({ title: 'Grow revenue to $12M', metricName: 'Revenue', metricUnit: '$', baseline: 10e6, target: 12e6 });
  const content = [
    paragraph('Where the growth comes from.'),
    revenue,
    newGoal({ title: 'New logos', metricName: 'Revenue', metricUnit: '$', target: 1.2e6, current: 500e3, parentId: revenue.id }),
    newGoal({ title: 'Upsell', metricName: 'Revenue', metricUnit: '$', target: 800e3, current: 300e3, parentId: revenue.id }),
  ];
  const { plan, provider } = await planWrittenThroughServer(t.app, 'Revenue plan', content);
  t.keep(provider);
  const { page, context, errors } = await openAs(t.browser, t.app, 'Ana Ortiz', { query: `plan=${plan.id}` });
  const card = goalCard(page, 'Grow revenue to $12M');
  await card.waitFor();
  const progress = card.locator('.tandem-progress');
  await progress.getByText('$800k of the $2M increase, from 2 sub-goals').waitFor({ timeout: 20_000 });
  expect(await card.getByRole('progressbar', { name: /Progress/ }).getAttribute('aria-valuenow')).toBe('40');
  expect(await progress.textContent()).toContain('40%');
  await card.screenshot({ path: artifactPath('goal-progress-increase.png') });
  expect(errors).toEqual([]);
  await context.close();
});
