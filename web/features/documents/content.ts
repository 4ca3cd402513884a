import {
  type ContentNode,
  type InlineNode,
  isSafeHref,
  MAX_LIST_DEPTH,
} from '../../../contracts/documents.ts';

// Decision 0006: a section's content is a closed JSON vocabulary, never HTML. The editor (Tiptap,
// ProseMirror) speaks its own JSON; these two pure functions translate between them. Whatever falls
// outside the vocabulary is dropped on the way out: unknown nodes and marks, headings of other
// levels (they become level 2–4 by clamping), links with other schemes (the text stays, the link
// goes), lists deeper than MAX_LIST_DEPTH (their items' content moves up into the item above), and
// every attribute the vocabulary has no word for.

/** The JSON Tiptap's getJSON() gives and setContent() takes, as far as this module reads it. */
export interface EditorNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

type TextNode = { type: 'text'; text: string; marks?: Array<'bold' | 'italic'> };
type Paragraph = { type: 'paragraph'; content: InlineNode[] };
type Table = Extract<ContentNode, { type: 'table' }>;
type ListItem = { type: 'listItem'; content: ContentNode[] };

export const HEADING_LEVELS = [2, 3, 4] as const;
type HeadingLevel = (typeof HEADING_LEVELS)[number];

function headingLevel(value: unknown): HeadingLevel {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || n <= 2) return 2;
  return n >= 4 ? 4 : (n as HeadingLevel);
}

function textMarks(marks: EditorNode['marks']): Array<'bold' | 'italic'> {
  const out: Array<'bold' | 'italic'> = [];
  for (const mark of marks ?? []) {
    if ((mark.type === 'bold' || mark.type === 'italic') && !out.includes(mark.type)) out.push(mark.type);
  }
  // A stable order, so that equal texts compare equal.
  return out.sort();
}

function safeLink(marks: EditorNode['marks']): string | null {
  const link = (marks ?? []).find((m) => m.type === 'link');
  const href = link?.attrs?.href;
  return typeof href === 'string' && isSafeHref(href) ? href : null;
}

function makeText(text: string, marks: Array<'bold' | 'italic'>): TextNode {
  return marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
}

/** Inline editor content to 0006 inline nodes: neighbouring texts with the same link become one link node. */
function toInline(nodes: EditorNode[] | undefined): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes ?? []) {
    if (node.type !== 'text' || typeof node.text !== 'string' || node.text.length === 0) continue;
    const text = makeText(node.text, textMarks(node.marks));
    const href = safeLink(node.marks);
    const last = out.at(-1);
    if (href === null) out.push(text);
    else if (last?.type === 'link' && last.href === href) last.content.push(text);
    else out.push({ type: 'link', href, content: [text] });
  }
  return out;
}

/** The inline content of any node, gathered from its descendants (for a node that must become a paragraph). */
function gatherInline(node: EditorNode): EditorNode[] {
  if (node.type === 'text') return [node];
  return (node.content ?? []).flatMap(gatherInline);
}

function toParagraph(node: EditorNode): Paragraph {
  return { type: 'paragraph', content: toInline(gatherInline(node)) };
}

function toTable(node: EditorNode): Table | null {
  const rows: Table['content'] = [];
  for (const row of node.content ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells = (row.content ?? [])
      .filter((cell) => cell.type === 'tableCell' || cell.type === 'tableHeader')
      .map((cell) => ({
        type: 'tableCell' as const,
        header: cell.type === 'tableHeader',
        content: (cell.content ?? []).map(toParagraph),
      }));
    if (cells.length > 0) rows.push({ type: 'tableRow', content: cells });
  }
  return rows.length > 0 ? { type: 'table', content: rows } : null;
}

/** Block nodes where lists may still nest `depth` more levels. */
function toBlocks(nodes: EditorNode[] | undefined, depth: number): ContentNode[] {
  const out: ContentNode[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
        out.push({ type: 'paragraph', content: toInline(node.content) });
        break;
      case 'heading':
        out.push({
          type: 'heading',
          level: headingLevel(node.attrs?.level),
          content: toInline(node.content),
        });
        break;
      case 'table': {
        const table = toTable(node);
        if (table) out.push(table);
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        if (depth === 0) {
          // Too deep: the items' content stays, without the list around it.
          for (const item of node.content ?? []) out.push(...toBlocks(item.content, 0));
          break;
        }
        const items: ListItem[] = [];
        for (const item of node.content ?? []) {
          if (item.type !== 'listItem') continue;
          const content = toBlocks(item.content, depth - 1);
          items.push({ type: 'listItem', content: content.length > 0 ? content : [emptyParagraph()] });
        }
        if (items.length > 0) out.push({ type: node.type, content: items });
        break;
      }
      default:
        // Outside the vocabulary (a blockquote, a code block pasted in): its text stays, as a paragraph.
        if (gatherInline(node).length > 0) out.push(toParagraph(node));
    }
  }
  return out;
}

function emptyParagraph(): Paragraph {
  return { type: 'paragraph', content: [] };
}

/** True when a section holds nothing a reader would see (an empty editor is one empty paragraph). */
export function isEmptySection(nodes: ContentNode[]): boolean {
  return nodes.every((n) => n.type === 'paragraph' && n.content.length === 0);
}

/** Tiptap's document JSON to a section's 0006 nodes; an editor holding only empty paragraphs is an empty section. */
export function fromEditor(doc: EditorNode): ContentNode[] {
  const nodes = toBlocks(doc.type === 'doc' ? doc.content : [doc], MAX_LIST_DEPTH);
  return isEmptySection(nodes) ? [] : nodes;
}

// ---------- 0006 to the editor ----------

function editorText(node: TextNode, href?: string): EditorNode {
  const marks: NonNullable<EditorNode['marks']> = (node.marks ?? []).map((type) => ({ type }));
  if (href) marks.push({ type: 'link', attrs: { href } });
  return marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
}

function editorInline(nodes: InlineNode[]): EditorNode[] {
  return nodes.flatMap((node) =>
    node.type === 'link' ? node.content.map((t) => editorText(t, node.href)) : [editorText(node)],
  );
}

function withContent(type: string, content: EditorNode[], attrs?: Record<string, unknown>): EditorNode {
  const node: EditorNode = { type };
  if (attrs) node.attrs = attrs;
  if (content.length > 0) node.content = content;
  return node;
}

function editorBlock(node: ContentNode): EditorNode {
  switch (node.type) {
    case 'paragraph':
      return withContent('paragraph', editorInline(node.content));
    case 'heading':
      return withContent('heading', editorInline(node.content), { level: node.level });
    case 'table':
      return {
        type: 'table',
        content: node.content.map((row) => ({
          type: 'tableRow',
          content: row.content.map((cell) => ({
            type: cell.header ? 'tableHeader' : 'tableCell',
            // A cell holds at least one paragraph in the editor.
            content:
              cell.content.length > 0
                ? cell.content.map((p) => withContent('paragraph', editorInline(p.content)))
                : [{ type: 'paragraph' }],
          })),
        })),
      };
    case 'bulletList':
    case 'orderedList':
      return {
        type: node.type,
        content: node.content.map((item) => {
          const blocks = item.content.map(editorBlock);
          // The editor's list item begins with a paragraph.
          if (blocks[0]?.type !== 'paragraph') blocks.unshift({ type: 'paragraph' });
          return { type: 'listItem', content: blocks };
        }),
      };
  }
}

/** A section's 0006 nodes to a Tiptap document; an empty section is one empty paragraph. */
export function toEditor(nodes: readonly ContentNode[]): EditorNode {
  const content = nodes.map(editorBlock);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

// ---------- plain text, for comparing versions ----------

function inlineText(nodes: InlineNode[]): string {
  return nodes.map((n) => (n.type === 'link' ? n.content.map((t) => t.text).join('') : n.text)).join('');
}

/** One line of a section as plain text: what kind of block it comes from, and its words. */
export interface TextLine {
  kind: 'paragraph' | 'heading' | 'listItem' | 'tableRow';
  /** list nesting (0 outside lists) */
  depth: number;
  text: string;
}

/** A section as lines of plain text, in reading order: a table row is one line, its cells joined by " | ". */
export function toLines(nodes: readonly unknown[], depth = 0): TextLine[] {
  const lines: TextLine[] = [];
  for (const raw of nodes) {
    const node = raw as ContentNode;
    switch (node.type) {
      case 'paragraph':
        lines.push({ kind: depth > 0 ? 'listItem' : 'paragraph', depth, text: inlineText(node.content) });
        break;
      case 'heading':
        lines.push({ kind: 'heading', depth, text: inlineText(node.content) });
        break;
      case 'table':
        for (const row of node.content) {
          const cells = row.content.map((c) => c.content.map((p) => inlineText(p.content)).join(' '));
          lines.push({ kind: 'tableRow', depth, text: cells.join(' | ') });
        }
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of node.content) lines.push(...toLines(item.content, depth + 1));
        break;
    }
  }
  return lines;
}
