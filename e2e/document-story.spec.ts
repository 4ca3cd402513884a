import type { Browser, Page } from '@playwright/test';
import { daysFromToday, editorFor, pickPerson, shownDate } from './support/documents.ts';
import { expectAccessible, resetLanguage, signIn, unique } from './support/helpers.ts';
import { expect, test, watchPage } from './support/test.ts';

// Issue 5, the whole loop of one routine, entirely through the web app, each person in a browser of
// their own: the quality coordinator writes a routine from seed 000's template; review round 1, a
// reviewer comments on a section, the author answers; she edits the draft; round 2, another comment,
// answered; she submits it; the approver approves it with a read-by day and it is published; the
// nurse on ward 12 finds it in her reading list and confirms it; her ward manager sees her as read;
// the coordinator writes a revision (the rounds of version 1 still readable beside the new draft) and
// submits it; the approver approves it as a significant change; the nurse is asked again and her
// manager sees her as not read; in Norwegian she finds the routine in her reading list, compares the
// versions, searches for it and confirms version 2. axe on the page states the other document stories
// do not reach, and on the reading list, the comparison and the search in Norwegian.

test.use({ actionTimeout: 15_000 });
// One long story on a shared machine: six people, axe on many pages.
test.setTimeout(360_000);

const password = 'loopen-demo';
const title = unique('Rutin för nattlig tillsyn ');
const shots = 'test-results/document-story';
const SECTIONS = ['Revidering i denna version', 'Bakgrund', 'Vilka berörs', 'Syfte', 'Åtgärder'];
const NEW_STEP = 'Sänggrindar kontrolleras vid varje tillsyn';

/** A person signed in in a browser of their own, whose page is watched as the story's own page is. */
async function personIn(browser: Browser, username: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'sv-SE' });
  const page = await context.newPage();
  watchPage(page, problems);
  await signIn(page, username, password);
  return page;
}

test('a routine from the template through two review rounds, publication, reading and a significant revision', async ({
  browser,
  page: author,
  pageProblems,
}) => {
  let documentPath = '';
  const openDocument = async (page: Page): Promise<void> => {
    await page.goto(documentPath);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  };
  const people: Page[] = [];
  const join = async (username: string): Promise<Page> => {
    const page = await personIn(browser, username, pageProblems);
    people.push(page);
    return page;
  };

  try {
    await test.step('the coordinator writes a routine from the seed 000 template', async () => {
      await signIn(author, 'kvalitet.ortopedi', password);
      await author
        .getByRole('navigation', { name: /./ })
        .getByRole('link', { name: 'Dokument', exact: true })
        .click();
      await author.getByTestId('new-document').click();
      const dialog = author.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Nytt dokument' })).toBeVisible();
      await dialog.getByLabel('Mall').selectOption({ label: 'Rutin' });
      await dialog.getByLabel('Titel').fill(title);
      await pickPerson(dialog, 'Sök godkännare', 'Godkännare', 'Olof Berglund');
      for (const name of ['Lars Nyström', 'Hanna Sjöberg']) {
        await pickPerson(dialog, 'Sök granskare', 'Granskare att lägga till', name);
        await dialog.getByRole('button', { name: 'Lägg till granskare' }).click();
        await expect(dialog.getByRole('button', { name: `Ta bort ${name}` })).toBeVisible();
      }
      await dialog.getByLabel('Enhet att lägga till').selectOption({ label: 'Ortopedkliniken' });
      await dialog.getByRole('button', { name: 'Lägg till enhet' }).click();
      await dialog.getByLabel('Sjuksköterska').check();
      await dialog.getByRole('button', { name: 'Skapa och börja skriva' }).click();

      // The template's five sections, each an editor of its own.
      await expect(author.getByRole('heading', { level: 1, name: `Redigera: ${title}` })).toBeVisible();
      for (const section of SECTIONS) await expect(editorFor(author, section)).toBeVisible();
      const write = async (section: string, text: string): Promise<void> => {
        await editorFor(author, section).click();
        await author.keyboard.type(text);
      };
      await write('Revidering i denna version', 'Ny rutin.');
      await write('Bakgrund', 'Förvirrade patienter faller oftast ur sängen nattetid.');
      await write('Vilka berörs', 'Sjuksköterskor på Ortopedkliniken.');
      await write('Syfte', 'Inga fall ur sängen nattetid.');
      await editorFor(author, 'Åtgärder').click();
      await author
        .getByRole('toolbar', { name: 'Formatering: Åtgärder' })
        .getByRole('button', { name: 'Punktlista' })
        .click();
      await author.keyboard.type('Tillsyn varannan timme');
      await author.keyboard.press('Enter');
      await author.keyboard.type('Sängen i lägsta läge');
      await expect(editorFor(author, 'Åtgärder').locator('ul > li')).toHaveCount(2);
      await author.getByLabel(/Revisionsanteckning/).fill('Första versionen.');
      await author.getByRole('button', { name: 'Spara utkast' }).click();
      await expect(author.getByTestId('save-status')).toContainText('Sparat');
      await author.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
      await expect(author.getByRole('heading', { level: 1, name: title })).toBeVisible();
      documentPath = new URL(author.url()).pathname;
      await expect(author.getByTestId('document-stage')).toContainText('Utkast (version 1) skrivs');
    });

    await test.step('round 1: a reviewer comments on Bakgrund, the author answers and edits', async () => {
      await author.getByRole('button', { name: 'Starta granskningsrunda' }).click();
      const open = author.getByRole('dialog');
      await expect(open.getByRole('checkbox', { name: 'Lars Nyström' })).toBeChecked();
      await expect(open.getByRole('checkbox', { name: 'Hanna Sjöberg' })).toBeChecked();
      await open.getByRole('button', { name: 'Starta rundan' }).click();
      await expect(open).toBeHidden();
      await expect(author.getByTestId('document-stage')).toContainText('På granskning, runda 1');

      const doctor = await join('lakare');
      await openDocument(doctor);
      await doctor.getByRole('tab', { name: 'Utkast (version 1)' }).click();
      await doctor.getByRole('button', { name: 'Kommentera avsnittet Bakgrund' }).click();
      const comment = doctor.getByRole('dialog');
      await expect(comment.getByRole('heading', { name: 'Kommentar på Bakgrund (runda 1)' })).toBeVisible();
      await comment.getByLabel('Kommentar', { exact: true }).fill('Hur ofta har det hänt det senaste året?');
      await comment.getByRole('button', { name: 'Skicka kommentar' }).click();
      await expect(comment).toBeHidden();
      await expect(doctor.getByTestId('review-comment')).toContainText('Hur ofta har det hänt');

      await author.reload();
      const round1 = author.getByTestId('review-round-1');
      await expect(author.getByTestId('document-stage')).toContainText('Obesvarade kommentarer: 1');
      await expect(round1.getByRole('region', { name: 'Kommentarer på Bakgrund' })).toContainText(
        'Hur ofta har det hänt det senaste året?',
      );
      await round1.getByLabel('Svar till Lars Nyström').fill('Sju fall i fjol; det står nu i bakgrunden.');
      await round1.getByRole('button', { name: 'Svara', exact: true }).click();
      await expect(round1.getByTestId('review-comment')).toContainText('Svar från Kerstin Åberg');
      await expect(author.getByTestId('document-stage')).toContainText('Obesvarade kommentarer: 0');
      await author.getByRole('button', { name: 'Avsluta granskningsrunda 1' }).click();
      await expect(round1).toContainText('Avslutad');

      // The author does what she answered: the draft gets the figure.
      await author.getByRole('link', { name: 'Redigera utkast' }).click();
      await editorFor(author, 'Bakgrund').click();
      await author.keyboard.press('Control+End');
      await author.keyboard.type(' Sju patienter föll ur sängen under förra året.');
      await author.getByRole('button', { name: 'Spara utkast' }).click();
      await expect(author.getByTestId('save-status')).toContainText('Sparat');
      await author.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();
      await expect(author.getByRole('tabpanel')).toContainText('Sju patienter föll ur sängen');
    });

    await test.step('round 2: another comment, answered; the author submits', async () => {
      await author.getByRole('button', { name: 'Starta granskningsrunda' }).click();
      const open = author.getByRole('dialog');
      await expect(
        open.getByRole('heading', { name: 'Starta granskningsrunda för version 1' }),
      ).toBeVisible();
      await open.getByRole('button', { name: 'Starta rundan' }).click();
      await expect(open).toBeHidden();
      await expect(author.getByTestId('document-stage')).toContainText('På granskning, runda 2');

      const reviewer = await join('chef.hoft');
      await openDocument(reviewer);
      await reviewer.getByRole('tab', { name: 'Utkast (version 1)' }).click();
      await reviewer.getByRole('button', { name: 'Kommentera avsnittet Åtgärder' }).click();
      const comment = reviewer.getByRole('dialog');
      await expect(comment.getByRole('heading', { name: 'Kommentar på Åtgärder (runda 2)' })).toBeVisible();
      await comment.getByLabel('Kommentar', { exact: true }).fill('Skriv in vem som gör tillsynen.');
      await comment.getByRole('button', { name: 'Skicka kommentar' }).click();
      await expect(comment).toBeHidden();

      await author.reload();
      const round2 = author.getByTestId('review-round-2');
      await expect(round2.getByRole('region', { name: 'Kommentarer på Åtgärder' })).toContainText(
        'Skriv in vem som gör tillsynen.',
      );
      await round2.getByLabel('Svar till Hanna Sjöberg').fill('Nattsjuksköterskan, det står i Vilka berörs.');
      await round2.getByRole('button', { name: 'Svara', exact: true }).click();
      await expect(round2.getByTestId('review-comment')).toContainText('Svar från Kerstin Åberg');
      await author.getByRole('button', { name: 'Avsluta granskningsrunda 2' }).click();
      await expect(round2).toContainText('Avslutad');
      await expect(author.getByTestId('review-round-1')).toContainText('Sju fall i fjol');
      await author.getByRole('button', { name: 'Skicka för godkännande' }).click();
      await expect(author.getByTestId('document-stage')).toContainText('Väntar på godkännande (version 1)');
    });

    const approver = await join('chef.ortopedi');
    const readBy1 = daysFromToday(21);
    await test.step('the approver approves version 1 with a read-by day; it is published', async () => {
      await openDocument(approver);
      await approver.getByRole('button', { name: 'Godkänn och publicera' }).click();
      const dialog = approver.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Godkänn och publicera version 1' })).toBeVisible();
      // The first version: everyone it applies to is asked, so there is no size of change to choose.
      await expect(dialog.getByRole('radio')).toHaveCount(0);
      await dialog.getByLabel(/Läst senast/).fill(readBy1);
      await dialog.getByRole('button', { name: 'Godkänn och publicera' }).click();
      await expect(dialog).toBeHidden();
      await expect(approver.getByRole('tab', { name: 'Gällande version 1' })).toBeVisible();
      await expect(approver.getByTestId('document-facts')).toContainText('Publicerad');
    });

    const nurse = await join('sjukskoterska');
    await test.step('the nurse finds it in her reading list and confirms it', async () => {
      await nurse
        .getByRole('navigation', { name: /./ })
        .getByRole('link', { name: /^Att läsa/ })
        .click();
      await expect(nurse.getByRole('heading', { level: 1, name: 'Att läsa' })).toBeVisible();
      const row = nurse.getByTestId('reading-unread').getByRole('row').filter({ hasText: title });
      await expect(row).toContainText('Rutin');
      await expect(row).toContainText(await shownDate(nurse, readBy1, 'sv-SE'));
      await row.getByRole('link', { name: title }).click();
      const panel = nurse.getByTestId('reading-panel');
      await expect(panel).toContainText('Du ombeds läsa version 1');
      await expect(nurse.getByRole('tabpanel')).toContainText('Sju patienter föll ur sängen');
      await panel.getByRole('button', { name: 'Jag har läst det' }).click();
      await expect(nurse.getByTestId('read-on')).toContainText('(version 1)');
    });

    const manager = await join('chef.avd12');
    await test.step("the ward manager's reading overview shows her as read", async () => {
      await manager
        .getByRole('navigation', { name: /./ })
        .getByRole('link', { name: /^Att läsa/ })
        .click();
      await manager.getByRole('link', { name: /Vem har läst\?/ }).click();
      await manager
        .getByLabel('Enhet', { exact: true })
        .selectOption({ label: 'Ortopedisk vårdavdelning 12' });
      await manager.getByTestId('reading-documents').getByRole('link', { name: title }).click();
      await expect(manager.getByRole('heading', { level: 2, name: `Vem har läst: ${title}` })).toBeVisible();
      const sofia = manager.getByTestId('reading-people').getByRole('row', { name: /Sofia Lindgren/ });
      await expect(sofia).toContainText('Läst');
      await expect(sofia).not.toContainText('Inte läst');
    });

    await test.step('the coordinator writes a revision and submits it', async () => {
      await author.reload();
      await expect(author.getByRole('tab', { name: 'Gällande version 1' })).toBeVisible();
      await author.getByRole('link', { name: 'Revidera' }).click();
      await expect(author.getByText('Du skriver version 2.')).toBeVisible();
      // The published text is where version 2 starts.
      await expect(editorFor(author, 'Åtgärder').locator('ul > li')).toHaveCount(2);
      await editorFor(author, 'Revidering i denna version').click();
      await author.keyboard.press('Control+a');
      await author.keyboard.type('Sänggrindarna kontrolleras.');
      await editorFor(author, 'Åtgärder').locator('li').last().click();
      await author.keyboard.press('End');
      await author.keyboard.press('Enter');
      await author.keyboard.type(NEW_STEP);
      await expect(editorFor(author, 'Åtgärder').locator('ul > li')).toHaveCount(3);
      await author.getByLabel(/Revisionsanteckning/).fill('Sänggrindar tillagda i åtgärderna.');
      await author.getByRole('button', { name: 'Spara utkast' }).click();
      await expect(author.getByTestId('save-status')).toContainText('Sparat');
      await author.getByRole('link', { name: 'Tillbaka till dokumentet' }).click();

      // Beside the new draft, the current version and the rounds version 1 went through.
      await expect(author.getByRole('tab', { name: 'Gällande version 1' })).toBeVisible();
      await expect(author.getByRole('tab', { name: 'Utkast (version 2)' })).toBeVisible();
      await expect(author.getByTestId('document-stage')).toContainText('Utkast (version 2) skrivs');
      await expect(author.getByText('Ingen granskningsrunda har startats för utkastet.')).toBeVisible();
      const earlier = author.getByRole('region', { name: 'Granskningsrundor för tidigare versioner' });
      await expect(earlier.getByLabel('Version', { exact: true })).toHaveValue('1');
      await expect(earlier).toContainText('Sju fall i fjol; det står nu i bakgrunden.');
      await expect(earlier).toContainText('Nattsjuksköterskan, det står i Vilka berörs.');
      await expectAccessible(author, 'the document with a revision beside its current version');
      await author.screenshot({ path: `${shots}/revision-draft.png`, fullPage: true });
      // A revision goes to approval without a new round.
      await author.getByRole('button', { name: 'Skicka för godkännande' }).click();
      await expect(author.getByTestId('document-stage')).toContainText('Väntar på godkännande (version 2)');
      await expectAccessible(author, 'the revision awaiting approval');
    });

    const readBy2 = daysFromToday(45);
    await test.step('the approver approves the revision as a significant change', async () => {
      await approver.reload();
      await approver.getByRole('button', { name: 'Godkänn och publicera' }).click();
      const dialog = approver.getByRole('dialog');
      await expect(dialog.getByRole('heading', { name: 'Godkänn och publicera version 2' })).toBeVisible();
      await expect(dialog.getByLabel(/Revisionsanteckning/)).toHaveValue(
        'Sänggrindar tillagda i åtgärderna.',
      );
      const significant = dialog.getByRole('radio', { name: /Väsentlig ändring/ });
      const minor = dialog.getByRole('radio', { name: /Mindre ändring/ });
      await expect(significant).toBeChecked();
      // A minor change asks no one to read, so it has no read-by day; a significant one has.
      await minor.check();
      await expect(dialog.getByLabel(/Läst senast/)).toHaveCount(0);
      await significant.check();
      await dialog.getByLabel(/Läst senast/).fill(readBy2);
      await expectAccessible(approver, 'the approve dialog of a revision');
      await approver.screenshot({ path: `${shots}/approve-revision.png`, fullPage: true });
      await dialog.getByRole('button', { name: 'Godkänn och publicera' }).click();
      await expect(dialog).toBeHidden();
      await expect(approver.getByRole('tab', { name: 'Gällande version 2' })).toBeVisible();
      await expect(approver.getByRole('tabpanel')).toContainText(NEW_STEP);
      await expect(approver.getByTestId('document-stage')).toHaveCount(0);
      const history = approver.getByTestId('document-history');
      await expect(history).toContainText('Skickat för godkännande (version 2)');
      await expect(history).toContainText('Publicerat (version 2)');
      await expect(history).toContainText('Sänggrindar tillagda i åtgärderna.');
      await expectAccessible(approver, 'the revision published');
    });

    await test.step('the manager sees the nurse as not having read version 2', async () => {
      await manager.reload();
      const sofia = manager.getByTestId('reading-people').getByRole('row', { name: /Sofia Lindgren/ });
      await expect(sofia).toContainText('Inte läst');
      await expectAccessible(manager, 'who has read, after a significant revision');
    });

    await test.step('in Norwegian the nurse is asked again, compares, searches and confirms', async () => {
      try {
        // Asked again: the routine's page tells her, still in Swedish; then she switches to Norwegian.
        await openDocument(nurse);
        await expect(nurse.getByTestId('reading-panel')).toContainText('Du ombeds läsa version 2');
        await nurse.getByLabel('Språk').selectOption('nb');
        await expect(nurse.locator('html')).toHaveAttribute('lang', 'nb');
        await nurse
          .getByRole('navigation', { name: /./ })
          .getByRole('link', { name: /^Til lesing/ })
          .click();
        await expect(nurse.getByRole('heading', { level: 1, name: 'Til lesing' })).toBeVisible();
        const row = nurse.getByTestId('reading-unread').getByRole('row').filter({ hasText: title });
        await expect(row).toContainText(await shownDate(nurse, readBy2, 'nb-NO'));
        await expect(row.getByRole('cell').nth(2)).toHaveText('2');
        // Version 1 read does not count: once loaded, "Recently read" does not hold the routine.
        const read = nurse.getByRole('region', { name: 'Nylig lest', exact: true });
        await expect(
          read.getByTestId('reading-read').or(read.getByText('Du har ikke bekreftet noe dokument')),
        ).toBeVisible();
        await expect(read).not.toContainText(title);
        await expectAccessible(nurse, 'the reading list in Norwegian');
        await nurse.screenshot({ path: `${shots}/reading-nb.png`, fullPage: true });

        await row.getByRole('link', { name: title }).click();
        await expect(nurse.getByTestId('reading-panel')).toContainText('Du blir bedt om å lese versjon 2');
        await nurse.getByRole('link', { name: 'Sammenlign med forrige versjon' }).click();
        await expect(nurse.getByRole('heading', { level: 1, name: 'Sammenlign versjoner' })).toBeVisible();
        await expect(nurse).toHaveURL(/from=1&to=2/);
        // The template's sections are named in her language: Åtgärder is Tiltak.
        const actions = nurse.locator('section', {
          has: nurse.getByRole('heading', { name: 'Tiltak', exact: true }),
        });
        await expect(actions.locator('ins')).toContainText(NEW_STEP);
        await expect(
          nurse.getByRole('status').filter({ hasText: 'Endrede deler mellom versjon 1 og 2' }),
        ).toContainText(': 2');
        await expectAccessible(nurse, 'the comparison in Norwegian');
        await nurse.screenshot({ path: `${shots}/compare-nb.png`, fullPage: true });

        // Another word form than the routine's "Sänggrindar".
        await nurse
          .getByRole('navigation', { name: /./ })
          .getByRole('link', { name: 'Dokumenter', exact: true })
          .click();
        await nurse.getByRole('searchbox', { name: 'Søk i dokumentene' }).fill('sänggrinden');
        await nurse.getByRole('button', { name: 'Søk', exact: true }).click();
        await expect(nurse.getByRole('heading', { level: 1, name: 'Søk i dokumenter' })).toBeVisible();
        const result = nurse.getByTestId('search-result').filter({ hasText: title });
        await expect(result).toContainText('Versjon 2');
        await expect(result.locator('mark').first()).toHaveText(/^sänggrind/i);
        await expectAccessible(nurse, 'the search in Norwegian');
        await nurse.screenshot({ path: `${shots}/search-nb.png`, fullPage: true });

        await result.getByRole('link', { name: title }).click();
        const panel = nurse.getByTestId('reading-panel');
        await panel.getByRole('button', { name: 'Jeg har lest det' }).click();
        await expect(nurse.getByTestId('read-on')).toContainText('(versjon 2)');
        await nurse
          .getByRole('navigation', { name: /./ })
          .getByRole('link', { name: /^Til lesing/ })
          .click();
        await expect(nurse.getByTestId('reading-read')).toContainText(title);
      } finally {
        await resetLanguage(nurse, 'sv');
      }
    });
  } finally {
    for (const page of people) await page.context().close();
  }
});
