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

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`${base}/`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await blur();
  await page.screenshot({ path: `${out}/screenshot-phone.png` });
  console.log(`screenshots written to ${out}/`);
} finally {
  await browser.close();
}
