import { describe, expect, it } from 'vitest';
import type { DeviationStats } from '../../../contracts/deviation-stats.ts';
import { statsCsv } from './stats-export.ts';

const counts = { count: 3, open: 1, overdue: 1, closed: 1, medianHandlingDays: 2.5 };
const stats: DeviationStats = {
  groupBy: 'unit',
  rows: [
    { key: 'a', label: '=HYPERLINK("x");avd', ...counts, drillDown: { view: 'unit', unitId: 'a' } },
    { key: 'b', label: 'Kliniken', ...counts, medianHandlingDays: null, drillDown: null },
  ],
  totals: { ...counts, count: 6, drillDown: { view: 'unit', unitId: 'b' } },
};

describe('the CSV of the statistics', () => {
  it('opens in Swedish Excel as text: BOM, semicolons, decimal comma, and no formula from a unit name', () => {
    const lines = statsCsv(stats, 'sv').split('\r\n');
    expect(lines[0]).toBe('\uFEFFEnhet;Antal;Öppna;Försenade;Avslutade;Median handläggningstid (dagar)');
    // A name that looks like a formula is quoted and prefixed, so a spreadsheet shows it as text.
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"");avd";3;1;1;1;2,5`);
    // The cases reported on the chosen unit itself, apart from its sub-units'.
    expect(lines[2]).toBe('Kliniken (själva enheten);3;1;1;1;');
    expect(lines[3]).toBe('Totalt;6;1;1;1;2,5');
  });

  it('keeps the decimal point in English', () => {
    expect(statsCsv(stats, 'en').split('\r\n')[3]).toBe('Total;6;1;1;1;2.5');
  });
});
