import { Table } from '@digdir/designsystemet-react';
import type { ReactElement, ReactNode } from 'react';
import type { Paged } from '../../contracts/common.ts';
import { Paging } from './Paging.tsx';

interface TableProps {
  /** read by screen readers only; the page's heading says it to everyone else */
  caption: string;
  /** the header cells' texts, in column order */
  columns: string[];
  /** the rows: Table.Row elements */
  children: ReactNode;
  'data-testid'?: string;
  zebra?: boolean;
}

/** For a list the server pages: its answer (the page under the table comes from it) and the page setter. */
interface PagedProps {
  paged: Paged<unknown>;
  onPage: (page: number) => void;
}

type ListTableProps = TableProps & (PagedProps | { paged?: undefined; onPage?: undefined });

/** A list page's table: sideways scrolling on narrow screens, a caption, the header row, then paging. */
export function ListTable({
  caption,
  columns,
  children,
  paged,
  onPage,
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
      {paged && onPage ? <Paging paged={paged} onPage={onPage} /> : null}
    </>
  );
}
