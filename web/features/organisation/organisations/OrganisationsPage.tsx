import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createOrganisationBody,
  type Organisation,
  organisationKindSchema,
} from '../../../../contracts/organisation.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { FormShell, orNull, SelectInput, TextInput, useForm, validate } from '../../../components/form.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { keys, organisationApi, organisationsQuery } from '../api.ts';

interface OrganisationFormProps {
  organisation: Organisation | null;
  onDone: () => void;
  onCancel: () => void;
}

function OrganisationForm({ organisation, onDone, onCancel }: OrganisationFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'organisation';
  const form = useForm({
    name: organisation?.name ?? '',
    kind: (organisation?.kind ?? 'agency') as string,
    orgNumber: organisation?.orgNumber ?? '',
  });
  const labels = {
    name: t('organisation.name'),
    kind: t('organisation.kind'),
    orgNumber: t('organisation.orgNumber'),
  };
  const body = { name: form.values.name, kind: form.values.kind, orgNumber: orNull(form.values.orgNumber) };
  const checked = validate(createOrganisationBody, body, t);
  const onSubmit = form.submit(
    async () => {
      if (!checked.ok) return;
      if (organisation) await organisationApi.updateOrganisation(organisation.id, checked.data);
      else await organisationApi.createOrganisation(checked.data);
      await queryClient.invalidateQueries({ queryKey: keys.organisations });
      onDone();
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextInput
        formId={formId}
        {...form.field('name')}
        label={labels.name}
        description={t('organisation.nameHelp')}
        required
      />
      <SelectInput
        formId={formId}
        {...form.field('kind')}
        label={labels.kind}
        options={organisationKindSchema.options.map((kind) => ({
          value: kind,
          label: t(`organisationKind.${kind}`),
        }))}
        required
      />
      <TextInput
        formId={formId}
        {...form.field('orgNumber')}
        label={labels.orgNumber}
        description={t('organisation.orgNumberHelp')}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {organisation ? t('common.save') : t('organisation.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}

export function OrganisationsPage(): ReactElement {
  const { t } = useTranslation();
  const organisations = useQuery(organisationsQuery);
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);

  return (
    <Page
      title={t('organisations.title')}
      lead={<Paragraph>{t('organisations.lead')}</Paragraph>}
      actions={<Button onClick={() => setEditing('new')}>{t('organisation.create')}</Button>}
    >
      <QueryState
        query={organisations}
        isEmpty={(data) => data.items.length === 0}
        empty={t('organisations.empty')}
      >
        {(data) => (
          <ListTable
            zebra
            caption={t('organisations.title')}
            columns={[
              t('organisation.name'),
              t('organisation.kind'),
              t('organisation.orgNumber'),
              t('common.actions'),
            ]}
          >
            {data.items.map((organisation) => (
              <Table.Row key={organisation.id}>
                <Table.Cell>{organisation.name}</Table.Cell>
                <Table.Cell>{t(`organisationKind.${organisation.kind}`)}</Table.Cell>
                <Table.Cell>{organisation.orgNumber ?? '–'}</Table.Cell>
                <Table.Cell>
                  {organisation.allowedActions.includes('edit') ? (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => setEditing(organisation)}
                      aria-label={t('common.editNamed', { name: organisation.name })}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </ListTable>
        )}
      </QueryState>
      <FormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' || editing === null ? t('organisation.createTitle') : t('organisation.editTitle')
        }
      >
        <OrganisationForm
          key={editing === 'new' || editing === null ? 'new' : editing.id}
          organisation={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
          onCancel={() => setEditing(null)}
        />
      </FormDialog>
    </Page>
  );
}
