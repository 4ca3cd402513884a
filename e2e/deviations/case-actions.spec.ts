import { apiCall, expectAccessible, resetLanguage } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { as, openCase, reportInsuranceMedicine } from './handling-support.ts';

test.use({ actionTimeout: 15_000 });

// A manager's actions change as the work does: one is reworded, struck out and taken up again, and
// its owner, a physician who did not report the case, is told, reads the case without learning who
// reported it, and marks his action done.

test('the manager adds an action, changes it, strikes one out and takes it up again; the owner marks his done', async ({
  page,
}) => {
  test.setTimeout(120_000);
  let report = { id: '', number: '' };
  await as(page, 'sjukskoterska', async () => {
    await resetLanguage(page, 'sv');
    report = await reportInsuranceMedicine(page, `Intyget kom bort (${Date.now().toString(36)}).`);
  });

  await as(page, 'chef.avd12', async () => {
    await resetLanguage(page, 'sv');
    await apiCall(page, 'POST', `/api/deviations/${report.id}/transitions`, { action: 'accept' });
    await openCase(page, 'Inkorg', report.number);
    const actions = page.getByRole('region', { name: 'Åtgärder' });

    await actions.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Åtgärd' }).fill('Ny rutin för intyg');
    await dialog.getByRole('textbox', { name: 'Sök ansvarig' }).fill('Nyström');
    const owner = dialog.getByRole('combobox', { name: 'Ansvarig' });
    const lars = owner.getByRole('option', { name: /Lars Nyström/ });
    await expect(lars).toBeAttached();
    await owner.selectOption((await lars.getAttribute('value')) ?? '');
    await dialog.getByLabel('Klart senast').fill('2030-01-15');
    await dialog.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await expect(dialog).toBeHidden();
    await expect(actions.getByRole('row', { name: /Ny rutin för intyg/ })).toContainText('Lars Nyström');

    // Reworded, with a later date; the owner stays chosen.
    await actions.getByRole('button', { name: 'Ändra Ny rutin för intyg' }).click();
    dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Ändra åtgärd' })).toBeVisible();
    await expectAccessible(page, 'changing an action');
    await dialog.getByRole('textbox', { name: 'Åtgärd' }).fill('Rutin för intyg vid utskrivning');
    await dialog.getByLabel('Klart senast').fill('2030-02-01');
    await dialog.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect(dialog).toBeHidden();
    const row = actions.getByRole('row', { name: /Rutin för intyg vid utskrivning/ });
    await expect(row).toContainText('Lars Nyström');
    await expect(row).toContainText('2030');

    // Struck out, then taken up again, by keyboard.
    await row.getByRole('button', { name: 'Stryk Rutin för intyg vid utskrivning' }).focus();
    await page.keyboard.press('Enter');
    await expect(row).toContainText('Struken');
    await row.getByRole('button', { name: 'Återuppta Rutin för intyg vid utskrivning' }).click();
    await expect(row).toContainText('Pågår');
    await expect(page.getByTestId('timeline-event').first()).toContainText(/tgärd/);
    await expectAccessible(page, 'case with actions');
  });

  // The owner is told, opens the case from the notification, sees his action and marks it done; he
  // cannot change or strike it, and the case does not say who reported it.
  await as(page, 'lakare', async () => {
    await resetLanguage(page, 'sv');
    await page.goto('/notifications');
    await page.getByRole('link', { name: `Du har fått en åtgärd i avvikelse ${report.number}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(report.number);
    const row = page
      .getByRole('region', { name: 'Åtgärder' })
      .getByRole('row', { name: /Rutin för intyg vid utskrivning/ });
    await expect(row.getByRole('button', { name: /^Ändra/ })).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^Stryk/ })).toHaveCount(0);
    await expect(page.getByText('Sofia Lindgren')).toHaveCount(0);
    await expectAccessible(page, 'case as an action owner');
    await row.getByRole('button', { name: 'Markera Rutin för intyg vid utskrivning som klar' }).click();
    await expect(row).toContainText('Klar');
  });
});
