import { type FormEvent, type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Option, SelectInput } from '../../../components/form.tsx';
import { useMe } from '../../../session.ts';
import { useReportUnits } from '../api.ts';
import {
  DateRangeFields,
  EntryTypeFields,
  FilterButtons,
  statusOptions,
  useFilterForm,
} from '../filter-fields.tsx';
import type { StatsSearch } from './search.ts';

interface FilterValues {
  from: string;
  to: string;
  entryId: string;
  categoryId: string;
  unitId: string;
  status: string;
}

function valuesOf(search: StatsSearch): FilterValues {
  return {
    from: search.from ?? '',
    to: search.to ?? '',
    entryId: search.entryId ?? '',
    categoryId: search.categoryId ?? '',
    unitId: search.unitId ?? '',
    status: search.status ?? '',
  };
}

/** The filters of the statistics, applied together so the numbers do not jump on each choice. */
export function StatsFilters({
  search,
  onApply,
}: {
  search: StatsSearch;
  onApply: (filters: Omit<StatsSearch, 'groupBy'>) => void;
}): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const units = useReportUnits(true);
  const form = useFilterForm<FilterValues>(valuesOf(search));
  const formId = 'stats-filters';

  // The units one may count: those one manages or coordinates, and everything under them.
  const unitOptions = useMemo((): Option[] => {
    const roots = new Set(
      me.roles.filter((r) => r.role === 'manager' || r.role === 'quality_coordinator').map((r) => r.unitId),
    );
    return (units.data?.items ?? [])
      .filter((u) => u.active && u.ancestorIds.some((id) => roots.has(id)))
      .map((u) => ({ value: u.id, label: u.name }));
  }, [me.roles, units.data]);

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const v = form.values;
    onApply({
      from: v.from || undefined,
      to: v.to || undefined,
      entryId: v.entryId || undefined,
      categoryId: v.categoryId || undefined,
      unitId: v.unitId || undefined,
      status: v.status || undefined,
    });
  }

  return (
    <form id={formId} className="filters mt-2" onSubmit={apply} aria-label={t('stats.filters.label')}>
      <DateRangeFields
        formId={formId}
        form={form}
        fromLabel={t('stats.filters.from')}
        toLabel={t('stats.filters.to')}
      />
      {/* Every node of the tree, areas too: a filter on an area counts everything under it. */}
      <EntryTypeFields
        formId={formId}
        form={form}
        entryLabel={t('stats.filters.entry')}
        typeLabel={t('stats.filters.category')}
        anyLabel={t('stats.filters.any')}
        selectableOnly={false}
      />
      <SelectInput
        formId={formId}
        {...form.field('unitId')}
        label={t('stats.filters.unit')}
        placeholder={t('stats.filters.allMine')}
        options={unitOptions}
      />
      <SelectInput
        formId={formId}
        {...form.field('status')}
        label={t('stats.filters.status')}
        placeholder={t('stats.filters.any')}
        options={statusOptions(t('stats.filters.open'), (s) => t(`stats.status.${s}`))}
      />
      <FilterButtons
        applyLabel={t('stats.filters.apply')}
        clearLabel={t('stats.filters.clear')}
        onClear={() =>
          onApply({
            from: undefined,
            to: undefined,
            entryId: undefined,
            categoryId: undefined,
            unitId: undefined,
            status: undefined,
          })
        }
      />
    </form>
  );
}
