import { apiCall, expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { facts, password, reportInsuranceMedicine } from './handling-support.ts';

test.use({ actionTimeout: 15_000 });

// Issue 4, nothing lost: two managers on one case. The ward manager has the case open while the
// clinic head takes it on and assesses the risk; her own step is refused, and the page tells her
// what he did, rather than only that something changed.

test('when another manager changed the case while it was open, then taking it on is refused and the page says what he did', async ({
  page,
  browser,
}) => {
  await signIn(page, 'sjukskoterska', password);
  const filed = await reportInsuranceMedicine(page, `Två chefer samtidigt (${Date.now().toString(36)}).`);
  await page.context().clearCookies();

  await signIn(page, 'chef.avd12', password);
  await resetLanguage(page, 'sv');
  await page.goto(`/deviations/${filed.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Avvikelse ${filed.number}` })).toBeVisible();

  // Meanwhile, in his own browser, the clinic head takes it on and assesses the risk.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const head = await other.newPage();
  await signIn(head, 'chef.ortopedi', password);
  await apiCall(head, 'POST', `/api/deviations/${filed.id}/transitions`, { action: 'accept' });
  await apiCall(head, 'PATCH', `/api/deviations/${filed.id}`, { riskConsequence: 2, riskProbability: 2 });
  await other.close();

  await page.getByRole('button', { name: 'Hantera i vår enhet' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hantera ärendet' }).click();
  const notice = page.getByTestId('case-conflict');
  await expect(notice.getByRole('heading', { name: 'Ärendet har ändrats' })).toBeVisible();
  await expect(notice).toContainText('din ändring sparades inte');
  const changes = notice.getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Tagen för hantering · Olof Berglund');
  await expect(changes.nth(0)).toContainText('status: Under hantering');
  await expect(changes.nth(1)).toContainText('Risk bedömd · Olof Berglund');
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'case page with the conflict notice');

  await notice.getByRole('button', { name: 'Ladda om ärendet' }).click();
  await expect(notice).toBeHidden();
  await expect(facts(page).getByTestId('case-status')).toHaveText('Under hantering');
});
