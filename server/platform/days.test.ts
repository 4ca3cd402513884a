import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysAfter, stockholmDay, twoYearsFrom } from './days.ts';

// The documents module's days are those of Stockholm: a document published at 00:30 in Stockholm
// (still the day before in UTC) is reviewed by the same day two years on, not a day early.

describe('the days of documents', () => {
  it('when a document is published just after midnight in Stockholm, then its review-by day is two years after that Stockholm day', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm (winter time, UTC+1).
    const justAfterMidnight = new Date('2026-03-01T23:30:00Z');
    expect(stockholmDay(justAfterMidnight)).toBe('2026-03-02');
    expect(twoYearsFrom(justAfterMidnight)).toBe('2028-03-02');
    // Summer time (UTC+2): 22:30 UTC is 00:30 the next day.
    expect(twoYearsFrom(new Date('2026-06-14T22:30:00Z'))).toBe('2028-06-15');
    // And the read-by day of a significant version, 30 days on, counts from the same day.
    expect(daysAfter(justAfterMidnight, 30)).toBe('2026-04-01');
    // Before midnight in Stockholm it is still the day before.
    expect(twoYearsFrom(new Date('2026-03-01T22:30:00Z'))).toBe('2028-03-01');
  });

  it('when a document is published on 29 February, then it is reviewed by 28 February two years on', () => {
    // 00:30 on 29 February 2028 in Stockholm.
    expect(twoYearsFrom(new Date('2028-02-28T23:30:00Z'))).toBe('2030-02-28');
    expect(addYears('2028-02-29', 2)).toBe('2030-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
    expect(addYears('2026-12-31', 2)).toBe('2028-12-31');
  });

  it('counts days across months, years and the change to summer time', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-03-02', -30)).toBe('2026-01-31');
  });
});
