import { Button, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createUnitBody,
  moveUnitBody,
  type Organisation,
  type Unit,
  type UnitDetail,
  updateUnitBody,
} from '../../../../contracts/organisation.ts';
import { FormShell, orNull, SelectInput, TextInput, useForm, validate } from '../../../components/form.tsx';
import { keys, organisationApi, refreshOrganisation } from '../api.ts';
import { unitOptions } from './unitTree.ts';

interface CreateUnitFormProps {
  /** the new unit's parent; null makes a root unit of the chosen organisation */
  parent: Unit | null;
  organisations: readonly Organisation[];
  onDone: (created: Unit) => void;
  onCancel: () => void;
}

export function CreateUnitForm({
  parent,
  organisations,
  onDone,
  onCancel,
}: CreateUnitFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'create-unit';
  const form = useForm({
    name: '',
    externalId: '',
    organisationId: parent?.organisationId ?? '',
  });
  const labels = {
    name: t('unit.name'),
    externalId: t('unit.externalId'),
    organisationId: t('unit.organisation'),
  };
  const body = {
    parentId: parent?.id ?? null,
    organisationId: form.values.organisationId,
    name: form.values.name,
    externalId: orNull(form.values.externalId),
  };
  const checked = validate(createUnitBody, body, t);
  const onSubmit = form.submit(
    async () => {
      const created = await organisationApi.createUnit(body);
      await refreshOrganisation(queryClient);
      onDone(created);
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      {parent ? (
        <Paragraph>{t('unit.createUnder', { parent: parent.name })}</Paragraph>
      ) : (
        <SelectInput
          formId={formId}
          {...form.field('organisationId')}
          label={labels.organisationId}
          placeholder={t('form.choose')}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          required
        />
      )}
      <TextInput formId={formId} {...form.field('name')} label={labels.name} required autoFocus />
      <TextInput
        formId={formId}
        {...form.field('externalId')}
        label={labels.externalId}
        description={t('unit.externalIdHelp')}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {t('unit.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}

interface EditUnitFormProps {
  unit: UnitDetail;
  onDone: () => void;
  onCancel: () => void;
}

export function EditUnitForm({ unit, onDone, onCancel }: EditUnitFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'edit-unit';
  const form = useForm({ name: unit.name, externalId: unit.externalId ?? '', active: unit.active });
  const labels = { name: t('unit.name'), externalId: t('unit.externalId'), active: t('unit.active') };
  const body = {
    name: form.values.name,
    externalId: orNull(form.values.externalId),
    active: form.values.active,
  };
  const checked = validate(updateUnitBody, body, t);
  const onSubmit = form.submit(
    async () => {
      await organisationApi.updateUnit(unit.id, body);
      await Promise.all([
        refreshOrganisation(queryClient),
        queryClient.invalidateQueries({ queryKey: keys.unit(unit.id) }),
      ]);
      onDone();
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextInput formId={formId} {...form.field('name')} label={labels.name} required autoFocus />
      <TextInput
        formId={formId}
        {...form.field('externalId')}
        label={labels.externalId}
        description={t('unit.externalIdHelp')}
      />
      <Switch
        id={`${formId}-active`}
        label={labels.active}
        description={t('unit.activeHelp')}
        checked={form.values.active}
        onChange={(event) => form.set('active', event.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}

interface MoveUnitFormProps {
  unit: UnitDetail;
  units: readonly Unit[];
  onDone: () => void;
  onCancel: () => void;
}

/** A unit can move under any unit of its organisation that is not itself or below it. */
export function MoveUnitForm({ unit, units, onDone, onCancel }: MoveUnitFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'move-unit';
  const form = useForm({ parentId: '' });
  const labels = { parentId: t('unit.newParent') };
  const options = unitOptions(
    units,
    (u) =>
      u.organisationId === unit.organisationId && u.id !== unit.parentId && !u.ancestorIds.includes(unit.id),
  );
  const checked = validate(moveUnitBody, form.values, t);
  const onSubmit = form.submit(
    async () => {
      await organisationApi.moveUnit(unit.id, form.values.parentId);
      await Promise.all([
        refreshOrganisation(queryClient),
        queryClient.invalidateQueries({ queryKey: keys.unit(unit.id) }),
      ]);
      onDone();
    },
    checked.ok ? undefined : { parentId: t('validation.choose') },
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <Paragraph>{t('unit.moveLead', { name: unit.name })}</Paragraph>
      <SelectInput
        formId={formId}
        {...form.field('parentId')}
        label={labels.parentId}
        placeholder={t('form.choose')}
        options={options}
        required
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {t('unit.move')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}
