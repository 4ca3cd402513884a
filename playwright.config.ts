import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// LOOPEN_E2E_PORT lets two runs on one machine keep out of each other's way.
const port = Number(process.env.LOOPEN_E2E_PORT ?? 3199);
const host = '127.0.0.1';
// A fresh, empty data folder for every run. The workers re-read this file; they inherit the folder
// through the environment instead of emptying it under the running server. One folder per port, as
// only one run can hold the port, so old runs leave nothing behind.
if (!process.env.LOOPEN_E2E_DATA_DIR) {
  const dataDir = join(tmpdir(), `loopen-e2e-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  process.env.LOOPEN_E2E_DATA_DIR = dataDir;
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://${host}:${port}`,
    locale: 'sv-SE',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: never download a browser.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://${host}:${port}/health/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: host,
      LOOPEN_DATA_DIR: process.env.LOOPEN_E2E_DATA_DIR,
      LOOPEN_DEMO: '1',
      LOG_LEVEL: 'warn',
      // Every story comes from one address; the per-address limit is not what these tests are about.
      LOOPEN_RATE_LIMIT_PER_MINUTE: '100000',
      // The browser tests always run on embedded PGlite: an empty value counts as unset.
      DATABASE_URL: '',
    },
  },
});
