import { Button } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactElement, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Option, SelectInput, TextInput, useForm } from '../../../components/form.tsx';
import { useDeviationConfig, useReportUnits } from '../api.ts';
import { useLocalized } from '../localized.ts';
import type { DeviationsSearch, ListSort } from './search.ts';

const statuses = ['submitted', 'in_handling', 'escalated', 'resolved', 'closed'] as const;
const openStatuses = 'submitted,in_handling,escalated';

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
  const localized = useLocalized();
  const config = useDeviationConfig();
  const units = useReportUnits(true);
  const form = useForm<FilterValues>(valuesOf(search));
  const formId = 'case-filters';

  // A link or the back button changes the URL: the fields follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the URL's filters change
  useEffect(() => form.reset(valuesOf(search)), [JSON.stringify(valuesOf(search))]);

  const categoryOptions = useMemo((): Option[] => {
    const categories = config.data?.categories ?? [];
    const byId = new Map(categories.map((c) => [c.id, c]));
    const pathOf = (id: string | null): string[] => {
      const node = id ? byId.get(id) : undefined;
      return node ? [...pathOf(node.parentId), localized(node.name)] : [];
    };
    return categories
      .filter((c) => c.selectable && (!form.values.entryId || c.entryId === form.values.entryId))
      .map((c) => ({ value: c.id, label: pathOf(c.id).join(' › ') }));
  }, [config.data, form.values.entryId, localized]);

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

  const statusOptions: Option[] = [
    { value: openStatuses, label: t('cases.filter.open') },
    ...statuses.map((s) => ({ value: s, label: t(`cases.status.${s}`) })),
  ];

  return (
    <form id={formId} className="filters mt-2" onSubmit={apply} aria-label={t('cases.filter.label')}>
      <SelectInput
        formId={formId}
        {...form.field('status')}
        label={t('cases.filter.status')}
        placeholder={t('cases.filter.any')}
        options={statusOptions}
      />
      <SelectInput
        formId={formId}
        {...form.field('entryId')}
        onChange={(event) => {
          form.set('entryId', event.target.value);
          form.set('categoryId', '');
        }}
        label={t('cases.filter.entry')}
        placeholder={t('cases.filter.any')}
        options={(config.data?.entries ?? []).map((e) => ({ value: e.id, label: localized(e.name) }))}
      />
      <SelectInput
        formId={formId}
        {...form.field('categoryId')}
        label={t('cases.filter.type')}
        placeholder={t('cases.filter.any')}
        options={categoryOptions}
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
      <TextInput
        formId={formId}
        {...form.field('from')}
        type="date"
        label={t('cases.filter.from')}
        hideOptional
      />
      <TextInput
        formId={formId}
        {...form.field('to')}
        type="date"
        label={t('cases.filter.to')}
        hideOptional
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
      <div className="filters__buttons">
        <Button type="submit">{t('cases.filter.apply')}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
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
        >
          {t('cases.filter.clear')}
        </Button>
      </div>
    </form>
  );
}
