import { Button, Table } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationStats, StatsDrillDown } from '../../../../contracts/deviation-stats.ts';
import { useFormatters } from '../../../format.ts';
import { useRowLabel } from './labels.ts';

/** A number that opens the list of the cases behind it. */
function CountLink({
  value,
  drillDown,
  overdue,
  what,
}: {
  value: number;
  drillDown: StatsDrillDown | null;
  overdue?: boolean;
  what: string;
}): ReactNode {
  const { t } = useTranslation();
  const { number } = useFormatters();
  if (value === 0 || !drillDown) return number(value);
  const search = overdue ? { ...drillDown, overdue: 'true' as const } : drillDown;
  return (
    <Link to="/deviations" search={search}>
      {number(value)}
      <span className="ds-sr-only">
        {' '}
        {overdue ? t('stats.table.showOverdue', { what }) : t('stats.table.showCases', { what })}
      </span>
    </Link>
  );
}

/** The numbers of the chart, as a table: the accessible alternative, and the way into each list. */
export function StatsTable({
  stats,
  caption,
  onSplitUnit,
}: {
  stats: DeviationStats;
  caption: string;
  /** by unit: show this unit's own sub-units as the rows */
  onSplitUnit?: (unitId: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const labelOf = useRowLabel();
  const days = (value: number | null): string => (value === null ? '–' : number(value));
  const totalLabel = t('stats.table.total');
  return (
    <div className="table-scroll">
      <Table zebra data-size="sm" className="mt-4 stats-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t(`stats.groupBy.${stats.groupBy}`)}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('stats.table.count')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('stats.table.open')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('stats.table.overdue')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('stats.table.closed')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('stats.table.median')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {stats.rows.map((row) => {
            const label = labelOf(stats, row);
            return (
              <Table.Row key={row.key}>
                <Table.HeaderCell scope="row">
                  {label}
                  {stats.groupBy === 'unit' && row.key !== stats.totals.drillDown.unitId && onSplitUnit ? (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      className="stats-split"
                      onClick={() => onSplitUnit(row.key)}
                    >
                      {t('stats.table.split')}
                      <span className="ds-sr-only"> {label}</span>
                    </Button>
                  ) : null}
                </Table.HeaderCell>
                <Table.Cell className="num">
                  <CountLink value={row.count} drillDown={row.drillDown} what={label} />
                </Table.Cell>
                <Table.Cell className="num">{number(row.open)}</Table.Cell>
                <Table.Cell className="num">
                  <CountLink value={row.overdue} drillDown={row.drillDown} overdue what={label} />
                </Table.Cell>
                <Table.Cell className="num">{number(row.closed)}</Table.Cell>
                <Table.Cell className="num">{days(row.medianHandlingDays)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{totalLabel}</Table.HeaderCell>
            <Table.Cell className="num">
              <CountLink value={stats.totals.count} drillDown={stats.totals.drillDown} what={totalLabel} />
            </Table.Cell>
            <Table.Cell className="num">{number(stats.totals.open)}</Table.Cell>
            <Table.Cell className="num">
              <CountLink
                value={stats.totals.overdue}
                drillDown={stats.totals.drillDown}
                overdue
                what={totalLabel}
              />
            </Table.Cell>
            <Table.Cell className="num">{number(stats.totals.closed)}</Table.Cell>
            <Table.Cell className="num">{days(stats.totals.medianHandlingDays)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </div>
  );
}
