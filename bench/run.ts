// `npm run bench` runs every part; `npm run bench -- startup me` runs the named ones.
// Prints a markdown table to stdout (progress to stderr) and writes bench/results/*.json.
// Exits 1 only when something failed to run, never because a number was worse than hoped.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorMessage, type Part, progress } from './lib/part.ts';
import { killAllNow, repoRoot } from './lib/server.ts';
import { describeMachine, type PartResult, type Report, renderReport, writeReport } from './lib/table.ts';
import { deviationsPagePart } from './parts/deviations-page.ts';
import { deviationsScalePart } from './parts/deviations-scale.ts';
import { deviationsSubmitPart } from './parts/deviations-submit.ts';
import { documentsPart } from './parts/documents.ts';
import { mePart } from './parts/me.ts';
import { soakPart } from './parts/soak.ts';
import { startupPart } from './parts/startup.ts';
import { throughputProcessesPart } from './parts/throughput-processes.ts';

/** Every benchmark, in the order `npm run bench` runs them. A new one is a Part added here. */
const parts: readonly Part[] = [
  startupPart,
  mePart,
  deviationsSubmitPart,
  deviationsScalePart,
  deviationsPagePart,
  documentsPart,
  throughputProcessesPart,
  soakPart,
];

function usage(): string {
  return [
    'usage: npm run bench [-- <part>...]   (default: all parts)',
    ...parts.map((part) => `  ${part.name.padEnd(21)} ${part.describe}`),
  ].join('\n');
}

function selectParts(args: readonly string[]): Part[] {
  if (args.length === 0) return [...parts];
  // A name runs that part; a prefix (e.g. `deviations`) runs every part named `<prefix>-…`.
  return args.flatMap((name) => {
    const part = parts.find((candidate) => candidate.name === name);
    if (part) return [part];
    const family = parts.filter((candidate) => candidate.name.startsWith(`${name}-`));
    if (family.length === 0) throw new Error(`unknown part "${name}"\n${usage()}`);
    return family;
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const selected = selectParts(args);
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const results: PartResult[] = [];
  for (const part of selected) {
    progress(`${part.name}: ${part.describe}`);
    try {
      results.push(await part.run());
    } catch (error) {
      results.push({
        part: part.name,
        title: part.describe,
        database: null,
        rows: [],
        notes: [],
        failures: [errorMessage(error)],
        details: {},
      });
    }
  }
  const report: Report = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    parts: results,
    ok: results.every((result) => result.failures.length === 0),
  };
  process.stdout.write(`${renderReport(report)}\n`);
  const written = await writeReport(report, join(dirname(fileURLToPath(import.meta.url)), 'results'));
  progress(`wrote ${written.map((file) => relative(repoRoot, file)).join(' and ')}`);
  return report.ok ? 0 : 1;
}

// Never leave a server behind, however the bench ends.
process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow();
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`[bench] ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
