import type { Page } from '@playwright/test';
import { admin, apiCall, expectAccessible, resetLanguage, signIn, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

// Not a story: pictures of the main pages for the README and for a look-over. Runs only on request:
//   LOOPEN_SCREENSHOTS=/tmp/shots npx playwright test e2e/docs
const out = process.env.LOOPEN_SCREENSHOTS;
test.skip(!out, 'set LOOPEN_SCREENSHOTS to a folder to take screenshots');

interface Created {
  id: string;
}

/** A small, fictional organisation so the pages have something to show. */
async function seed(page: Page): Promise<{ clinicId: string; bodyId: string }> {
  const me = await apiCall<{ organisation: { id: string }; roles: Array<{ unitId: string }> }>(
    page,
    'GET',
    '/api/me',
  );
  const orgId = me.organisation.id;
  const rootId = me.roles[0]?.unitId ?? '';
  const suffix = unique('');
  const hospital = await apiCall<Created>(page, 'POST', '/api/units', {
    parentId: rootId,
    organisationId: orgId,
    name: 'Norra sjukhuset',
    externalId: `SE2321000000-${suffix}`,
  });
  const clinic = await apiCall<Created>(page, 'POST', '/api/units', {
    parentId: hospital.id,
    organisationId: orgId,
    name: 'Ortopedkliniken',
    externalId: `SE2321000000-${suffix}-ORT`,
  });
  for (const name of ['Avdelning 12', 'Avdelning 14', 'Ortopedmottagningen']) {
    await apiCall<Created>(page, 'POST', '/api/units', { parentId: clinic.id, organisationId: orgId, name });
  }
  const organisations = await apiCall<{ items: Array<{ id: string; kind: string }> }>(
    page,
    'GET',
    '/api/organisations',
  );
  const agency =
    organisations.items.find((o) => o.kind === 'agency') ??
    (await apiCall<Created>(page, 'POST', '/api/organisations', {
      name: `Försäkringskassan ${suffix}`,
      kind: 'agency',
    }));
  await apiCall(page, 'POST', `/api/units/${clinic.id}/contacts`, {
    organisationId: agency.id,
    name: 'Kim Kontaktsson',
    role: 'Försäkringsutredare',
    email: 'kim.kontaktsson@fk.example',
  });
  await apiCall(page, 'POST', `/api/units/${clinic.id}/assignments`, {
    title: 'Framfotskirurgi',
    description: 'Planerad framfotskirurgi för hela regionen.',
    validFrom: '2025-01-01',
  });
  const manager = await apiCall<Created>(page, 'POST', '/api/people', {
    organisationId: orgId,
    username: unique('chef.'),
    name: 'Maja Chefsdotter',
    email: 'maja.chefsdotter@alvsund.example',
    profession: 'Verksamhetschef',
    roles: [{ role: 'manager', unitId: clinic.id }],
  });
  await apiCall(page, 'POST', '/api/people', {
    organisationId: orgId,
    username: unique('ssk.'),
    name: 'Sam Sjuksköterskesson',
    email: 'sam.s@alvsund.example',
    profession: 'Sjuksköterska',
    roles: [{ role: 'staff', unitId: clinic.id }],
  });
  const body = await apiCall<Created>(page, 'POST', '/api/bodies', {
    organisationId: orgId,
    name: 'Ortopedklinikens kvalitetsråd',
    kind: 'committee',
    description: 'Tar emot avvikelser som inte kan lösas lokalt.',
  });
  await apiCall(page, 'PUT', `/api/bodies/${body.id}/members/${manager.id}`, { role: 'chair' });
  return { clinicId: clinic.id, bodyId: body.id };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}

test('screenshots of the main pages, desktop and phone', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/signin');
  await shoot(page, 'desktop-signin');
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
  const { clinicId, bodyId } = await seed(page);

  const pages: Array<[string, string]> = [
    ['home', '/'],
    ['account', '/account'],
    ['organisation', `/admin/units?unit=${clinicId}`],
    ['people', '/admin/people'],
    ['organisations', '/admin/organisations'],
    ['bodies', `/admin/bodies?body=${bodyId}`],
    ['import', '/admin/import'],
    ['audit', '/admin/audit'],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await shoot(page, `desktop-${name}`);
    await expectAccessible(page, name);
  }
  await page.goto('/admin/people');
  await page.getByRole('button', { name: 'Ny person' }).click();
  await page.getByRole('button', { name: 'Skapa person' }).click();
  await page.screenshot({ path: `${out}/desktop-people-form-errors.png` });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Hantera Maja Chefsdotter' }).click();
  await page.getByRole('tab', { name: 'Roller' }).click();
  await page.screenshot({ path: `${out}/desktop-person-roles.png` });
  await expectAccessible(page, 'person roles dialog');
  await page.keyboard.press('Escape');

  await page.goto('/admin/import');
  await page.getByLabel('CSV-text').fill('external_id;name;parent_external_id;organisation\nX1;;NOPE;Okänd');
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  await expect(page.getByRole('table', { name: 'Fel per rad' })).toBeVisible();
  await page.screenshot({ path: `${out}/desktop-import-errors.png`, fullPage: true });
  await expectAccessible(page, 'import with errors');

  await page.setViewportSize({ width: 375, height: 740 });
  for (const [name, path] of pages) {
    await page.goto(path);
    await shoot(page, `phone-${name}`);
  }
  await page.goto('/');
  await page.getByRole('button', { name: 'Meny' }).click();
  await page.screenshot({ path: `${out}/phone-menu-open.png` });
});
