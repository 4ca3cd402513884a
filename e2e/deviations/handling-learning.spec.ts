import { apiCall, expectAccessible, resetLanguage } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { as, facts, openCase, reportInsuranceMedicine, takeStep } from './handling-support.ts';

test.use({ actionTimeout: 15_000 });

// The story 3: a case the manager resolved is still of principal importance, so it is
// lifted for learning to the first body of its ladder, which finds it in its own inbox.

test('a resolved case is lifted for learning to the committee, which finds it in its inbox and sends its lesson back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const story = `Läkarintyg skickades till fel handläggare (${Date.now().toString(36)}).`;
  let report = { id: '', number: '' };

  await as(page, 'sjukskoterska', async () => {
    await resetLanguage(page, 'sv');
    // The report form is a colleague's page: the report is made through the API as her browser would.
    report = await reportInsuranceMedicine(page, story);
  });

  await as(page, 'chef.avd12', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Inkorg', report.number);
    await page.getByRole('button', { name: 'Hantera i vår enhet' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hantera ärendet' }).click();
    await expect(facts(page).getByTestId('case-status')).toHaveText('Under hantering');

    // Meanwhile the case changes elsewhere (here: the same manager in another tab): the page's
    // copy is stale, and the server refuses the step until the page has been reloaded.
    await apiCall(page, 'PATCH', `/api/deviations/${report.id}`, { raiseAtUnitMeeting: true });
    await page.getByRole('button', { name: 'Markera som åtgärdad' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('textbox', { name: 'Sammanfattning av vad som gjorts' })
      .fill('Rutinen är rättad.');
    await dialog.getByRole('button', { name: 'Markera som åtgärdad' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Någon annan har ändrat ärendet');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Ärendet har ändrats' });
    await expect(conflict).toBeVisible();
    await expectAccessible(page, 'case page with a conflict');
    await conflict.getByRole('button', { name: 'Ladda om ärendet' }).click();
    await expect(conflict).toBeHidden();
    await expect(page.getByRole('switch', { name: 'Ta upp på enhetsmötet' })).toBeChecked();

    await takeStep(
      page,
      'Markera som åtgärdad',
      'Sammanfattning av vad som gjorts',
      'Rutinen är rättad.',
      'Markera som åtgärdad',
    );
    await expect(facts(page).getByTestId('case-status')).toHaveText('Åtgärdad');

    await page.getByRole('button', { name: 'Lyft för lärande' }).click();
    await expect(page.getByRole('dialog')).toContainText(
      'det går till Försäkringsmedicinska kommittén för lärande och förblir åtgärdat',
    );
    await expectAccessible(page, 'lift for learning dialog');
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: 'Varför är ärendet av principiell vikt' })
      .fill('Samma fel kan hända på alla enheter som skriver intyg.');
    await page.getByRole('dialog').getByRole('button', { name: 'Lyft ärendet' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(facts(page).getByTestId('case-body')).toHaveText(
      'Försäkringsmedicinska kommittén (för lärande)',
    );
    await expect(facts(page).getByTestId('case-status')).toHaveText('Åtgärdad');
  });

  await as(page, 'kommitte.ordf', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Försäkringsmedicinska kommittén', report.number);
    await expect(facts(page).getByTestId('case-status')).toHaveText('Åtgärdad');
    const steps = page.getByRole('region', { name: 'Nästa steg' });
    await expect(steps.getByRole('button')).toHaveText([
      'Registrera ställningstagande',
      'Skicka tillbaka till chefen',
    ]);
    await takeStep(
      page,
      'Registrera ställningstagande',
      'Ställningstagande eller beslut',
      'Lärdom: intyg adresseras alltid till Försäkringskassans funktionsbrevlåda.',
      'Registrera',
    );
    await takeStep(
      page,
      'Skicka tillbaka till chefen',
      'Instruktioner till chefen',
      'Sprid lärdomen i verksamheten.',
      'Skicka tillbaka',
    );
    await expect(facts(page).getByTestId('case-body')).toHaveText('Chefen');
    await expect(facts(page).getByTestId('case-status')).toHaveText('Åtgärdad');
  });
});
