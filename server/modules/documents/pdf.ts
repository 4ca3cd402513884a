import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { ContentNode, Document, DocumentVersion, InlineNode } from '../../../contracts/documents.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type Lang, registerMessages, t } from '../../platform/i18n.ts';
import { units } from '../organisation/tables.ts';
import { getDocument, getVersion } from './documents.ts';
import type { Change } from './support.ts';

// The PDF of a published or superseded version (issue 5): every page carries the document's header
// (type, title, version, valid to, owner, approver, who it applies to) and "page x of y"; a
// superseded version says so on every page. The body is rendered from the version's JSON content
// (decision 0006) with pdfmake, a pure-JS library with its own Roboto fonts (å ä ö æ ø included):
// nothing from the operating system, no HTML, and it may fetch nothing (no URLs, no files but its fonts).

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as PdfMake;
const fontFiles = require('pdfmake/fonts/Roboto.js') as Record<string, Record<string, string>>;
const fontDir = dirname(require.resolve('pdfmake/fonts/Roboto.js'));
pdfmake.setFonts(fontFiles);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(fontDir));

// The little of pdfmake's document definition used here.
type Block = Record<string, unknown> | string;
interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

export interface PdfFile {
  filename: string;
  content: Buffer;
}

/** What the header of every page says. */
interface Header {
  type: string;
  title: string;
  version: number;
  validTo: string;
  owner: string;
  approver: string;
  appliesTo: string;
  superseded: boolean;
}

const HEADER_TITLE_MAX = 110;
const APPLIES_TO_MAX = 220;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The title as a file name any system takes: ASCII letters, digits, dots and dashes. */
export function safeFilename(title: string, version: number): string {
  const ascii = title
    .replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae'))
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/g, '');
  return `${ascii || 'document'}-v${version}.pdf`;
}

function inline(nodes: InlineNode[]): Block[] {
  const parts: Block[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      parts.push({
        text: node.text,
        bold: node.marks?.includes('bold') ?? false,
        italics: node.marks?.includes('italic') ?? false,
      });
      continue;
    }
    const words = node.content.map((c) => c.text).join('');
    for (const c of node.content)
      parts.push({
        text: c.text,
        bold: c.marks?.includes('bold') ?? false,
        italics: c.marks?.includes('italic') ?? false,
        link: node.href,
        color: '#1a4f8b',
        decoration: 'underline',
      });
    // On paper a link is only as good as its address: print it beside the words.
    const address = node.href.replace(/^mailto:/, '');
    if (words.trim() !== address && words.trim() !== node.href) parts.push({ text: ` (${address})` });
  }
  return parts.length > 0 ? parts : [' '];
}

function block(node: ContentNode): Block {
  switch (node.type) {
    case 'paragraph':
      return { text: inline(node.content), margin: [0, 0, 0, 6] };
    case 'heading':
      return { text: inline(node.content), style: `h${node.level}` };
    case 'bulletList':
    case 'orderedList': {
      const items = node.content.map((item) => ({ stack: item.content.map(block) }));
      return node.type === 'bulletList'
        ? { ul: items, margin: [0, 0, 0, 6] }
        : { ol: items, margin: [0, 0, 0, 6] };
    }
    case 'table': {
      const columns = Math.max(1, ...node.content.map((row) => row.content.length));
      const body = node.content.map((row) => {
        const cells: Block[] = row.content.map((cell) => ({
          stack: cell.content.length > 0 ? cell.content.map(block) : [' '],
          bold: cell.header,
          fillColor: cell.header ? '#eeeeee' : null,
        }));
        while (cells.length < columns) cells.push(' ');
        return cells;
      });
      let headerRows = 0;
      while (node.content[headerRows]?.content.every((cell) => cell.header)) headerRows++;
      return {
        table: { headerRows: Math.min(headerRows, body.length - 1), widths: Array(columns).fill('*'), body },
        layout: 'lightHorizontalLines',
        margin: [0, 2, 0, 8],
      };
    }
  }
}

function headerBlock(lang: Lang, header: Header): Block {
  const label = (key: string): Block => ({ text: t(lang, `document.pdf.${key}`), color: '#555555' });
  const fact = (key: string, value: string): Block => ({ text: [label(key), ` ${value}`] });
  return {
    margin: [40, 22, 40, 0],
    stack: [
      {
        columns: [
          { text: `${header.type} · ${clip(header.title, HEADER_TITLE_MAX)}`, bold: true, fontSize: 10 },
          header.superseded
            ? { text: t(lang, 'document.pdf.superseded'), bold: true, color: '#b00020', width: 'auto' }
            : { text: '', width: 'auto' },
        ],
      },
      {
        margin: [0, 4, 0, 0],
        fontSize: 8,
        columns: [
          { stack: [fact('version', String(header.version)), fact('valid_to', header.validTo)] },
          { stack: [fact('owner', header.owner), fact('approver', header.approver)] },
        ],
      },
      { text: [label('applies_to'), ` ${header.appliesTo}`], fontSize: 8, margin: [0, 1, 0, 0] },
      {
        canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 0.5, lineColor: '#999999' }],
      },
    ],
  };
}

function definition(
  lang: Lang,
  header: Header,
  body: Block[],
  meta: { title: string; author: string },
): Record<string, unknown> {
  return {
    info: { title: meta.title, author: meta.author, creator: 'Loopen', producer: 'Loopen' },
    pageSize: 'A4',
    pageMargins: [40, 112, 40, 48],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      section: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 3] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
      h4: { fontSize: 10, bold: true, italics: true, margin: [0, 4, 0, 2] },
      note: { fontSize: 9, color: '#444444', margin: [0, 0, 0, 8] },
    },
    header: () => headerBlock(lang, header),
    footer: (page: number, pages: number) => ({
      margin: [40, 16, 40, 0],
      fontSize: 8,
      columns: [
        header.superseded
          ? { text: t(lang, 'document.pdf.superseded'), bold: true, color: '#b00020' }
          : { text: '' },
        { text: t(lang, 'document.pdf.page', { page, pages }), alignment: 'right' },
      ],
    }),
    content: body,
  };
}

/** The audience as words: unit names, then professions (by their label where Loopen knows one). */
async function appliesTo(tx: Db, lang: Lang, doc: Document, organisationId: string): Promise<string> {
  const names =
    doc.audienceUnitIds.length === 0
      ? []
      : (
          await tx
            .select({ id: units.id, name: units.name })
            .from(units)
            .where(and(eq(units.organisationId, organisationId), inArray(units.id, doc.audienceUnitIds)))
        )
          .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
          .map((u) => u.name);
  const professions = doc.audienceProfessions.map((code) => {
    const key = `document.pdf.profession.${code}`;
    const label = t(lang, key);
    return label === key ? code : label;
  });
  const words = [names.join(', '), professions.join(', ')].filter((w) => w.length > 0).join('; ');
  return clip(words || t(lang, 'document.pdf.everyone'), APPLIES_TO_MAX);
}

/**
 * The PDF of version `number`, read under the same rules as GET …/versions/{number} (404 for those
 * who may not see it); a draft is refused (409): only what was published goes on paper. The export is
 * audited in the same transaction.
 */
export async function exportVersionPdf(
  options: Change & { documentId: string; number: number },
  tx: Db,
): Promise<PdfFile> {
  const { actor } = options;
  const lang = actor.language;
  const doc = await getDocument({ actor, documentId: options.documentId }, tx);
  const version: DocumentVersion = await getVersion(
    { actor, documentId: options.documentId, number: options.number },
    tx,
  );
  if (version.status === 'draft') throw new AppError('document.pdf_draft', 'conflict');
  // The version's own titles, as it was approved: a later template edit does not rewrite them.
  const titles = new Map(version.sectionTitles.map((s) => [s.id, s.label]));
  const header: Header = {
    type: doc.type.label,
    title: doc.title,
    version: version.number,
    validTo: doc.reviewBy ?? '–',
    owner: doc.owner.name,
    approver: doc.approver?.name || '–',
    appliesTo: await appliesTo(tx, lang, doc, actor.organisationId),
    superseded: version.status === 'superseded',
  };
  const body: Block[] = [{ text: doc.title, style: 'title' }];
  const published = version.publishedAt?.slice(0, 10);
  if (published)
    body.push({
      text: t(lang, 'document.pdf.published', { date: published, name: version.publishedBy?.name ?? '–' }),
      style: 'note',
    });
  if (version.revisionNote.trim())
    body.push({
      text: [{ text: `${t(lang, 'document.pdf.revision_note')} `, bold: true }, version.revisionNote],
      style: 'note',
    });
  for (const section of version.sections) {
    body.push({
      text: titles.get(section.sectionId) ?? t(lang, 'document.pdf.section_untitled'),
      style: 'section',
    });
    for (const node of section.nodes as ContentNode[]) body.push(block(node));
  }
  await writeAudit(tx, options.audit, {
    action: 'document.exported',
    entityType: 'document',
    entityId: doc.id,
    summary: { versionNumber: version.number, versionStatus: version.status, format: 'pdf' },
  });
  const content = await pdfmake
    .createPdf(definition(lang, header, body, { title: doc.title, author: doc.owner.name }))
    .getBuffer();
  return { filename: safeFilename(doc.title, version.number), content };
}

registerMessages({
  sv: {
    'document.pdf_draft': 'Ett utkast kan inte skrivas ut som PDF; bara publicerade och ersatta versioner.',
    'document.pdf.version': 'Version',
    'document.pdf.valid_to': 'Giltig till',
    'document.pdf.owner': 'Ägare',
    'document.pdf.approver': 'Godkännare',
    'document.pdf.applies_to': 'Gäller för',
    'document.pdf.everyone': 'Hela organisationen',
    'document.pdf.superseded': 'Ersatt',
    'document.pdf.page': 'Sida {page} av {pages}',
    'document.pdf.published': 'Publicerad {date} av {name}',
    'document.pdf.revision_note': 'Revidering:',
    'document.pdf.section_untitled': 'Avsnitt utan rubrik',
    'document.pdf.profession.lakare': 'Läkare',
    'document.pdf.profession.sjukskoterska': 'Sjuksköterskor',
    'document.pdf.profession.underskoterska': 'Undersköterskor',
  },
  nb: {
    'document.pdf_draft': 'Et utkast kan ikke skrives ut som PDF; bare publiserte og erstattede versjoner.',
    'document.pdf.version': 'Versjon',
    'document.pdf.valid_to': 'Gyldig til',
    'document.pdf.owner': 'Eier',
    'document.pdf.approver': 'Godkjenner',
    'document.pdf.applies_to': 'Gjelder for',
    'document.pdf.everyone': 'Hele organisasjonen',
    'document.pdf.superseded': 'Erstattet',
    'document.pdf.page': 'Side {page} av {pages}',
    'document.pdf.published': 'Publisert {date} av {name}',
    'document.pdf.revision_note': 'Revisjon:',
    'document.pdf.section_untitled': 'Avsnitt uten overskrift',
    'document.pdf.profession.lakare': 'Leger',
    'document.pdf.profession.sjukskoterska': 'Sykepleiere',
    'document.pdf.profession.underskoterska': 'Helsefagarbeidere',
  },
  en: {
    'document.pdf_draft': 'A draft cannot be printed as a PDF; only published and superseded versions.',
    'document.pdf.version': 'Version',
    'document.pdf.valid_to': 'Valid to',
    'document.pdf.owner': 'Owner',
    'document.pdf.approver': 'Approver',
    'document.pdf.applies_to': 'Applies to',
    'document.pdf.everyone': 'The whole organisation',
    'document.pdf.superseded': 'Superseded',
    'document.pdf.page': 'Page {page} of {pages}',
    'document.pdf.published': 'Published {date} by {name}',
    'document.pdf.revision_note': 'Revision:',
    'document.pdf.section_untitled': 'Untitled section',
    'document.pdf.profession.lakare': 'Physicians',
    'document.pdf.profession.sjukskoterska': 'Nurses',
    'document.pdf.profession.underskoterska': 'Assistant nurses',
  },
});
