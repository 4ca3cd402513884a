/**
 * The product's days: those of Sweden and Norway (Europe/Stockholm), the deviations' reporting time
 * zone too. Every calendar day the server compares or writes (a review-by day, a read-by day, an
 * action's due day, a unit meeting's day, "past its review date", an export's date) is the Stockholm
 * day of the instant, never the UTC one: between 00:00 and 02:00 in Stockholm, UTC is still on the
 * day before.
 */

/** Where the product's organisations are: the time zone of every calendar day and year. */
export const regionTimeZone = 'Europe/Stockholm';

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: regionTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day it is at `now` in Sweden and Norway, as YYYY-MM-DD. */
export function stockholmDay(now: Date = new Date()): string {
  return dayFormat.format(now);
}

function parts(day: string): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) throw new Error(`not a day: ${day}`);
  return [year, month, date];
}

function format(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The calendar day n days after `day` (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const [year, month, date] = parts(day);
  return format(new Date(Date.UTC(year, month - 1, date + n)));
}

/**
 * The same day n years after `day` (YYYY-MM-DD). 29 February becomes 28 February in a year without
 * it: the day stays in its month, as PostgreSQL's `date + interval 'n years'` does, so a review-by day
 * is never later than the years it promises.
 */
export function addYears(day: string, n: number): string {
  const [year, month, date] = parts(day);
  const lastOfMonth = new Date(Date.UTC(year + n, month, 0)).getUTCDate();
  return format(new Date(Date.UTC(year + n, month - 1, Math.min(date, lastOfMonth))));
}

/** A published document's default review-by day: two years after the Stockholm day of `now`. */
export function twoYearsFrom(now: Date): string {
  return addYears(stockholmDay(now), 2);
}

/** The Stockholm day n days after the one of `now` (a significant version's default read-by day). */
export function daysAfter(now: Date, n: number): string {
  return addDays(stockholmDay(now), n);
}
