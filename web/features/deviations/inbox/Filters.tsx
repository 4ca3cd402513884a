import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../../components/form.tsx';
import { useReportUnits } from '../api.ts';
import {
  DateRangeFields,
  EntryTypeFields,
  FilterButtons,
  statusOptions,
  useFilterForm,
} from '../filter-fields.tsx';
import type { DeviationsSearch, ListSort } from './search.ts';

interface FilterValues {
  status: string;
  entryId: string;
  categoryId: string;
  unitId: string;
  from: string;
  to: string;
  overdue: string;
  sort: string;
  order: string;
}

function valuesOf(search: DeviationsSearch): FilterValues {
  return {
    status: search.status ?? '',
    entryId: search.entryId ?? '',
    categoryId: search.categoryId ?? '',
    unitId: search.unitId ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
    overdue: search.overdue ?? '',
    sort: search.sort ?? 'reportedAt',
    order: search.order ?? 'desc',
  };
}

interface FiltersProps {
  search: DeviationsSearch;
  /** the filters as chosen; the page keeps the view and the search text */
  onApply: (filters: Partial<DeviationsSearch>) => void;
}

/** Filters and sorting for the case list; applied together, so the list does not jump on each choice. */
export function Filters({ search, onApply }: FiltersProps): ReactElement {
  const { t } = useTranslation();
  const units = useReportUnits(true);
  const form = useFilterForm<FilterValues>(valuesOf(search));
  const formId = 'case-filters';

  function apply(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const v = form.values;
    onApply({
      status: v.status || undefined,
      entryId: v.entryId || undefined,
      categoryId: v.categoryId || undefined,
      unitId: v.unitId || undefined,
      from: v.from || undefined,
      to: v.to || undefined,
      overdue: v.overdue === 'true' || v.overdue === 'false' ? v.overdue : undefined,
      sort: v.sort === 'reportedAt' ? undefined : (v.sort as ListSort),
      order: v.order === 'asc' ? 'asc' : undefined,
    });
  }

  return (
    <form id={formId} className="filters mt-2" onSubmit={apply} aria-label={t('cases.filter.label')}>
      <SelectInput
        formId={formId}
        {...form.field('status')}
        label={t('cases.filter.status')}
        placeholder={t('cases.filter.any')}
        options={statusOptions(t('cases.filter.open'), (s) => t(`cases.status.${s}`))}
      />
      <EntryTypeFields
        formId={formId}
        form={form}
        entryLabel={t('cases.filter.entry')}
        typeLabel={t('cases.filter.type')}
        anyLabel={t('cases.filter.any')}
        selectableOnly
      />
      <SelectInput
        formId={formId}
        {...form.field('unitId')}
        label={t('cases.filter.unit')}
        placeholder={t('cases.filter.any')}
        options={(units.data?.items ?? [])
          .filter((u) => u.active)
          .map((u) => ({ value: u.id, label: u.name }))}
      />
      <DateRangeFields
        formId={formId}
        form={form}
        fromLabel={t('cases.filter.from')}
        toLabel={t('cases.filter.to')}
      />
      <SelectInput
        formId={formId}
        {...form.field('overdue')}
        label={t('cases.filter.overdue')}
        placeholder={t('cases.filter.any')}
        options={[
          { value: 'true', label: t('cases.filter.overdueOnly') },
          { value: 'false', label: t('cases.filter.notOverdue') },
        ]}
      />
      <SelectInput
        formId={formId}
        {...form.field('sort')}
        label={t('cases.filter.sort')}
        options={[
          { value: 'reportedAt', label: t('cases.filter.sortReported') },
          { value: 'dueAt', label: t('cases.filter.sortDue') },
          { value: 'number', label: t('cases.filter.sortNumber') },
        ]}
      />
      <SelectInput
        formId={formId}
        {...form.field('order')}
        label={t('cases.filter.order')}
        options={[
          { value: 'desc', label: t('cases.filter.desc') },
          { value: 'asc', label: t('cases.filter.asc') },
        ]}
      />
      <FilterButtons
        applyLabel={t('cases.filter.apply')}
        clearLabel={t('cases.filter.clear')}
        onClear={() =>
          onApply({
            status: undefined,
            entryId: undefined,
            categoryId: undefined,
            unitId: undefined,
            from: undefined,
            to: undefined,
            overdue: undefined,
            sort: undefined,
            order: undefined,
          })
        }
      />
    </form>
  );
}
