import { apiCall, expectAccessible, resetLanguage } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { as, facts, openCase, takeStep } from './handling-support.ts';

test.use({ actionTimeout: 15_000 });

// The story 1, seed 002 end to end: an insurance-medicine deviation climbs the whole ladder
// of bodies and comes back to the manager, who closes it with feedback that the nurse then reads.

const patientId = '19121212-1212';

test('a nurse reports an insurance-medicine deviation; it climbs committee, forum and samverkansgrupp, comes back with a decision, is closed with feedback the nurse reads, and is counted', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const story = `Sjukintyget för patienten nådde aldrig Försäkringskassan (${Date.now().toString(36)}).`;
  const feedback =
    'Tack för rapporten. Rutinen för intyg till Försäkringskassan är nu ändrad i hela regionen.';
  let number = '';

  // The nurse reports through the three choices, with the patient's personnummer in the protected field.
  await as(page, 'sjukskoterska', async () => {
    await resetLanguage(page, 'sv');
    await page.getByRole('link', { name: 'Rapportera avvikelse' }).first().click();
    await page.getByRole('radio', { name: 'Säkerhet, miljö och organisation' }).check();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('radio', { name: 'Verksamhet/organisation' }).check();
    await page.getByRole('radio', { name: 'Försäkringsmedicin' }).check();
    await page.getByRole('button', { name: 'Nästa' }).click();
    await page.getByRole('textbox', { name: 'Vad hände?' }).fill(story);
    await page.getByRole('checkbox', { name: 'En patient berördes' }).check();
    await page.getByRole('textbox', { name: /Patientens personnummer/ }).fill(patientId);
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expect(page.getByRole('heading', { name: 'Tack! Din rapport är inskickad' })).toBeVisible();
    number =
      (await page
        .getByText(/^AV-\d{4}-\d{6}$/)
        .first()
        .textContent()) ?? '';
    expect(number).toMatch(/^AV-\d{4}-\d{6}$/);
  });

  // Her manager finds it in the inbox, takes it, logs the call with the Försäkringskassan
  // investigator, assesses the risk, marks it for the unit meeting and escalates it.
  await as(page, 'chef.avd12', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Inkorg', number);
    await expect(page.getByTestId('patient-box')).toContainText(patientId);
    await expect(page.getByTestId('case-reporter')).toHaveText('Sofia Lindgren');
    await expect(page.getByTestId('case-type')).toHaveText(
      'Säkerhet, miljö och organisation › Verksamhet/organisation › Försäkringsmedicin',
    );
    await expectAccessible(page, 'case page, manager');

    await page.getByRole('button', { name: 'Hantera i vår enhet' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hantera ärendet' }).click();
    await expect(facts(page).getByTestId('case-status')).toHaveText('Under hantering');

    await page.getByRole('button', { name: 'Logga kontakt' }).click();
    const contact = page.getByRole('dialog', { name: 'Logga kontakt med samverkanspart' });
    await contact
      .getByLabel('Kontakt', { exact: true })
      .selectOption({ label: 'Ulla Rask – Försäkringsutredare, kontaktperson, Försäkringskassan' });
    await contact.getByLabel('Kanal').selectOption({ label: 'Telefon' });
    await contact
      .getByRole('textbox', { name: 'Vad togs upp' })
      .fill('Intyget saknas i ärendet hos Försäkringskassan.');
    await contact.getByRole('textbox', { name: /Resultat/ }).fill('Kan inte lösas på handläggarnivå.');
    await expectAccessible(page, 'contact dialog');
    await contact.getByRole('button', { name: 'Spara kontakten' }).click();
    await expect(contact).toBeHidden();
    await expect(
      page.getByRole('region', { name: 'Kontaktlogg' }).getByRole('row', { name: /Ulla Rask/ }),
    ).toContainText('Försäkringskassan');

    // The matrix is operated by keyboard: focus a cell, move with the arrow keys, save.
    await page.getByRole('radio', { name: 'Konsekvens 2, sannolikhet 2: riskpoäng 4' }).check();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Konsekvens 2, sannolikhet 3: riskpoäng 6' })).toBeChecked();
    await expect(page.getByText('Riskpoäng 6 (måttlig)')).toBeVisible();
    await page.getByRole('button', { name: 'Spara riskbedömningen' }).click();
    await expect(facts(page)).toContainText('Poäng 6');

    await page.getByRole('switch', { name: 'Ta upp på enhetsmötet' }).check();
    await expect(page.getByRole('switch', { name: 'Ta upp på enhetsmötet' })).toBeChecked();
    await expect(page.getByTestId('timeline-event').first()).toContainText('Markerad för enhetsmöte');

    await page.getByRole('button', { name: 'Eskalera', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('Ärendet går till Försäkringsmedicinska kommittén.');
    await expectAccessible(page, 'escalate dialog');
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: 'Varför eskaleras ärendet' })
      .fill('Försäkringskassans utredare kan inte lösa det; det gäller rutinen.');
    await page.getByRole('dialog').getByRole('button', { name: 'Eskalera', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(facts(page).getByTestId('case-body')).toHaveText('Försäkringsmedicinska kommittén');
    await expect(facts(page).getByTestId('case-status')).toHaveText('Eskalerad');

    // The unit meeting: the case waits there, and is recorded as raised.
    await page.getByRole('link', { name: 'Enhetsmöte' }).click();
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toBeVisible();
    await expectAccessible(page, 'unit meeting');
    await row.getByRole('checkbox', { name: `Välj ${number}` }).check();
    await page.getByRole('button', { name: 'Registrera som upptagna (1)' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'registrerade som upptagna' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(number) })).toHaveCount(0);
  });

  // The committee's chair escalates to Avvikelseforum.
  await as(page, 'kommitte.ordf', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Försäkringsmedicinska kommittén', number);
    await expect(page.getByTestId('patient-box')).toHaveCount(0);
    await expectAccessible(page, 'case page, committee chair');
    await takeStep(
      page,
      'Eskalera',
      'Varför eskaleras ärendet',
      'Gäller samverkan mellan myndigheterna.',
      'Eskalera',
    );
    await expect(facts(page).getByTestId('case-body')).toHaveText('Avvikelseforum');
  });

  // Försäkringskassan's member of the forum finds the case in the forum's list and reads it,
  // without the patient and the reporter.
  await as(page, 'fk.utredare', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Avvikelseforum', number);
    await expect(page.getByRole('heading', { level: 1, name: `Avvikelse ${number}` })).toBeVisible();
    await expect(page.getByText(story)).toBeVisible();
    await expect(page.getByTestId('patient-box')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('19121212');
    await expect(page.locator('main')).not.toContainText('Sofia Lindgren');
    await expect(page.getByTestId('case-reporter')).toContainText('Dold');
    await expect(page.getByText('Patientens identitet visas inte för kommittéer och forum.')).toBeVisible();
    await expectAccessible(page, 'case page, partner-agency member');
  });

  // The forum's chair escalates to the samverkansgrupp.
  await as(page, 'fm.radgivare', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Avvikelseforum', number);
    await page
      .getByRole('region', { name: 'Nästa steg' })
      .getByRole('button', { name: 'Eskalera', exact: true })
      .click();
    await expect(page.getByRole('dialog')).toContainText(
      'Ärendet går till Försäkringsmedicinska samverkansgruppen.',
    );
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: 'Varför eskaleras ärendet' })
      .fill('Kräver beslut av cheferna.');
    await page.getByRole('dialog').getByRole('button', { name: 'Eskalera', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(facts(page).getByTestId('case-body')).toHaveText('Försäkringsmedicinska samverkansgruppen');
  });

  // The samverkansgrupp decides and sends the case back to the manager.
  await as(page, 'hsdirektor', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Försäkringsmedicinska samverkansgruppen', number);
    await takeStep(
      page,
      'Registrera ställningstagande',
      'Ställningstagande eller beslut',
      'Beslut: intyg skickas digitalt från vårdcentralen, med kvittens.',
      'Registrera',
    );
    await expect(page.getByTestId('timeline-event').first()).toContainText('Ställningstagande');
    await takeStep(
      page,
      'Skicka tillbaka till chefen',
      'Instruktioner till chefen',
      'Inför beslutet på avdelningen och återkoppla till rapportören.',
      'Skicka tillbaka',
    );
    await expect(page.getByText('Ärendet är tillbaka hos chefen.')).toBeVisible();
    await expectAccessible(page, 'case page after return');
  });

  // The manager closes the case with feedback to the reporter.
  await as(page, 'chef.avd12', async () => {
    await resetLanguage(page, 'sv');
    await openCase(page, 'Inkorg', number);
    await page.getByRole('button', { name: 'Avsluta med återkoppling' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Rapportören läser återkopplingen');
    await dialog.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await expect(
      dialog.getByRole('link', { name: /Återkoppling till rapportören: Fyll i fältet/ }),
    ).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Återkoppling till rapportören' }).fill(feedback);
    await dialog.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await expect(dialog).toBeHidden();
    await expect(facts(page).getByTestId('case-status')).toHaveText('Avslutad');

    // The statistics count it, and their drill-down link lists it.
    const today = new Date().toISOString().slice(0, 10);
    const stats = await apiCall<{
      rows: Array<{ key: string; label: unknown; closed: number }>;
    }>(page, 'GET', `/api/deviations/stats?groupBy=category&from=${today}&to=${today}`);
    const row = stats.rows.find(
      (r) =>
        typeof r.label === 'object' &&
        r.label !== null &&
        (r.label as { sv: string }).sv === 'Försäkringsmedicin',
    );
    expect(row?.closed ?? 0).toBeGreaterThanOrEqual(1);
    await page.goto(`/deviations?view=unit&categoryId=${row?.key ?? ''}&from=${today}&to=${today}`);
    await expect(page.getByRole('link', { name: number, exact: true })).toBeVisible();
  });

  // The nurse reads the feedback under My reports.
  await as(page, 'sjukskoterska', async () => {
    await page.goto('/my-reports');
    await page.getByRole('link', { name: number }).click();
    await expect(page.getByTestId('feedback')).toContainText(feedback);
    await expect(page.locator('main')).not.toContainText('Inför beslutet på avdelningen');
  });
});
