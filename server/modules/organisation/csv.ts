import { CsvError, parse } from 'csv-parse/sync';
import { type ImportLineError, maxImportLines } from '../../../contracts/organisation.ts';
import { AppError } from '../../platform/errors.ts';
import { type Lang, t } from '../../platform/i18n.ts';

/** One problem on one line of an uploaded file; translated only when the answer is written. */
export interface ImportIssue {
  line: number;
  column: string | null;
  key: string;
  params?: Record<string, unknown>;
}

export interface CsvRow {
  /** the line the record starts on, counting the header as line 1 */
  line: number;
  values: Record<string, string>;
}

export interface ImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** More than this many problems helps nobody read the answer; the rest are counted, not listed. */
const maxListedIssues = 1000;

// maxImportLines (contracts): a unit tree or a staff list of a large region fits; a file of 100 000
// lines held the embedded database for half a minute, with every other request waiting.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Spreadsheets in Nordic locales save with semicolons; others with commas. The header row tells. */
function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const semicolons = firstLine.split(';').length;
  const commas = firstLine.split(',').length;
  return semicolons > commas ? ';' : ',';
}

/** The line a record starts on: csv-parse reports where it ends, which differs for quoted newlines. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Parses CSV text with a header row into rows keyed by normalised column name. Every problem with
 * the file's shape comes back as an issue; rows are returned only when there is none.
 */
export function parseCsv(
  input: string,
  columns: { required: readonly string[]; optional: readonly string[] },
): { rows: CsvRow[]; issues: ImportIssue[] } {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { rows: [], issues: [{ line: 1, column: null, key: 'import.empty_file' }] };
  let records: ParsedRecord[];
  try {
    // csv-parse's types do not model the { record, raw, info } shape that info + raw produce.
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      raw: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // The header, the limit, and one more to know the file is over it; the rest is never parsed.
      to: maxImportLines + 2,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' && error.lines > 0 ? error.lines : 1;
      return { rows: [], issues: [{ line, column: null, key: 'import.csv_syntax' }] };
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [{ line: 1, column: null, key: 'import.empty_file' }] };
  if (body.length > maxImportLines) {
    throw new AppError('import.too_many_lines', 'validation', { params: { max: maxImportLines } });
  }

  const issues: ImportIssue[] = [];
  const allowed = [...columns.required, ...columns.optional];
  const names = header.record.map(normaliseHeader);
  const headerLine = startLine(header.info.lines, header.raw);
  names.forEach((name, i) => {
    if (!allowed.includes(name)) {
      issues.push({
        line: headerLine,
        column: name,
        key: 'import.unknown_column',
        params: { allowed: allowed.join(', ') },
      });
    } else if (names.indexOf(name) !== i) {
      issues.push({ line: headerLine, column: name, key: 'import.duplicate_column' });
    }
  });
  for (const name of columns.required) {
    if (!names.includes(name)) issues.push({ line: headerLine, column: name, key: 'import.missing_column' });
  }
  if (issues.length > 0) return { rows: [], issues };

  const rows: CsvRow[] = [];
  for (const record of body) {
    const line = startLine(record.info.lines, record.raw);
    if (record.record.length !== names.length) {
      issues.push({
        line,
        column: null,
        key: 'import.column_count',
        params: { found: record.record.length, expected: names.length },
      });
      continue;
    }
    const values: Record<string, string> = Object.fromEntries(allowed.map((name) => [name, '']));
    names.forEach((name, i) => {
      const value = record.record[i] ?? '';
      if (controlCharacters.test(value))
        issues.push({ line, column: name, key: 'import.control_characters' });
      values[name] = value;
    });
    rows.push({ line, values });
  }
  if (rows.length === 0 && issues.length === 0) {
    issues.push({ line: headerLine + 1, column: null, key: 'import.empty_file' });
  }
  return { rows, issues };
}

/** Checks a text cell: required or not, and its length. Returns the trimmed value. */
export function checkText(
  row: CsvRow,
  column: string,
  rules: { required: boolean; max: number },
  issues: ImportIssue[],
): string {
  const value = row.values[column] ?? '';
  if (rules.required && value === '') {
    issues.push({ line: row.line, column, key: 'import.required' });
  } else if (value.length > rules.max) {
    issues.push({ line: row.line, column, key: 'import.too_long', params: { max: rules.max } });
  }
  return value;
}

/**
 * The 400 for a file with bad lines: every line with what is wrong, in the caller's language.
 * Thrown before anything is written, and inside the transaction, so nothing is.
 */
export function importFailed(issues: ImportIssue[], lang: Lang): AppError {
  const sorted = [...issues].sort(
    (a, b) => a.line - b.line || (a.column ?? '').localeCompare(b.column ?? ''),
  );
  const lines: ImportLineError[] = sorted.slice(0, maxListedIssues).map((issue) => ({
    line: issue.line,
    column: issue.column,
    message: t(lang, issue.key, { column: issue.column ?? '', ...issue.params }),
  }));
  const badLines = new Set(issues.map((i) => i.line)).size;
  return new AppError('import.invalid_file', 'validation', {
    params: { count: badLines },
    extra: {
      lines,
      ...(sorted.length > maxListedIssues ? { linesOmitted: sorted.length - maxListedIssues } : {}),
    },
  });
}
