#!/usr/bin/env node
// Pictures of the main pages for the README, taken from a running Loopen with the demo organisation:
//   npm start            (in another terminal)
//   node scripts/screenshots.mjs [base-url] [out-dir]     defaults: http://127.0.0.1:3000 docs
// Uses Debian's Chromium (/usr/bin/chromium); look at the pictures before committing them.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = process.argv[3] ?? 'docs';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  await page.goto(`${base}/signin`);
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill(process.env.LOOPEN_DEMO_PASSWORD ?? 'loopen-demo');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // The page moves focus to its heading for screen readers; the picture needs no focus ring.
  const blur = () =>
    page.evaluate(() =>
      document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
    );
  await blur();
  await page.screenshot({ path: `${out}/screenshot-home.png` });

  const units = await page.evaluate(async () => (await (await fetch('/api/units')).json()).items);
  const clinic = units.find((u) => u.name === 'Ortopedkliniken');
  if (!clinic) throw new Error('the demo organisation has no Ortopedkliniken');
  await page.goto(`${base}/admin/units?unit=${clinic.id}`);
  await page.getByRole('heading', { name: 'Ortopedkliniken', level: 2 }).waitFor();
  await blur();
  await page.screenshot({ path: `${out}/screenshot-organisation.png`, fullPage: true });

  // Deviations: the demo has none, so the nurse files two (as anyone could in the demo), her manager
  // takes one up, and the clinic's quality coordinator looks at the numbers.
  const asUser = async (username) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const p = await context.newPage();
    await p.goto(`${base}/signin`);
    await p.getByLabel('Användarnamn').fill(username);
    await p.getByLabel('Lösenord').fill(process.env.LOOPEN_DEMO_PASSWORD ?? 'loopen-demo');
    await p.keyboard.press('Enter');
    await p.waitForURL(`${base}/`);
    return p;
  };
  const api = (p, method, url, body) =>
    p.evaluate(
      async ({ method, url, body }) => {
        const csrf = document.cookie
          .split('; ')
          .find((c) => c.startsWith('loopen_csrf='))
          ?.split('=')[1];
        const answer = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf ?? '' },
          body: body ? JSON.stringify(body) : undefined,
        });
        return answer.json();
      },
      { method, url, body },
    );
  const nurse = await asUser('sjukskoterska');
  const config = await api(nurse, 'GET', '/api/deviation-config');
  const typeOf = (key) => config.categories.find((c) => c.key === key)?.id;
  const filed = await api(nurse, 'POST', '/api/deviations', {
    categoryId: typeOf('insurance-medicine'),
    occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
    description:
      'Läkarintyget om sjukskrivning nådde aldrig Försäkringskassan trots två påminnelser; patienten blev utan ersättning i tre veckor.',
    immediateAction: 'Ringde försäkringsutredaren och skickade intyget igen.',
    patientInvolved: true,
    patientIdentifier: '811228-9874',
  });
  await api(nurse, 'POST', '/api/deviations', {
    categoryId: typeOf('fall-injury'),
    occurredAt: new Date(Date.now() - 26 * 3600_000).toISOString(),
    description: 'Patienten föll vid förflyttning från säng till rullstol och fick ett sår på armen.',
    patientHarmed: true,
  });
  const manager = await asUser('chef.avd12');
  await api(manager, 'POST', `/api/deviations/${filed.id}/transitions`, { action: 'accept' });
  await api(manager, 'PATCH', `/api/deviations/${filed.id}`, {
    riskConsequence: 3,
    riskProbability: 2,
    raiseAtUnitMeeting: true,
  });
  await manager.goto(`${base}/deviations/${filed.id}`);
  await manager.getByRole('heading', { level: 1 }).waitFor();
  await manager.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  await manager.screenshot({ path: `${out}/screenshot-case.png`, fullPage: true });
  const coordinator = await asUser('kvalitet.ortopedi');
  await coordinator.goto(`${base}/statistics`);
  await coordinator.getByRole('table').first().waitFor();
  await coordinator.waitForTimeout(1000); // the chart animates in
  await coordinator.screenshot({ path: `${out}/screenshot-statistics.png`, fullPage: true });

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await blur();
  await page.screenshot({ path: `${out}/screenshot-phone.png` });
  console.log(`screenshots written to ${out}/`);
} finally {
  await browser.close();
}
