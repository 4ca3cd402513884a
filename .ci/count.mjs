// Adds up the test counts of the JSON reports that .ci/run collected, and prints the closing line.
// A failed step that is not a test run (install, lint, typecheck, build), or a test run that failed
// without reporting a failing test (it crashed), counts as one failure of its own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, failedStepList = ''] = process.argv.slice(2);
const failedSteps = failedStepList.split('|').filter(Boolean);
const reports = {
  'test on PGlite': 'vitest-pglite.json',
  'test on PostgreSQL': 'vitest-postgres.json',
  'browser tests': 'playwright.json',
};

let passed = 0;
let failed = 0;
const failuresByStep = {};

for (const [step, name] of Object.entries(reports)) {
  const file = join(dir, name);
  let p = 0;
  let f = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if (name === 'playwright.json') {
      const stats = report.stats ?? {};
      p = stats.expected ?? 0;
      f = (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (stats.skipped ?? 0);
    } else {
      p = report.numPassedTests ?? 0;
      f = (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
  failuresByStep[step] = f;
  passed += p;
  failed += f;
  console.log(`${step}: ${p} passed, ${f} failed`);
}

for (const step of failedSteps) {
  if (!(step in failuresByStep) || failuresByStep[step] === 0) failed += 1;
}
if (failedSteps.length > 0) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
