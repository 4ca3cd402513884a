import { Button, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationStats } from '../../../../contracts/deviation-stats.ts';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { exportUrl, useDeviationStats } from './api.ts';
import { useRowLabel } from './labels.ts';
import { StatsChart } from './StatsChart.tsx';
import { StatsFilters } from './StatsFilters.tsx';
import { StatsTable } from './StatsTable.tsx';
import { groupings, type StatsSearch } from './search.ts';
import './stats.css';

function Results({
  stats,
  onSplitUnit,
}: {
  stats: DeviationStats;
  onSplitUnit: (unitId: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const labelOf = useRowLabel();
  const bars = useMemo(
    () => stats.rows.map((row) => ({ label: labelOf(stats, row), count: row.count })),
    [stats, labelOf],
  );
  const caption = t('stats.table.caption', { groupBy: t(`stats.groupBy.${stats.groupBy}`).toLowerCase() });
  return (
    <>
      <Paragraph role="status" className="mt-4">
        {t('stats.summary', { count: stats.totals.count })}
      </Paragraph>
      <StatsChart bars={bars} horizontal={stats.groupBy !== 'month'} seriesName={t('stats.table.count')} />
      <StatsTable stats={stats} caption={caption} onSplitUnit={onSplitUnit} />
      <Paragraph data-size="sm">{t('stats.medianNote')}</Paragraph>
    </>
  );
}

/** How common each kind of deviation is in the units one manages or coordinates: chart, table, files. */
export function StatsPage(): ReactElement {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/statistics' });
  const navigate = useNavigate({ from: '/statistics' });
  const stats = useDeviationStats(search);
  const groupBy = search.groupBy ?? 'entry';

  const setSearch = (next: StatsSearch): void => {
    void navigate({
      search: Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as StatsSearch,
    });
  };

  return (
    <Page
      title={t('stats.title')}
      lead={<Paragraph>{t('stats.lead')}</Paragraph>}
      actions={
        <>
          <Button asChild variant="secondary" data-size="sm">
            <a href={exportUrl(search, 'csv')} download>
              {t('stats.download.csv')}
            </a>
          </Button>
          <Button asChild variant="secondary" data-size="sm">
            <a href={exportUrl(search, 'xlsx')} download>
              {t('stats.download.xlsx')}
            </a>
          </Button>
        </>
      }
    >
      <StatsFilters
        search={search}
        onApply={(filters) => setSearch({ groupBy: search.groupBy, ...filters })}
      />
      <Field className="stats-grouping mt-4">
        <Label htmlFor="stats-group-by">{t('stats.groupBy.label')}</Label>
        <Select
          id="stats-group-by"
          value={groupBy}
          onChange={(event) => {
            const next = groupings.find((g) => g === event.target.value);
            setSearch({ ...search, groupBy: next === 'entry' ? undefined : next });
          }}
        >
          {groupings.map((g) => (
            <Select.Option key={g} value={g}>
              {t(`stats.groupBy.${g}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div aria-busy={stats.isFetching}>
        <QueryState query={stats} isEmpty={(data) => data.totals.count === 0} empty={t('stats.empty')}>
          {(data) => <Results stats={data} onSplitUnit={(unitId) => setSearch({ ...search, unitId })} />}
        </QueryState>
      </div>
    </Page>
  );
}
