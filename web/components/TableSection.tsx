import { Button, Heading, Table } from '@digdir/designsystemet-react';
import type { ReactElement, ReactNode } from 'react';
import { EmptyState } from './QueryState.tsx';

/**
 * A titled section holding one table: an "add" button when the viewer may add, the empty state when
 * there are no rows, and the table (its header cells and rows) otherwise.
 */
export function TableSection(props: {
  id: string;
  title: string;
  addLabel: string;
  /** shown when the viewer may add; null hides the button */
  onAdd: (() => void) | null;
  empty: string | null;
  head: ReactNode;
  /** a dialog the section opens (add, edit) */
  dialog?: ReactNode;
  children: ReactNode;
}): ReactElement {
  return (
    <section className="section" aria-labelledby={props.id}>
      <div className="section__header">
        <Heading level={3} data-size="xs" id={props.id}>
          {props.title}
        </Heading>
        {props.onAdd ? (
          <Button variant="secondary" data-size="sm" onClick={props.onAdd}>
            {props.addLabel}
          </Button>
        ) : null}
      </div>
      {props.empty !== null ? (
        <EmptyState>{props.empty}</EmptyState>
      ) : (
        <div className="table-scroll">
          <Table data-size="sm" className="mt-2">
            <Table.Head>
              <Table.Row>{props.head}</Table.Row>
            </Table.Head>
            <Table.Body>{props.children}</Table.Body>
          </Table>
        </div>
      )}
      {props.dialog}
    </section>
  );
}
