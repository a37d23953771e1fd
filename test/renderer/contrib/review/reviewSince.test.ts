/** The previous review's day: remembered per workspace and period, a month before today until someone picks one. */
import { periodTitle, readReviewSince } from '../../../../renderer/contrib/review/reviewSince';
import { ALL_PERIODS } from '../../../../shared/derive/review';

const storage = (items: Record<string, string>) => ({ getItem: (k: string) => items[k] ?? null });

it('reads the stored day, or a month before today when there is none, it is not a day, or it is after today', () => {
  const key = 'tandem.review.since.local.FY2027';
  expect(readReviewSince(storage({ [key]: '2027-03-02' }), 'local', 'FY2027', '2027-04-01')).toBe('2027-03-02');
  expect(readReviewSince(storage({}), 'local', 'FY2027', '2027-04-01')).toBe('2027-03-02');
  expect(readReviewSince(storage({ [key]: 'last month' }), 'local', 'FY2027', '2027-04-01')).toBe('2027-03-02');
  expect(readReviewSince(storage({ [key]: '2027-05-01' }), 'local', 'FY2027', '2027-04-01')).toBe('2027-03-02');
  expect(readReviewSince({ getItem: () => { throw new Error('denied'); } }, 'local', 'FY2027', '2027-04-01')).toBe('2027-03-02');
  expect(readReviewSince(storage({ [key]: '2027-03-20' }), 'other', 'FY2027', '2027-04-01')).toBe('2027-03-02');
});

it('names the tab after the period', () => {
  expect(periodTitle('FY2027')).toBe('Plan Review — FY2027');
  expect(periodTitle(ALL_PERIODS)).toBe('Plan Review — all plans');
});
