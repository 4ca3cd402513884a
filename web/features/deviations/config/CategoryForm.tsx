import { Button, Switch } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdminConfig,
  type AdminConfigCategory,
  createConfigCategoryBody,
  updateConfigCategoryBody,
} from '../../../../contracts/deviation-config-admin.ts';
import { FormShell, SelectInput, useForm, validate } from '../../../components/form.tsx';
import { useLocalized } from '../localized.ts';
import { configApi, refreshConfig } from './api.ts';
import { subtreeIds } from './configTree.ts';
import {
  emptyTextValues,
  NumberInput,
  TextFields,
  textBody,
  textLabels,
  textValues,
  toNumber,
} from './fields.tsx';

interface CategoryFormProps {
  config: AdminConfig;
  /** the node to change; or, to add one, the entry and the parent it goes under (null: top level) */
  target: { category: AdminConfigCategory } | { entryId: string; parentId: string | null };
  onDone: (category: AdminConfigCategory) => void;
  onCancel?: () => void;
}

const TOP = '';

/** An area's or type's names, help, settings for the reports filed under it, and place in the tree. */
export function CategoryForm({ config, target, onDone, onCancel }: CategoryFormProps): ReactElement {
  const { t } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const existing = 'category' in target ? target.category : undefined;
  const entryId = existing ? existing.entryId : 'entryId' in target ? target.entryId : '';
  const formId = existing ? 'edit-category' : 'create-category';
  const form = useForm({
    ...(existing ? textValues(existing) : emptyTextValues),
    parentId: (existing ? existing.parentId : 'parentId' in target ? target.parentId : null) ?? TOP,
    patientRelated: existing?.patientRelated ?? false,
    handlingDays: String(existing?.handlingDays ?? 30),
    triageDays: String(existing?.triageDays ?? 3),
    escalateReminderDays: String(existing?.escalateReminderDays ?? 3),
    companionEntryId: existing?.companionEntryId ?? '',
    active: existing?.active ?? true,
  });
  const labels = {
    ...textLabels(t),
    parentId: t('deviationConfig.parent'),
    patientRelated: t('deviationConfig.patientRelated'),
    handlingDays: t('deviationConfig.handlingDays'),
    triageDays: t('deviationConfig.triageDays'),
    escalateReminderDays: t('deviationConfig.escalateReminderDays'),
    companionEntryId: t('deviationConfig.companionEntry'),
    active: t('deviationConfig.active'),
  };
  const v = form.values;
  const fields = {
    ...textBody(v),
    parentId: v.parentId === TOP ? null : v.parentId,
    patientRelated: v.patientRelated,
    handlingDays: toNumber(v.handlingDays),
    triageDays: toNumber(v.triageDays),
    escalateReminderDays: toNumber(v.escalateReminderDays),
    companionEntryId: v.companionEntryId === '' ? null : v.companionEntryId,
    active: v.active,
  };
  const checked = existing
    ? validate(updateConfigCategoryBody, fields, t)
    : validate(createConfigCategoryBody, { ...fields, entryId }, t);
  const onSubmit = form.submit(
    async () => {
      const saved = existing
        ? await configApi.updateCategory(existing.id, fields)
        : await configApi.createCategory({ ...fields, entryId });
      await refreshConfig(queryClient);
      onDone(saved);
    },
    checked.ok ? undefined : checked.errors,
  );

  // A node moves within its entry, never under itself or what lies below it.
  const excluded = existing ? subtreeIds(config.categories, existing.id) : new Set<string>();
  const parentOptions = config.categories
    .filter((c) => c.entryId === entryId && !excluded.has(c.id))
    .map((c) => ({ value: c.id, label: pathLabel(config, c.id, localized) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const companionOptions = config.entries
    .filter((e) => e.id !== entryId)
    .map((e) => ({
      value: e.id,
      label: e.active ? localized(e.name) : `${localized(e.name)} (${t('deviationConfig.inactive')})`,
    }));

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextFields formId={formId} field={form.field} labels={labels} />
      <SelectInput
        formId={formId}
        {...form.field('parentId')}
        label={labels.parentId}
        placeholder={t('deviationConfig.topLevel')}
        options={parentOptions}
      />
      <Switch
        id={`${formId}-patientRelated`}
        label={labels.patientRelated}
        description={t('deviationConfig.patientRelatedHelp')}
        checked={v.patientRelated}
        onChange={(event) => form.set('patientRelated', event.target.checked)}
      />
      <NumberInput
        formId={formId}
        field={form.field('handlingDays')}
        label={labels.handlingDays}
        description={t('deviationConfig.handlingDaysHelp')}
        min={1}
        max={365}
      />
      <NumberInput
        formId={formId}
        field={form.field('triageDays')}
        label={labels.triageDays}
        description={t('deviationConfig.triageDaysHelp')}
        min={1}
        max={365}
      />
      <NumberInput
        formId={formId}
        field={form.field('escalateReminderDays')}
        label={labels.escalateReminderDays}
        description={t('deviationConfig.escalateReminderDaysHelp')}
        min={1}
        max={365}
      />
      <SelectInput
        formId={formId}
        {...form.field('companionEntryId')}
        label={labels.companionEntryId}
        placeholder={t('deviationConfig.noCompanion')}
        options={companionOptions}
      />
      <NumberInput
        formId={formId}
        field={form.field('sortOrder')}
        label={labels.sortOrder}
        description={t('deviationConfig.sortOrderHelp')}
        min={0}
        max={100000}
      />
      <Switch
        id={`${formId}-active`}
        label={labels.active}
        description={t('deviationConfig.activeHelp')}
        checked={v.active}
        onChange={(event) => form.set('active', event.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {existing ? t('common.save') : t('deviationConfig.createCategory')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </FormShell>
  );
}

/** "Läkemedel › Fel dos": a node's names from the top of its entry. */
export function pathLabel(
  config: AdminConfig,
  categoryId: string,
  localized: (text: AdminConfigCategory['name']) => string,
): string {
  const byId = new Map(config.categories.map((c) => [c.id, c]));
  const names: string[] = [];
  let current = byId.get(categoryId);
  for (let depth = 0; current && depth <= config.categories.length; depth++) {
    names.unshift(localized(current.name));
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' › ');
}
