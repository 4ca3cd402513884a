import { describe, expect, it } from 'vitest';
import { medianOf, planPeriod } from './stats.ts';

describe('reading a period from the statistics rollup', () => {
  it('when no period is asked for, then every month comes from the rollup', () => {
    expect(planPeriod({})).toEqual({ months: {}, days: [] });
  });

  it('when the period is whole months, then only the rollup is read', () => {
    expect(planPeriod({ from: '2025-01-01', to: '2025-03-31' })).toEqual({
      months: { first: '2025-01', last: '2025-03' },
      days: [],
    });
    expect(planPeriod({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      months: { first: '2024-02', last: '2024-02' },
      days: [],
    });
  });

  it('when the period cuts its first and last months, then their days are counted from the cases', () => {
    expect(planPeriod({ from: '2025-01-15', to: '2025-04-10' })).toEqual({
      months: { first: '2025-02', last: '2025-03' },
      days: [
        { from: '2025-01-15', to: '2025-01-31' },
        { from: '2025-04-01', to: '2025-04-10' },
      ],
    });
    expect(planPeriod({ from: '2024-12-20' })).toEqual({
      months: { first: '2025-01' },
      days: [{ from: '2024-12-20', to: '2024-12-31' }],
    });
    expect(planPeriod({ to: '2025-01-10' })).toEqual({
      months: { last: '2024-12' },
      days: [{ from: '2025-01-01', to: '2025-01-10' }],
    });
  });

  it('when the period lies inside one month, then only those days are read, once', () => {
    for (const [from, to] of [
      ['2025-05-03', '2025-05-20'],
      ['2025-05-01', '2025-05-20'],
      ['2025-05-03', '2025-05-31'],
    ] as const)
      expect(planPeriod({ from, to }), `${from}–${to}`).toEqual({ months: null, days: [{ from, to }] });
  });

  it('when from comes after to, then nothing is read', () => {
    expect(planPeriod({ from: '2025-05-03', to: '2025-04-20' })).toEqual({ months: null, days: [] });
  });
});

describe('the median of whole days of handling', () => {
  it('is the middle value, or halfway between the two middle ones, as percentile_cont(0.5)', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[4, 1]]))).toBe(4);
    expect(
      medianOf(
        new Map([
          [2, 1],
          [5, 1],
        ]),
      ),
    ).toBe(3.5);
    expect(
      medianOf(
        new Map([
          [30, 2],
          [1, 3],
          [7, 1],
        ]),
      ),
    ).toBe(4);
    expect(
      medianOf(
        new Map([
          [0, 10],
          [9, 1],
        ]),
      ),
    ).toBe(0);
  });
});
