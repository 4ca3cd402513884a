import { Button, Switch } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type Body, bodyKindSchema, createBodyBody } from '../../../../contracts/organisation.ts';
import {
  FormShell,
  orNull,
  SelectInput,
  TextArea,
  TextInput,
  useForm,
  validate,
} from '../../../components/form.tsx';
import { useMe } from '../../../session.ts';
import { keys, organisationApi, organisationsQuery } from '../api.ts';

interface BodyFormProps {
  body: Body | null;
  onDone: (body: Body) => void;
  onCancel: () => void;
}

export function BodyForm({ body, onDone, onCancel }: BodyFormProps): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQuery);
  const formId = 'body';
  const form = useForm({
    organisationId: body?.organisationId ?? me.organisation.id,
    name: body?.name ?? '',
    kind: (body?.kind ?? 'committee') as string,
    description: body?.description ?? '',
    active: body?.active ?? true,
  });
  const labels = {
    organisationId: t('body.organisation'),
    name: t('body.name'),
    kind: t('body.kind'),
    description: t('body.description'),
  };
  const payload = {
    organisationId: form.values.organisationId,
    name: form.values.name,
    kind: form.values.kind,
    description: orNull(form.values.description),
  };
  const checked = validate(createBodyBody, payload, t);
  const onSubmit = form.submit(
    async () => {
      if (!checked.ok) return;
      const saved = body
        ? await organisationApi.updateBody(body.id, { ...checked.data, active: form.values.active })
        : await organisationApi.createBody(checked.data);
      await queryClient.invalidateQueries({ queryKey: keys.bodies });
      onDone(saved);
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextInput formId={formId} {...form.field('name')} label={labels.name} required />
      <div className="field-pair">
        <SelectInput
          formId={formId}
          {...form.field('kind')}
          label={labels.kind}
          options={bodyKindSchema.options.map((kind) => ({ value: kind, label: t(`bodyKind.${kind}`) }))}
          required
        />
        <SelectInput
          formId={formId}
          {...form.field('organisationId')}
          label={labels.organisationId}
          options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          required
        />
      </div>
      <TextArea formId={formId} {...form.field('description')} label={labels.description} rows={3} />
      {body ? (
        <Switch
          id={`${formId}-active`}
          label={t('body.active')}
          checked={form.values.active}
          onChange={(event) => form.set('active', event.target.checked)}
        />
      ) : null}
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {body ? t('common.save') : t('body.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}
