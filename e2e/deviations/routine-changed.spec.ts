import { apiCall, expectAccessible, resetLanguage } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { as, openCase, reportInsuranceMedicine } from './handling-support.ts';

test.use({ actionTimeout: 15_000 });

// Seed 000's loop closed: the manager closes a case with "routine changed", picking the routine
// with the document search as she types; the case shows the document, and the document the case.

const ROUTINE = 'Rutin för implementering av innovationer och forskningsresultat, Ortopedkliniken';

test('a deviation closed with "routine changed" shows the link both ways', async ({ page }) => {
  test.setTimeout(120_000);
  let report = { id: '', number: '' };
  await as(page, 'sjukskoterska', async () => {
    await resetLanguage(page, 'sv');
    report = await reportInsuranceMedicine(page, `Intyget skickades fel (${Date.now().toString(36)}).`);
  });

  await as(page, 'chef.avd12', async () => {
    await resetLanguage(page, 'sv');
    await apiCall(page, 'POST', `/api/deviations/${report.id}/transitions`, { action: 'accept' });
    await openCase(page, 'Inkorg', report.number);
    await page
      .getByRole('region', { name: 'Nästa steg' })
      .getByRole('button', { name: 'Avsluta med återkoppling', exact: true })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Återkoppling till rapportören' }).fill('Rutinen är ändrad.');
    await dialog.getByRole('checkbox', { name: 'Avslutas med ändrad rutin' }).check();
    await dialog.getByRole('textbox', { name: 'Sök dokument' }).fill('implementering');
    await dialog.getByRole('checkbox', { name: ROUTINE }).check();
    // Chosen, it stays ticked among the chosen while the search goes on.
    await expect(dialog.getByRole('checkbox', { name: ROUTINE })).toBeChecked();
    await expectAccessible(page, 'closing with a routine changed');
    await dialog.getByRole('button', { name: 'Avsluta ärendet', exact: true }).click();
    await expect(dialog).toBeHidden();

    const changed = page.getByRole('region', { name: 'Dokument som ändrats på grund av ärendet' });
    const link = changed.getByRole('link', { name: ROUTINE });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', /^\/documents\/[0-9a-f-]{36}$/);
    await expectAccessible(page, 'case with the documents changed because of it');

    // The document's side: the case is among the deviations that changed it.
    const href = (await link.getAttribute('href')) ?? '';
    const links = await apiCall<{ items: Array<{ number: string; id: string | null }> }>(
      page,
      'GET',
      `/api/documents/${href.split('/').pop()}/deviations`,
    );
    expect(links.items).toContainEqual(expect.objectContaining({ number: report.number, id: report.id }));
  });
});
