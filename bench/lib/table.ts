import { mkdir, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Cell = string | number | null;
/** One line of a part's table; the columns are the keys, in the order they first appear. */
export type Row = Record<string, Cell>;

export type DatabaseKind = 'pglite' | 'postgres';

/** What a benchmark part hands back: its table, notes for the reader, and anything that failed to run. */
export interface PartResult {
  part: string;
  title: string;
  database: DatabaseKind | null;
  rows: Row[];
  /** further tables under the first, each with a heading (e.g. the soak's memory samples) */
  tables?: Array<{ title: string; rows: Row[] }>;
  notes: string[];
  /** non-empty when something failed to run (a server did not start, requests failed): exit 1 */
  failures: string[];
  /** raw samples, in the JSON only */
  details: { [key: string]: JsonValue };
}

export interface Machine {
  cpuModel: string;
  cpuCount: number;
  totalMemoryGiB: number;
  node: string;
  os: string;
  loadAverageAtStart: number[];
}

export interface Report {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  parts: PartResult[];
  ok: boolean;
}

export function describeMachine(): Machine {
  const all = cpus();
  return {
    cpuModel: all[0]?.model.trim() ?? 'unknown',
    cpuCount: all.length,
    totalMemoryGiB: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    loadAverageAtStart: loadavg().map((value) => round(value, 2)),
  };
}

export function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function formatCell(cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : 'n/a';
  return cell;
}

/** A markdown table; columns whose cells are all numbers are right-aligned. */
export function renderTable(rows: readonly Row[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  if (columns.length === 0) return '(no rows)';
  const numeric = columns.map((column) =>
    rows.every((row) => {
      const cell = row[column];
      return cell === undefined || cell === null || typeof cell === 'number';
    }),
  );
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column] ?? null)));
  const widths = columns.map((column, i) =>
    Math.max(3, column.length, ...cells.map((line) => (line[i] ?? '').length)),
  );
  const pad = (text: string, i: number): string => {
    const width = widths[i] ?? 3;
    return numeric[i] ? text.padStart(width) : text.padEnd(width);
  };
  const header = `| ${columns.map((column, i) => pad(column, i)).join(' | ')} |`;
  const rule = `| ${widths.map((width, i) => (numeric[i] ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const body = cells.map((line) => `| ${line.map((text, i) => pad(text, i)).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

export function renderReport(report: Report): string {
  const { machine } = report;
  const databases = [...new Set(report.parts.map((part) => part.database).filter((kind) => kind !== null))];
  const lines = [
    `# Loopen benchmarks, ${report.startedAt}`,
    '',
    `machine: ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB RAM, ${machine.os}, ` +
      `node ${machine.node}, database ${databases.length > 0 ? databases.join(' + ') : '–'}, ` +
      `load average at start ${machine.loadAverageAtStart.join(' / ')}`,
  ];
  for (const part of report.parts) {
    lines.push(
      '',
      `## ${part.title}${part.database ? ` (${part.database})` : ''}`,
      '',
      renderTable(part.rows),
    );
    for (const table of part.tables ?? []) lines.push('', `### ${table.title}`, '', renderTable(table.rows));
    if (part.notes.length > 0) lines.push('', ...part.notes.map((note) => `- ${note}`));
    if (part.failures.length > 0) {
      lines.push('', '**FAILED:**', ...part.failures.map((failure) => `- !!! ${failure}`));
    }
  }
  lines.push('', report.ok ? 'all parts ran' : '!!! SOMETHING FAILED TO RUN — see FAILED above');
  return lines.join('\n');
}

/** Writes the report to <dir>/<timestamp>.json and <dir>/latest.json; returns both paths. */
export async function writeReport(report: Report, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  // Colons are not allowed in Windows file names.
  const stamped = join(dir, `${report.startedAt.replaceAll(':', '-')}.json`);
  const latest = join(dir, 'latest.json');
  await writeFile(stamped, json);
  await writeFile(latest, json);
  return [stamped, latest];
}
