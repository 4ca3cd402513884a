import { Button } from '@digdir/designsystemet-react';
import { type FormEvent, type ReactElement, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Option, SelectInput, TextInput, useForm } from '../../../components/form.tsx';
import { useMe } from '../../../session.ts';
import { useDeviationConfig, useReportUnits } from '../api.ts';
import type { StatsSearch } from './search.ts';

const statuses = ['submitted', 'in_handling', 'escalated', 'resolved', 'closed'] as const;
const openStatuses = 'submitted,in_handling,escalated';

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
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'nb' || i18n.language === 'en' ? i18n.language : 'sv';
  const me = useMe();
  const config = useDeviationConfig();
  const units = useReportUnits(true);
  const form = useForm<FilterValues>(valuesOf(search));
  const formId = 'stats-filters';

  // biome-ignore lint/correctness/useExhaustiveDependencies: the fields follow the URL (links, back button)
  useEffect(() => form.reset(valuesOf(search)), [JSON.stringify(valuesOf(search))]);

  // Every node of the tree, areas too: a filter on an area counts everything under it.
  const categoryOptions = useMemo((): Option[] => {
    const categories = config.data?.categories ?? [];
    const byId = new Map(categories.map((c) => [c.id, c]));
    const pathOf = (id: string | null): string[] => {
      const node = id ? byId.get(id) : undefined;
      return node ? [...pathOf(node.parentId), node.name[language] || node.name.sv] : [];
    };
    return categories
      .filter((c) => !form.values.entryId || c.entryId === form.values.entryId)
      .map((c) => ({ value: c.id, label: pathOf(c.id).join(' › ') }));
  }, [config.data, form.values.entryId, language]);

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
      <TextInput
        formId={formId}
        {...form.field('from')}
        type="date"
        label={t('stats.filters.from')}
        hideOptional
      />
      <TextInput
        formId={formId}
        {...form.field('to')}
        type="date"
        label={t('stats.filters.to')}
        hideOptional
      />
      <SelectInput
        formId={formId}
        {...form.field('entryId')}
        onChange={(event) => {
          form.set('entryId', event.target.value);
          form.set('categoryId', '');
        }}
        label={t('stats.filters.entry')}
        placeholder={t('stats.filters.any')}
        options={(config.data?.entries ?? []).map((e) => ({
          value: e.id,
          label: e.name[language] || e.name.sv,
        }))}
      />
      <SelectInput
        formId={formId}
        {...form.field('categoryId')}
        label={t('stats.filters.category')}
        placeholder={t('stats.filters.any')}
        options={categoryOptions}
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
        options={[
          { value: openStatuses, label: t('stats.filters.open') },
          ...statuses.map((s) => ({ value: s, label: t(`stats.status.${s}`) })),
        ]}
      />
      <div className="filters__buttons">
        <Button type="submit">{t('stats.filters.apply')}</Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            onApply({
              from: undefined,
              to: undefined,
              entryId: undefined,
              categoryId: undefined,
              unitId: undefined,
              status: undefined,
            })
          }
        >
          {t('stats.filters.clear')}
        </Button>
      </div>
    </form>
  );
}
