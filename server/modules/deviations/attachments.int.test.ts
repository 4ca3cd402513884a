import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deviation } from '../../../contracts/deviations.ts';
import { seedDemo } from '../../seed/demo.ts';
import type { Client, TestApp } from '../../test/harness.ts';
import { testApp } from '../../test/harness.ts';
import { insuranceMedicinePath, move, open, report, signedIn, typeId } from './deviation-test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.database.db, { password: 'loopen-demo' });
});
afterAll(async () => t.close());

// A real PNG header is enough for the server: it trusts the declared type only from the allow-list
// and always serves the file as a download.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

function upload(browser: Client, deviationId: string, file: { name: string; type: string; content: Buffer }) {
  const boundary = '----loopen-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return browser.request<Deviation & { code?: string }>(
    'POST',
    `/api/deviations/${deviationId}/attachments`,
    body,
    {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  );
}

describe('attachments', () => {
  it('when the nurse attaches a photo, then the handler downloads it, and the forum’s agency member never sees it', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      description: 'Fel blankett användes.',
    });
    const added = await upload(nurse, receipt.id, { name: 'blankett.png', type: 'image/png', content: png });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.attachments).toMatchObject([
      { filename: 'blankett.png', contentType: 'image/png', size: png.length },
    ]);

    const manager = await signedIn(t, 'chef.avd12');
    const attachmentId = (await open(manager, receipt.id)).attachments[0]?.id;
    const download = await manager.request('GET', `/api/deviation-attachments/${attachmentId}`);
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toContain('attachment;');
    expect(String(download.headers['content-type'])).toContain('image/png');

    await move(manager, receipt.id, { action: 'accept' });
    await move(manager, receipt.id, { action: 'escalate', reason: 'Till kommittén.' });
    await move(await signedIn(t, 'kommitte.ordf'), receipt.id, { action: 'escalate', reason: 'Till forum.' });
    const agency = await signedIn(t, 'fk.utredare');
    expect((await open(agency, receipt.id)).attachments).toEqual([]);
    expect((await agency.request('GET', `/api/deviation-attachments/${attachmentId}`)).status).toBe(403);
    expect(
      (await (await signedIn(t, 'chef.medicin')).request('GET', `/api/deviation-attachments/${attachmentId}`))
        .status,
    ).toBe(404);
  });

  it('refuses markup a browser would run, empty files and strangers, and stores nothing then', async () => {
    const nurse = await signedIn(t, 'sjukskoterska');
    const receipt = await report(nurse, {
      categoryId: await typeId(nurse, ...insuranceMedicinePath),
      description: 'Prov på bilagor.',
    });
    const html = await upload(nurse, receipt.id, {
      name: 'x.html',
      type: 'text/html',
      content: Buffer.from('<script>alert(1)</script>'),
    });
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('deviation.attachment_type');
    expect(
      (await upload(nurse, receipt.id, { name: 'tom.txt', type: 'text/plain', content: Buffer.alloc(0) }))
        .status,
    ).toBe(400);
    const huge = await upload(nurse, receipt.id, {
      name: 'stor.pdf',
      type: 'application/pdf',
      content: Buffer.alloc(10 * 1024 * 1024 + 10, 7),
    });
    expect(huge.status).toBe(413);
    const stranger = await signedIn(t, 'lakare');
    expect(
      (await upload(stranger, receipt.id, { name: 'a.png', type: 'image/png', content: png })).status,
    ).toBe(404);
    const notMultipart = await nurse.post(`/api/deviations/${receipt.id}/attachments`, { file: 'x' });
    expect(notMultipart.status).toBe(415);
    expect((await open(nurse, receipt.id)).attachments).toEqual([]);
  });
});
