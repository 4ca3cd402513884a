import type { Page } from '@playwright/test';
import { expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { chooseType, nurse } from './report-support.ts';

// Fictional identifiers with valid check digits: a Swedish personnummer and a Norwegian fødselsnummer.
const personnummer = '811228-9874';
const fodselsnummer = '15076500565';

/** What the server answers when the same text is sent past the form, with the browser's own session. */
async function serverAnswer(page: Page, description: string): Promise<{ status: number; body: unknown }> {
  const config = await page.request.get('/api/deviation-config');
  const { categories } = (await config.json()) as { categories: Array<{ id: string; selectable: boolean }> };
  const type = categories.find((c) => c.selectable);
  const csrf = (await page.context().cookies()).find((c) => c.name === 'loopen_csrf')?.value ?? '';
  const response = await page.request.post('/api/deviations', {
    headers: { 'x-csrf-token': csrf },
    data: { categoryId: type?.id, occurredAt: new Date().toISOString(), description },
  });
  return { status: response.status(), body: await response.json() };
}

test.describe('a patient identifier typed into the narrative', () => {
  test.afterEach(async ({ page }) => {
    await resetLanguage(page, 'sv');
  });

  test('is caught as it is typed and refused by the server, in the Swedish and in the Norwegian UI', async ({
    page,
  }) => {
    // A long story with an axe check at every page; a shared CI machine needs the time.
    test.setTimeout(150_000);
    await signIn(page, nurse.username, nurse.password);
    await resetLanguage(page, 'sv');
    await page.goto('/report');
    await chooseType(page, 'Vårdavvikelse', ['Fall', 'Fall med skada']);

    // Swedish: flagged under the field as she types, and described to a screen reader.
    const description = page.getByRole('textbox', { name: 'Vad hände?' });
    await description.pressSequentially(`Patienten ${personnummer} föll vid sängkanten.`);
    const swedish = 'Texten innehåller ett personnummer eller liknande.';
    await expect(page.locator('main')).toContainText(swedish);
    await expect(description).toHaveAccessibleDescription(new RegExp(swedish));
    await expectAccessible(page, 'report with a flagged identifier (sv)');

    // Sending is refused while it is there: the summary names the field, and no receipt comes.
    await page.getByRole('button', { name: 'Skicka rapporten' }).click();
    await expect(page.getByRole('link', { name: new RegExp(`^Vad hände\\?: ${swedish}`) })).toBeVisible();
    await expect(page.getByTestId('receipt')).toHaveCount(0);

    // The server refuses the same text on its own, with the field named and a Swedish message.
    const sv = await serverAnswer(page, `Patienten ${personnummer} föll vid sängkanten.`);
    expect(sv.status).toBe(400);
    expect(sv.body).toMatchObject({
      errors: [{ path: 'description', code: 'deviation.patient_identifier_in_text' }],
    });
    expect(JSON.stringify(sv.body)).toMatch(/personnummer/i);

    // The identifier belongs in the protected field, offered once a patient was involved.
    await description.fill('Patienten föll vid sängkanten.');
    await expect(page.locator('main')).not.toContainText(swedish);
    await page.getByRole('checkbox', { name: 'En patient berördes' }).check();
    await expect(page.getByRole('textbox', { name: /Patientens personnummer/ })).toHaveAccessibleDescription(
      /Skyddat fält: syns bara för den chef som handlägger rapporten/,
    );

    // Norwegian: she switches language mid-report; what she wrote stays, the messages change.
    await page.getByLabel('Språk').selectOption('nb');
    await expect(
      page.getByRole('heading', { level: 2, name: 'Steg 3 av 3: Fortell hva som skjedde' }),
    ).toBeVisible();
    const beskrivelse = page.getByRole('textbox', { name: 'Hva skjedde?' });
    await expect(beskrivelse).toHaveValue('Patienten föll vid sängkanten.');
    await beskrivelse.fill('');
    await beskrivelse.pressSequentially(`Pasient ${fodselsnummer} falt ved sengekanten.`);
    const norwegian = 'Teksten inneholder et fødselsnummer eller lignende.';
    await expect(page.locator('main')).toContainText(norwegian);
    await expect(beskrivelse).toHaveAccessibleDescription(new RegExp(norwegian));
    // Any narrative field, and a Swedish number in the Norwegian UI too.
    const tiltak = page.getByRole('textbox', { name: /Hva gjorde du med en gang/ });
    await tiltak.pressSequentially(`Ringte pårørende til ${personnummer}.`);
    await expect(tiltak).toHaveAccessibleDescription(new RegExp(norwegian));
    await expectAccessible(page, 'report with a flagged identifier (nb)');

    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await expect(page.getByRole('link', { name: new RegExp(`^Hva skjedde\\?: ${norwegian}`) })).toBeVisible();
    await expect(page.getByTestId('receipt')).toHaveCount(0);

    // The server answers in Norwegian now: the person's language is what she chose.
    const nb = await serverAnswer(page, `Pasient ${fodselsnummer} falt ved sengekanten.`);
    expect(nb.status).toBe(400);
    expect(nb.body).toMatchObject({
      errors: [{ path: 'description', code: 'deviation.patient_identifier_in_text' }],
    });
    expect(JSON.stringify(nb.body)).toMatch(/fødselsnummer/i);

    // With the identifiers taken out, the report goes through.
    await beskrivelse.fill('Pasienten falt ved sengekanten.');
    await tiltak.fill('Ringte pårørende.');
    await page.getByRole('button', { name: 'Send meldingen' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Takk! Meldingen din er sendt' })).toBeFocused();
    await expect(page.getByTestId('receipt-number')).toHaveText(/^AV-\d{4}-\d{6}$/);
  });
});
