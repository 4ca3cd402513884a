import { deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expectAccessible, resetLanguage, signIn } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';
import { chooseType, nurse, receiptNumber } from './report-support.ts';

/** A real PNG, 2×2 red pixels, made here rather than kept as a binary in the repository. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour
  const row = Buffer.from([0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat([row, row]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Chooses files with the picker's button, as a person would with the system's file dialog. */
async function chooseFiles(
  page: Page,
  button: string,
  files: { name: string; mimeType: string; buffer: Buffer }[],
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

test('a nurse attaches a photo to a new report, sees it on the receipt and in My reports, downloads it, and a web page is refused', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const png = tinyPng();
  const photo = { name: 'golv-vid-sang-4.png', mimeType: 'image/png', buffer: png };
  const webPage = { name: 'sida.html', mimeType: 'text/html', buffer: Buffer.from('<p>hej</p>') };
  await signIn(page, nurse.username, nurse.password);
  await resetLanguage(page, 'sv');
  await page.goto('/report');
  await chooseType(page, 'Vårdavvikelse', ['Fall', 'Fall med skada']);
  await page
    .getByRole('textbox', { name: 'Vad hände?' })
    .fill(`Vått golv vid säng 4, ${Date.now().toString(36)}.`);

  // The field says what may be attached and that the draft does not keep files.
  const picker = page.getByRole('group', { name: /Bifoga filer \(foton, PDF …\)/ });
  await expect(picker).toContainText('högst 10 MB per fil och 10 filer');
  await expect(picker).toContainText('Filer sparas inte i utkastet.');

  // A web page is refused at once, with the reason; the photo is kept.
  await chooseFiles(page, 'Välj filer', [webPage, photo]);
  await expect(page.getByTestId('file-picker-rejected')).toContainText(
    'sida.html kan inte bifogas: filtypen är inte tillåten.',
  );
  await expect(picker.getByRole('listitem')).toHaveCount(1);
  await expect(picker.getByRole('listitem')).toContainText('golv-vid-sang-4.png');

  // A file picked by mistake is removed by keyboard; focus goes back to the picker's button.
  const extra = { name: 'anteckning.txt', mimeType: 'text/plain', buffer: Buffer.from('Golvet var vått.') };
  await chooseFiles(page, 'Välj fler filer', [extra]);
  await expect(picker.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Ta bort anteckning.txt' }).focus();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Välj fler filer' })).toBeFocused();
  await expectAccessible(page, 'report, step 3 with a chosen file and a refused one');

  // Sent: the receipt uploads the photo and says so.
  await page.getByRole('button', { name: 'Skicka rapporten' }).click();
  const number = await receiptNumber(page);
  const onReceipt = page.getByTestId('receipt-attachments');
  await expect(onReceipt).toContainText('Filerna är uppladdade.');
  await expect(onReceipt.getByRole('listitem')).toContainText('golv-vid-sang-4.png uppladdad');
  await expectAccessible(page, 'receipt with an uploaded file');

  // In My reports the photo is listed and downloads as the same bytes.
  await page.getByRole('link', { name: 'Visa rapporten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rapport ${number}` })).toBeVisible();
  const mine = page.getByTestId('my-attachments');
  const link = mine.getByRole('link', { name: /golv-vid-sang-4\.png/ });
  await expect(link).toBeVisible();
  await expect(mine.getByTestId('attachment-list')).toContainText('bifogad av');
  const href = (await link.getAttribute('href')) ?? '';
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  expect(response.headers()['content-disposition']).toContain(
    "attachment; filename*=UTF-8''golv-vid-sang-4.png",
  );
  expect(Buffer.from(await response.body()).equals(png)).toBe(true);
  const download = page.waitForEvent('download');
  await link.click();
  expect((await download).suggestedFilename()).toBe('golv-vid-sang-4.png');

  // More can be added while the report is open; a web page is refused here too.
  await chooseFiles(page, 'Välj filer', [webPage]);
  await expect(mine.getByTestId('file-picker-rejected')).toContainText('sida.html kan inte bifogas');
  await chooseFiles(page, 'Välj filer', [extra]);
  await mine.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(mine.getByTestId('upload-status')).toContainText('anteckning.txt uppladdad');
  await expect(mine.getByTestId('attachment-list').getByRole('listitem')).toHaveCount(2);
  await expectAccessible(page, 'my report with attachments');

  // The server refuses a web page sent past the form as well, in Swedish.
  const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  const csrf = (await page.context().cookies()).find((c) => c.name === 'loopen_csrf')?.value ?? '';
  const refused = await page.request.post(`/api/deviations/${id}/attachments`, {
    multipart: { file: webPage },
    headers: { 'x-csrf-token': csrf },
  });
  expect(refused.status()).toBe(415);
  expect(refused.headers()['content-type']).toContain('application/problem+json');
  expect(((await refused.json()) as { detail: string }).detail).toContain(
    'Filtypen text/html kan inte bifogas',
  );
});
