import { Button, Switch } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AdminConfigEntry,
  createConfigEntryBody,
  updateConfigEntryBody,
} from '../../../../contracts/deviation-config-admin.ts';
import { FormShell, useForm, validate } from '../../../components/form.tsx';
import { configApi, refreshConfig } from './api.ts';
import { emptyTextValues, NumberInput, TextFields, textBody, textLabels, textValues } from './fields.tsx';

interface EntryFormProps {
  /** the entry to change; none adds a new one */
  entry?: AdminConfigEntry;
  onDone: (entry: AdminConfigEntry) => void;
  onCancel?: () => void;
}

/** An entry's key, names, help, order and whether reporters see it. */
export function EntryForm({ entry, onDone, onCancel }: EntryFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = entry ? 'edit-entry' : 'create-entry';
  const form = useForm({ ...(entry ? textValues(entry) : emptyTextValues), active: entry?.active ?? true });
  const labels = { ...textLabels(t), active: t('deviationConfig.active') };
  const body = { ...textBody(form.values), active: form.values.active };
  const checked = validate(entry ? updateConfigEntryBody : createConfigEntryBody, body, t);
  const onSubmit = form.submit(
    async () => {
      const saved = entry ? await configApi.updateEntry(entry.id, body) : await configApi.createEntry(body);
      await refreshConfig(queryClient);
      onDone(saved);
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextFields formId={formId} field={form.field} labels={labels} />
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
        checked={form.values.active}
        onChange={(event) => form.set('active', event.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {entry ? t('common.save') : t('deviationConfig.createEntry')}
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
