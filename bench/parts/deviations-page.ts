import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { median } from '../lib/load.ts';
import { benchRateLimit, quickMode, scaled, verdict } from '../lib/loopen-pg.ts';
import { errorMessage, type Part, progress } from '../lib/part.ts';
import {
  freePort,
  freshDataDir,
  productEnv,
  productLauncher,
  removeDir,
  repoRoot,
  spawnServer,
} from '../lib/server.ts';
import { signIn } from '../lib/session.ts';
import { type JsonValue, type PartResult, type Row, round } from '../lib/table.ts';

// The report page as a nurse on a slow ward PC meets it: the JavaScript it loads before it is usable,
// and the time until its first field takes focus, in Chromium with the CPU slowed four times.

const reportPath = '/report';
const cpuSlowdown = 4;
/** The first field of the report form: the first enabled control inside a form in the page's main. */
const firstFieldSelector =
  'main form input:not([disabled]):not([type=hidden]), main form select:not([disabled]), main form textarea:not([disabled])';

/**
 * In the page, before any of its scripts: watch the DOM and note (performance.now(), from the start
 * of navigation) the first moment the first field exists, is visible and actually takes focus.
 */
const probeScript = `(() => {
  const selector = ${JSON.stringify(firstFieldSelector)};
  const check = () => {
    if (window.__firstFieldAt !== undefined) return;
    const field = document.querySelector(selector);
    if (!field || !(field instanceof HTMLElement) || field.getClientRects().length === 0) return;
    field.focus({ preventScroll: true });
    if (document.activeElement !== field) return;
    window.__firstFieldAt = performance.now();
    field.blur();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

interface PageRun {
  firstFieldMs: number;
  domContentLoadedMs: number;
  scripts: string[];
}

async function measureOnce(browser: Browser, baseUrl: string, cookie: string): Promise<PageRun> {
  // A new context each time: an empty HTTP cache, as on a first visit.
  const context = await browser.newContext({ locale: 'sv-SE' });
  try {
    const url = new URL(baseUrl);
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const eq = pair.indexOf('=');
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), domain: url.hostname, path: '/' };
      }),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.addInitScript(probeScript);
    await page.goto(`${baseUrl}${reportPath}`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as unknown as { __firstFieldAt?: number }).__firstFieldAt,
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const firstFieldMs = Number(await handle.jsonValue());
    // The scripts requested before that moment (modules and module preloads), from the page's own timings.
    const { domContentLoadedMs, scripts } = await page.evaluate((until) => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const loaded = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.startTime <= until && new URL(r.name).pathname.endsWith('.js'))
        .map((r) => new URL(r.name).pathname);
      return { domContentLoadedMs: entry?.domContentLoadedEventEnd ?? Number.NaN, scripts: loaded };
    }, firstFieldMs);
    if (new URL(page.url()).pathname !== reportPath)
      throw new Error(`${reportPath} went to ${page.url()} (not signed in?)`);
    return { firstFieldMs, domContentLoadedMs, scripts };
  } finally {
    await context.close();
  }
}

/** The size of each script as built in dist/web, raw and gzipped (what a compressing proxy would send). */
async function scriptSizes(
  paths: readonly string[],
): Promise<{ raw: number; gzip: number; missing: string[] }> {
  let raw = 0;
  let gzip = 0;
  const missing: string[] = [];
  for (const path of new Set(paths)) {
    const file = join(repoRoot, 'dist/web', path);
    if (!existsSync(file)) {
      missing.push(path);
      continue;
    }
    const content = await readFile(file);
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip, missing };
}

async function runPage(): Promise<PartResult> {
  const quick = quickMode();
  const runs = scaled('BENCH_PAGE_RUNS', 5, 2, { integer: true });
  const password = process.env.LOOPEN_DEMO_PASSWORD || 'loopen-demo';
  const notes: string[] = [];
  const failures: string[] = [];
  const rows: Row[] = [];
  const samples: PageRun[] = [];
  const details: { [key: string]: JsonValue } = {};
  if (!existsSync(join(repoRoot, 'web/features/deviations/report/ReportPage.tsx')))
    notes.push(
      '!!! web/features/deviations/report/ReportPage.tsx does not exist: measuring what /report shows',
    );

  const dataDir = await freshDataDir();
  const port = await freePort();
  const launcher = productLauncher();
  // start.mjs builds dist/web when it is missing or older than the sources, so the built app is measured.
  const server = spawnServer(
    launcher,
    port,
    productEnv({ port, dataDir, extra: { LOOPEN_RATE_LIMIT_PER_MINUTE: benchRateLimit } }),
  );
  let browser: Browser | null = null;
  try {
    progress('deviations-page: starting Loopen (PGlite; builds dist/web if stale)');
    await server.waitReady('/health/ready', 600_000);
    const session = await signIn(server.baseUrl, 'sjukskoterska', password);
    browser = await chromium.launch({
      executablePath: process.env.BENCH_CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    // One untimed visit: the server's own caches (and PGlite's) are warm for every timed one.
    await measureOnce(browser, server.baseUrl, session.cookie);
    for (let i = 1; i <= runs; i++) {
      progress(`deviations-page: run ${i}/${runs}`);
      samples.push(await measureOnce(browser, server.baseUrl, session.cookie));
    }
  } catch (error) {
    failures.push(errorMessage(error));
  } finally {
    await browser?.close();
    const stop = await server.stop();
    if (stop.forced) notes.push(`!!! ${server.label} was SIGKILLed after SIGINT`);
    await removeDir(dataDir);
  }

  if (samples.length > 0) {
    const scripts = samples[0]?.scripts ?? [];
    const sizes = await scriptSizes(scripts);
    const gzipKb = sizes.gzip / 1024;
    const firstField = median(samples.map((s) => s.firstFieldMs));
    rows.push(
      {
        measure: 'initial JavaScript, gzipped (KB)',
        value: round(gzipKb, 1),
        goal: `≤ 200 KB: ${verdict(gzipKb, 200, 'max')}`,
        detail: `${new Set(scripts).size} files, ${round(sizes.raw / 1024, 1)} KB raw`,
      },
      {
        measure: `first field focusable, CPU ${cpuSlowdown}× slower (ms, median)`,
        value: round(firstField, 0),
        goal: `≤ 1500 ms: ${verdict(firstField, 1500, 'max')}`,
        detail: `runs: ${samples.map((s) => Math.round(s.firstFieldMs)).join(', ')}`,
      },
      {
        measure: 'DOMContentLoaded (ms, median)',
        value: round(median(samples.map((s) => s.domContentLoadedMs)), 0),
        goal: null,
        detail: null,
      },
    );
    if (sizes.missing.length > 0)
      notes.push(`!!! scripts not found in dist/web: ${sizes.missing.join(', ')}`);
    details.scripts = [...new Set(scripts)];
    details.samples = samples.map((s) => ({
      firstFieldMs: round(s.firstFieldMs, 1),
      domContentLoadedMs: round(s.domContentLoadedMs, 1),
    }));
  }
  notes.push(
    `GET ${reportPath} signed in as sjukskoterska, Chromium (/usr/bin/chromium, headless) with ` +
      `Emulation.setCPUThrottlingRate ${cpuSlowdown}, no network throttling, a fresh context (empty cache) per run; ` +
      `${runs} timed runs after one untimed; Loopen on PGlite, served by \`${launcher.label}\``,
    'initial JavaScript: every script the page fetched before its first field took focus, sized from dist/web ' +
      'and gzipped here (level 9); the server itself sends them uncompressed',
    `first field: the first enabled input, select or textarea of a form in <main>, visible and taking focus; ` +
      'time from the start of navigation (performance.now() in the page)',
  );
  if (quick) notes.push('!!! BENCH_QUICK=1: fewer runs, a smoke test');
  return {
    part: 'deviations-page',
    title: 'The report page: initial JavaScript and time until usable',
    database: 'pglite',
    rows,
    notes,
    failures,
    details: { runs, cpuSlowdown, quick, ...details },
  };
}

export const deviationsPagePart: Part = {
  name: 'deviations-page',
  describe: 'the /report page: initial JavaScript (gzipped) and first field focusable with 4× CPU throttling',
  run: runPage,
};
