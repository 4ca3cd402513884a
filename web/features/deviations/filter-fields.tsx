import { Button } from '@digdir/designsystemet-react';
import { type ReactElement, useEffect, useMemo } from 'react';
import { type FormState, type Option, SelectInput, TextInput, useForm } from '../../components/form.tsx';
import { useDeviationConfig } from './api.ts';
import { useLocalized } from './localized.ts';

// The fields the case list's filters and the statistics' filters share, so that both choose cases
// the same way (a statistics row drills down into the list). Each form keeps its own texts and order.

const statuses = ['submitted', 'in_handling', 'escalated', 'resolved', 'closed'] as const;
const openStatuses = 'submitted,in_handling,escalated';

/** A filter form whose fields follow the URL: a link or the back button changes them. */
export function useFilterForm<T extends object>(values: T): FormState<T> {
  const form = useForm<T>(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the URL's filters change
  useEffect(() => form.reset(values), [JSON.stringify(values)]);
  return form;
}

/** "Open" (every status still being handled), then each status on its own. */
export function statusOptions(openLabel: string, labelOf: (status: string) => string): Option[] {
  return [
    { value: openStatuses, label: openLabel },
    ...statuses.map((s) => ({ value: s, label: labelOf(s) })),
  ];
}

interface EntryTypeProps {
  formId: string;
  form: Pick<FormState<{ entryId: string; categoryId: string }>, 'values' | 'field' | 'set'>;
  entryLabel: string;
  typeLabel: string;
  anyLabel: string;
  /** only the types a report is filed under; otherwise every node, areas too (it counts all under it) */
  selectableOnly: boolean;
}

/** The entry, then the type as its path in the tree; choosing another entry clears the type. */
export function EntryTypeFields(props: EntryTypeProps): ReactElement {
  const { formId, form, selectableOnly } = props;
  const localized = useLocalized();
  const config = useDeviationConfig();
  const entryId = form.values.entryId;

  const categoryOptions = useMemo((): Option[] => {
    const categories = config.data?.categories ?? [];
    const byId = new Map(categories.map((c) => [c.id, c]));
    const pathOf = (id: string | null): string[] => {
      const node = id ? byId.get(id) : undefined;
      return node ? [...pathOf(node.parentId), localized(node.name)] : [];
    };
    return categories
      .filter((c) => (!selectableOnly || c.selectable) && (!entryId || c.entryId === entryId))
      .map((c) => ({ value: c.id, label: pathOf(c.id).join(' › ') }));
  }, [config.data, entryId, localized, selectableOnly]);

  return (
    <>
      <SelectInput
        formId={formId}
        {...form.field('entryId')}
        onChange={(event) => {
          form.set('entryId', event.target.value);
          form.set('categoryId', '');
        }}
        label={props.entryLabel}
        placeholder={props.anyLabel}
        options={(config.data?.entries ?? []).map((e) => ({ value: e.id, label: localized(e.name) }))}
      />
      <SelectInput
        formId={formId}
        {...form.field('categoryId')}
        label={props.typeLabel}
        placeholder={props.anyLabel}
        options={categoryOptions}
      />
    </>
  );
}

interface DateRangeProps {
  formId: string;
  form: Pick<FormState<{ from: string; to: string }>, 'field'>;
  fromLabel: string;
  toLabel: string;
}

/** Reported from and to, both days included. */
export function DateRangeFields({ formId, form, fromLabel, toLabel }: DateRangeProps): ReactElement {
  return (
    <>
      <TextInput formId={formId} {...form.field('from')} type="date" label={fromLabel} hideOptional />
      <TextInput formId={formId} {...form.field('to')} type="date" label={toLabel} hideOptional />
    </>
  );
}

/** Apply (the form's submit) and clear (every filter at once). */
export function FilterButtons(props: {
  applyLabel: string;
  clearLabel: string;
  onClear: () => void;
}): ReactElement {
  return (
    <div className="filters__buttons">
      <Button type="submit">{props.applyLabel}</Button>
      <Button type="button" variant="secondary" onClick={props.onClear}>
        {props.clearLabel}
      </Button>
    </div>
  );
}
