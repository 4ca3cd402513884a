import { Fragment, type ReactElement, type ReactNode } from 'react';
import { isSafeHref } from '../../../contracts/documents.ts';

// Decision 0006: a section's JSON nodes become React elements, one branch per node type of the closed
// vocabulary. Text is always a React text child (never markup), a link is followed only to http,
// https or mailto, and anything the vocabulary does not know is left out. No dangerouslySetInnerHTML.

type Raw = Record<string, unknown>;

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: Raw): Raw[] {
  return Array.isArray(node.content) ? node.content.filter(isRaw) : [];
}

/** A node's place among its siblings is its key: stored content has no ids and is never reordered on screen. */
function keyed(items: ReactNode[]): ReactNode[] {
  // biome-ignore lint/suspicious/noArrayIndexKey: the nodes have no identity; their order is fixed
  return items.map((item, i) => <Fragment key={i}>{item}</Fragment>);
}

function renderText(node: Raw): ReactNode {
  if (node.type !== 'text' || typeof node.text !== 'string') return null;
  const marks = Array.isArray(node.marks) ? node.marks : [];
  let out: ReactNode = node.text;
  if (marks.includes('italic')) out = <em>{out}</em>;
  if (marks.includes('bold')) out = <strong>{out}</strong>;
  return out;
}

function renderLink(node: Raw): ReactNode {
  const text = keyed(children(node).map(renderText));
  if (typeof node.href !== 'string' || !isSafeHref(node.href)) return text;
  return (
    <a href={node.href} rel="noopener noreferrer" target="_blank">
      {text}
    </a>
  );
}

function renderInline(nodes: Raw[]): ReactNode[] {
  return keyed(nodes.map((node) => (node.type === 'link' ? renderLink(node) : renderText(node))));
}

/** Content headings sit below the section's own heading: level 2 of the content is one level below it. */
function Heading({
  level,
  offset,
  children: inner,
}: {
  level: unknown;
  offset: number;
  children: ReactNode;
}) {
  const n = Math.min(6, Math.max(2, Number(level) || 2) + offset);
  const Tag = `h${n}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return <Tag className="doc-content__heading">{inner}</Tag>;
}

function renderListItem(item: Raw, offset: number): ReactNode {
  return <li>{renderBlocks(children(item), offset)}</li>;
}

function renderParagraph(node: Raw): ReactNode {
  return <p>{renderInline(children(node))}</p>;
}

function renderCell(cell: Raw): ReactNode {
  const inner = keyed(
    children(cell)
      .filter((p) => p.type === 'paragraph')
      .map(renderParagraph),
  );
  return cell.header === true ? <th>{inner}</th> : <td>{inner}</td>;
}

function renderRow(row: Raw): ReactNode {
  return (
    <tr>
      {keyed(
        children(row)
          .filter((cell) => cell.type === 'tableCell')
          .map(renderCell),
      )}
    </tr>
  );
}

function renderBlock(node: Raw, offset: number): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return renderParagraph(node);
    case 'heading':
      return (
        <Heading level={node.level} offset={offset}>
          {renderInline(children(node))}
        </Heading>
      );
    case 'bulletList':
    case 'orderedList': {
      const items = keyed(
        children(node)
          .filter((item) => item.type === 'listItem')
          .map((item) => renderListItem(item, offset)),
      );
      return node.type === 'bulletList' ? <ul>{items}</ul> : <ol>{items}</ol>;
    }
    case 'table':
      return (
        <div className="doc-content__table">
          <table>
            <tbody>
              {keyed(
                children(node)
                  .filter((row) => row.type === 'tableRow')
                  .map(renderRow),
              )}
            </tbody>
          </table>
        </div>
      );
    default:
      return null;
  }
}

function renderBlocks(nodes: Raw[], offset: number): ReactNode[] {
  return keyed(nodes.map((node) => renderBlock(node, offset)));
}

interface DocumentContentProps {
  /** one section's nodes as the server answers them */
  nodes: readonly unknown[];
  /** how many levels content headings move down (1: a content h2 is shown as h3 under the section's h2) */
  headingOffset?: number;
}

/** One section's content (decision 0006) as React elements. */
export function DocumentContent({ nodes, headingOffset = 1 }: DocumentContentProps): ReactElement {
  return <div className="doc-content">{renderBlocks(nodes.filter(isRaw), headingOffset)}</div>;
}
