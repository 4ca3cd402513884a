import { Table } from '@digdir/designsystemet-react';
import type { ReactElement, ReactNode } from 'react';
import { Paging, type PagingProps } from './Paging.tsx';

interface ListTableProps {
  /** read by screen readers only; the page's heading says it to everyone else */
  caption: string;
  /** the header cells' texts, in column order */
  columns: string[];
  /** the rows: Table.Row elements */
  children: ReactNode;
  /** the page under the table, for a list the server pages */
  paging?: PagingProps;
  'data-testid'?: string;
  zebra?: boolean;
}

/** A list page's table: sideways scrolling on narrow screens, a caption, the header row, then paging. */
export function ListTable({
  caption,
  columns,
  children,
  paging,
  'data-testid': testId,
  zebra,
}: ListTableProps): ReactElement {
  return (
    <>
      <div className="table-scroll">
        <Table data-testid={testId} zebra={zebra}>
          <caption className="ds-sr-only">{caption}</caption>
          <Table.Head>
            <Table.Row>
              {columns.map((column) => (
                <Table.HeaderCell key={column}>{column}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>{children}</Table.Body>
        </Table>
      </div>
      {paging ? <Paging {...paging} /> : null}
    </>
  );
}
