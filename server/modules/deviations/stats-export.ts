import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { DeviationStats, DeviationStatsRow } from '../../../contracts/deviation-stats.ts';
import { type Lang, registerMessages, t } from '../../platform/i18n.ts';

// The statistics as a file for a spreadsheet, headed in the viewer's language. The CSV is what
// Swedish and Norwegian Excel opens with a double click: a byte-order mark so it reads UTF-8, `;`
// between fields and a decimal comma.

export interface ExportFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

function labelOf(stats: DeviationStats, row: DeviationStatsRow, lang: Lang): string {
  // Split by unit, the chosen unit's own row holds the cases reported on it rather than on a sub-unit.
  const own =
    stats.groupBy === 'unit' && row.key === stats.totals.drillDown.unitId
      ? ` ${t(lang, 'stats.export.own_unit')}`
      : '';
  if (typeof row.label !== 'string') return row.label[lang] || row.label.sv;
  if (stats.groupBy === 'status') return t(lang, `stats.export.status.${row.label}`);
  return `${row.label}${own}`;
}

interface Line {
  label: string;
  count: number;
  open: number;
  overdue: number;
  closed: number;
  median: number | null;
}

function linesOf(stats: DeviationStats, lang: Lang): { headings: string[]; lines: Line[] } {
  const headings = [
    t(lang, `stats.export.group.${stats.groupBy}`),
    t(lang, 'stats.export.count'),
    t(lang, 'stats.export.open'),
    t(lang, 'stats.export.overdue'),
    t(lang, 'stats.export.closed'),
    t(lang, 'stats.export.median'),
  ];
  const lines: Line[] = stats.rows.map((row) => ({
    label: labelOf(stats, row, lang),
    count: row.count,
    open: row.open,
    overdue: row.overdue,
    closed: row.closed,
    median: row.medianHandlingDays,
  }));
  const totals = stats.totals;
  lines.push({
    label: t(lang, 'stats.export.total'),
    count: totals.count,
    open: totals.open,
    overdue: totals.overdue,
    closed: totals.closed,
    median: totals.medianHandlingDays,
  });
  return { headings, lines };
}

function csvField(value: string): string {
  // A leading = + - @ would make a spreadsheet run the text as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvNumber(value: number | null, lang: Lang): string {
  if (value === null) return '';
  const text = String(value);
  return lang === 'en' ? text : text.replace('.', ',');
}

export function statsCsv(stats: DeviationStats, lang: Lang): string {
  const { headings, lines } = linesOf(stats, lang);
  const rows = [
    headings.map(csvField).join(';'),
    ...lines.map((l) =>
      [
        csvField(l.label),
        String(l.count),
        String(l.open),
        String(l.overdue),
        String(l.closed),
        csvNumber(l.median, lang),
      ].join(';'),
    ),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export async function statsXlsx(stats: DeviationStats, lang: Lang): Promise<Buffer> {
  const { headings, lines } = linesOf(stats, lang);
  const data: Row[] = [
    headings.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...lines.map(
      (l): Row => [
        { value: l.label, type: String },
        { value: l.count, type: Number },
        { value: l.open, type: Number },
        { value: l.overdue, type: Number },
        { value: l.closed, type: Number },
        l.median === null ? null : { value: l.median, type: Number },
      ],
    ),
  ];
  return writeXlsxFile(data, {
    sheet: t(lang, 'stats.export.sheet'),
    columns: [{ width: 40 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 12 }, { width: 28 }],
  }).toBuffer();
}

export async function exportStats(
  stats: DeviationStats,
  options: { format: 'csv' | 'xlsx'; lang: Lang; today: string },
): Promise<ExportFile> {
  const base = `${t(options.lang, 'stats.export.filename')}-${stats.groupBy}-${options.today}`;
  if (options.format === 'csv')
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: Buffer.from(statsCsv(stats, options.lang), 'utf8'),
    };
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: await statsXlsx(stats, options.lang),
  };
}

registerMessages({
  sv: {
    'stats.export.filename': 'avvikelsestatistik',
    'stats.export.sheet': 'Avvikelser',
    'stats.export.group.entry': 'Ingång',
    'stats.export.group.category': 'Typ',
    'stats.export.group.area': 'Område',
    'stats.export.group.unit': 'Enhet',
    'stats.export.group.month': 'Månad',
    'stats.export.group.status': 'Status',
    'stats.export.count': 'Antal',
    'stats.export.open': 'Öppna',
    'stats.export.overdue': 'Försenade',
    'stats.export.closed': 'Avslutade',
    'stats.export.median': 'Median handläggningstid (dagar)',
    'stats.export.total': 'Totalt',
    'stats.export.own_unit': '(själva enheten)',
    'stats.export.status.submitted': 'Inskickad',
    'stats.export.status.in_handling': 'Under handläggning',
    'stats.export.status.escalated': 'Eskalerad',
    'stats.export.status.resolved': 'Åtgärdad',
    'stats.export.status.closed': 'Avslutad',
  },
  nb: {
    'stats.export.filename': 'avviksstatistikk',
    'stats.export.sheet': 'Avvik',
    'stats.export.group.entry': 'Inngang',
    'stats.export.group.category': 'Type',
    'stats.export.group.area': 'Område',
    'stats.export.group.unit': 'Enhet',
    'stats.export.group.month': 'Måned',
    'stats.export.group.status': 'Status',
    'stats.export.count': 'Antall',
    'stats.export.open': 'Åpne',
    'stats.export.overdue': 'Forsinkede',
    'stats.export.closed': 'Avsluttede',
    'stats.export.median': 'Median behandlingstid (dager)',
    'stats.export.total': 'Totalt',
    'stats.export.own_unit': '(selve enheten)',
    'stats.export.status.submitted': 'Innsendt',
    'stats.export.status.in_handling': 'Under behandling',
    'stats.export.status.escalated': 'Eskalert',
    'stats.export.status.resolved': 'Løst',
    'stats.export.status.closed': 'Avsluttet',
  },
  en: {
    'stats.export.filename': 'deviation-statistics',
    'stats.export.sheet': 'Deviations',
    'stats.export.group.entry': 'Entry',
    'stats.export.group.category': 'Type',
    'stats.export.group.area': 'Area',
    'stats.export.group.unit': 'Unit',
    'stats.export.group.month': 'Month',
    'stats.export.group.status': 'Status',
    'stats.export.count': 'Count',
    'stats.export.open': 'Open',
    'stats.export.overdue': 'Overdue',
    'stats.export.closed': 'Closed',
    'stats.export.median': 'Median handling time (days)',
    'stats.export.total': 'Total',
    'stats.export.own_unit': '(the unit itself)',
    'stats.export.status.submitted': 'Submitted',
    'stats.export.status.in_handling': 'In handling',
    'stats.export.status.escalated': 'Escalated',
    'stats.export.status.resolved': 'Resolved',
    'stats.export.status.closed': 'Closed',
  },
});
