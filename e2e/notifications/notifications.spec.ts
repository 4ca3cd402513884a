import type { DeviationConfig, DeviationReceipt } from '../../contracts/deviations.ts';
import { apiCall, expectAccessible, resetLanguage, signIn, signOut } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test('when the nurse reports, her manager sees the unread count in the header, opens the notification and marks all read', async ({
  page,
}) => {
  // The report itself is made through the API as the nurse: the reporting form has its own stories.
  await signIn(page, 'sjukskoterska', 'loopen-demo');
  const config = await apiCall<DeviationConfig>(page, 'GET', '/api/deviation-config');
  const type = config.categories.find((c) => c.selectable && c.name.sv === 'Försäkringsmedicin');
  const receipt = await apiCall<DeviationReceipt>(page, 'POST', '/api/deviations', {
    categoryId: type?.id,
    occurredAt: new Date(Date.now() - 3600_000).toISOString(),
    description: 'Intyget till Försäkringskassan skickades inte trots påminnelse.',
  });
  await signOut(page);

  await signIn(page, 'chef.avd12', 'loopen-demo');
  await resetLanguage(page, 'sv');
  await page.reload();
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/^Notiser, \d+ olästa?$/);
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
  const title = `Ny avvikelse att hantera: ${receipt.number}`;
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expectAccessible(page, 'notifications with unread ones');

  await page.getByRole('button', { name: 'Markera alla som lästa' }).click();
  await expect(bell).toHaveAccessibleName('Notiser');
  await expect(page.getByRole('status').filter({ hasText: '0 olästa notiser' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Markera alla som lästa' })).toBeDisabled();
  await expectAccessible(page, 'notifications, all read');

  // By keyboard to the case the notification is about.
  await page.getByRole('link', { name: title }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/deviations/${receipt.id}$`));
});

test('in Norwegian the bell and the page speak bokmål', async ({ page }) => {
  await signIn(page, 'chef.avd12', 'loopen-demo');
  await resetLanguage(page, 'nb');
  await page.reload();
  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Varsler' })).toBeVisible();
  await expect(page.getByText(/Nytt avvik å behandle: AV-\d{4}-\d{6}/).first()).toBeVisible();
  await expectAccessible(page, 'notifications in Norwegian');
  await resetLanguage(page, 'sv');
});
