import { expect, type Locator, type Page } from '@playwright/test';

/** The rich-text editor of one template section, named by its heading. */
export function editorFor(page: Page, section: string): Locator {
  return page.getByRole('textbox', { name: section, exact: true });
}

/** Picks a person as a person would: types part of the name in the search, then chooses the one match. */
export async function pickPerson(scope: Locator, search: string, list: string, name: string): Promise<void> {
  await scope.getByLabel(search).fill(name.split(' ')[0] ?? name);
  const select = scope.getByLabel(list, { exact: true });
  const option = select.locator('option', { hasText: name });
  await expect(option).toHaveCount(1);
  await select.selectOption({ label: (await option.textContent()) ?? '' });
}

/** A calendar day some days from today, as YYYY-MM-DD in the machine's own calendar (the date fields' value). */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A calendar day as the web app shows it in a language, formatted by the browser itself. */
export function shownDate(page: Page, day: string, locale: 'sv-SE' | 'nb-NO'): Promise<string> {
  return page.evaluate(
    ([value, lang]) =>
      new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(`${value}T12:00:00`)),
    [day, locale] as const,
  );
}
