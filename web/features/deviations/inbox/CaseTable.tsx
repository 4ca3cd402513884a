import { Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationListItem } from '../../../../contracts/deviations.ts';
import { useFormatters } from '../../../format.ts';
import { useLocalized } from '../localized.ts';
import { OverdueMark, StatusBadge } from './marks.tsx';

interface CaseTableProps {
  caption: string;
  items: DeviationListItem[];
  busy: boolean;
  /** a first column, e.g. a checkbox on the unit meeting's list */
  lead?: { header: ReactNode; cell: (item: DeviationListItem) => ReactNode };
}

/**
 * Cases as a table. On a phone the secondary columns fold away and what matters (type, unit, due
 * date and who holds the case) is told under the number instead.
 */
export function CaseTable({ caption, items, busy, lead }: CaseTableProps): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const localized = useLocalized();
  return (
    <div className="table-scroll">
      <Table className="mt-2" zebra aria-busy={busy}>
        <caption className="ds-sr-only">{caption}</caption>
        <Table.Head>
          <Table.Row>
            {lead ? <Table.HeaderCell>{lead.header}</Table.HeaderCell> : null}
            <Table.HeaderCell>{t('cases.col.number')}</Table.HeaderCell>
            <Table.HeaderCell className="hide-narrow">{t('cases.col.type')}</Table.HeaderCell>
            <Table.HeaderCell className="hide-narrow">{t('cases.col.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('cases.col.status')}</Table.HeaderCell>
            <Table.HeaderCell className="hide-narrow">{t('cases.col.reported')}</Table.HeaderCell>
            <Table.HeaderCell className="hide-narrow">{t('cases.col.due')}</Table.HeaderCell>
            <Table.HeaderCell className="hide-narrow">{t('cases.col.holder')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              {lead ? <Table.Cell>{lead.cell(item)}</Table.Cell> : null}
              <Table.Cell>
                <Link to="/deviations/$id" params={{ id: item.id }} className="case-cell__number">
                  {item.number}
                </Link>
                <div className="small break">{item.excerpt}</div>
                <div className="muted small show-narrow">
                  {localized(item.categoryName)} · {item.unit.name} · {t('cases.col.due')}{' '}
                  {f.date(item.dueAt)}
                </div>
              </Table.Cell>
              <Table.Cell className="hide-narrow">
                <div>{localized(item.categoryName)}</div>
                <div className="muted small">{localized(item.entryName)}</div>
              </Table.Cell>
              <Table.Cell className="hide-narrow">{item.unit.name}</Table.Cell>
              <Table.Cell>
                <StatusBadge status={item.status} />
                {item.overdue ? (
                  <div className="mt-1">
                    <OverdueMark />
                  </div>
                ) : null}
              </Table.Cell>
              <Table.Cell className="hide-narrow nowrap">{f.date(item.reportedAt)}</Table.Cell>
              <Table.Cell className="hide-narrow nowrap">{f.date(item.dueAt)}</Table.Cell>
              <Table.Cell className="hide-narrow">
                {item.currentBody ? item.currentBody.name : item.handler.name}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
