import { test as base, expect, type Page } from '@playwright/test';

/** Records what broke in a page under the server's strict CSP: blocked script or style, uncaught errors. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}

/**
 * Every story also checks that the page ran cleanly under the server's strict CSP: no blocked script
 * or style, and no uncaught error in the page. A story with more browsers watches their pages too
 * (watchPage with pageProblems).
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      watchPage(page, problems);
      await use(problems);
      expect(problems, 'CSP violations or uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
