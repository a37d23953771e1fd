import { describe, expect, it } from 'vitest';
import { editionWhen, joinNames, plural } from '../../../../renderer/contrib/editions/editionWords';

describe('how editions are dated and counted', () => {
  const now = new Date(2026, 11, 3, 16, 30);
  it('says today, yesterday, a day this year, or a day of another year', () => {
    expect(editionWhen(new Date(2026, 11, 3, 9, 5).toISOString(), now)).toBe('today 09:05');
    expect(editionWhen(new Date(2026, 11, 2, 18, 0).toISOString(), now)).toBe('yesterday 18:00');
    expect(editionWhen(new Date(2026, 5, 14, 8, 0).toISOString(), now)).toBe('14 Jun 08:00');
    expect(editionWhen(new Date(2025, 10, 20, 8, 0).toISOString(), now)).toBe('20 Nov 2025');
    expect(editionWhen('not a time', now)).toBe('not a time');
  });
  it('counts and lists', () => {
    expect([plural(1, 'change'), plural(3, 'change')]).toEqual(['1 change', '3 changes']);
    expect([joinNames(['Ana']), joinNames(['Ana', 'Marc']), joinNames(['Ana', 'Sam', 'Marc'])]).toEqual(['Ana', 'Ana and Marc', 'Ana, Sam and Marc']);
  });
});
