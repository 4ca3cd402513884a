import { admin, expectAccessible, resetLanguage, signIn, unique } from '../support/helpers.ts';
import { expect, test } from '../support/test.ts';

test.beforeEach(async ({ page }) => {
  await signIn(page, admin.username, admin.password);
  await resetLanguage(page, 'sv');
});

test('the unit tree works by keyboard alone: arrows move, Right and Left open and close, Enter chooses', async ({
  page,
}) => {
  await page.goto('/admin/units');
  const tree = page.getByRole('tree', { name: 'Enheter' });
  await expect(tree).toBeVisible();

  // One tab stop: the first unit.
  const first = tree.getByRole('treeitem').first();
  await first.focus();
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('tabindex', '0');

  // Roots start open; Left closes the first, Right opens it again, Right once more goes to its first child.
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  const child = first.getByRole('group').getByRole('treeitem').first();
  await expect(child).toBeFocused();
  await expect(child).toHaveAttribute('aria-level', '2');

  // Left from a child goes back to its parent; Down moves on to the next visible unit.
  await page.keyboard.press('ArrowLeft');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(child).toBeFocused();

  // Enter chooses: the details open and the URL remembers the unit.
  const childName = ((await child.locator('.tree__label').first().textContent()) ?? '').replace(
    / \(.*\)$/,
    '',
  );
  await page.keyboard.press('Enter');
  await expect(child).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: childName, exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\?unit=/);
  await expectAccessible(page, 'unit details');

  // End jumps to the last visible unit, Home back to the first.
  await child.focus();
  await page.keyboard.press('End');
  await expect(tree.getByRole('treeitem').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
});

test('the administrator checks a CSV of units, sees what would happen, imports it, and finds the units and the log entry', async ({
  page,
}) => {
  await page.goto('/');
  const organisation = (
    (await page.locator('.facts').nth(1).locator('dd').first().textContent()) ?? ''
  ).trim();
  const tag = unique('');
  const clinic = `Importerad klinik ${tag}`;
  const csv = [
    'external_id;name;parent_external_id;organisation',
    `IMP-${tag}-1;${clinic};;${organisation}`,
    `IMP-${tag}-2;Importerad avdelning ${tag};IMP-${tag}-1;${organisation}`,
  ].join('\n');

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expectAccessible(page, 'import');
  const importButton = page.getByRole('button', { name: 'Läs in', exact: true });
  await expect(importButton).toBeDisabled();

  // A bad file first: every bad line is listed and nothing can be imported.
  await page.getByLabel('CSV-text').fill('external_id;name;parent_external_id;organisation\nX;;;Finns inte');
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  const errors = page.getByRole('table', { name: 'Fel per rad' });
  await expect(errors).toBeVisible();
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(importButton).toBeDisabled();

  await page.getByLabel('CSV-text').fill(csv);
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  await expect(page.getByText('Kontrollen gick bra.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Nya\s+2/ })).toBeVisible();
  await expectAccessible(page, 'import checked');
  await importButton.click();
  await expect(page.getByText('Inläsningen är klar.')).toBeVisible();

  // The same file again changes nothing (the import matches on external_id).
  await page.getByRole('button', { name: 'Kontrollera' }).click();
  await expect(page.getByRole('row', { name: /Oförändrade\s+2/ })).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Organisation', exact: true })
    .click();
  await expect(
    page.getByRole('tree', { name: 'Enheter' }).getByRole('treeitem', { name: clinic }),
  ).toBeVisible();

  // The audit log, filtered on an action, lists only that action.
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Händelselogg' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Händelselogg' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Händelse' }).fill('auth.login');
  await page.getByRole('button', { name: 'Filtrera' }).click();
  await expect(page).toHaveURL(/action=auth\.login/);
  const rows = page.getByRole('table', { name: 'Händelselogg' }).getByRole('row');
  await expect(rows.nth(1)).toContainText('auth.login');
  for (const text of await rows.allTextContents()) {
    if (!text.includes('Tid')) expect(text).toContain('auth.login');
  }
  await expectAccessible(page, 'audit log');
});
