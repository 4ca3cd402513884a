import { Button, Table } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UnitContact, type UnitDetail, unitContactBody } from '../../../../contracts/organisation.ts';
import { EditRemoveActions, FormDialog } from '../../../components/dialogs.tsx';
import { FormShell, orNull, SelectInput, TextInput, useForm, validate } from '../../../components/form.tsx';
import { TableSection } from '../../../components/TableSection.tsx';
import { keys, organisationApi, organisationsQuery } from '../api.ts';

interface ContactFormProps {
  unitId: string;
  contact: UnitContact | null;
  onDone: () => void;
  onCancel: () => void;
}

function ContactForm({ unitId, contact, onDone, onCancel }: ContactFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQuery);
  const formId = 'contact';
  const form = useForm({
    organisationId: contact?.organisationId ?? '',
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
  });
  const labels = {
    organisationId: t('contact.organisation'),
    name: t('contact.name'),
    role: t('contact.role'),
    email: t('contact.email'),
    phone: t('contact.phone'),
  };
  const body = {
    organisationId: form.values.organisationId,
    name: form.values.name,
    role: form.values.role,
    email: orNull(form.values.email),
    phone: orNull(form.values.phone),
  };
  const checked = validate(unitContactBody, body, t);
  const onSubmit = form.submit(
    async () => {
      if (contact) await organisationApi.updateContact(contact.id, body);
      else await organisationApi.addContact(unitId, body);
      await queryClient.invalidateQueries({ queryKey: keys.unit(unitId) });
      onDone();
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <SelectInput
        formId={formId}
        {...form.field('organisationId')}
        label={labels.organisationId}
        placeholder={organisations.isPending ? t('common.loading') : t('form.choose')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
        required
      />
      <TextInput formId={formId} {...form.field('name')} label={labels.name} autoComplete="off" required />
      <TextInput
        formId={formId}
        {...form.field('role')}
        label={labels.role}
        description={t('contact.roleHelp')}
        required
      />
      <TextInput
        formId={formId}
        {...form.field('email')}
        type="email"
        label={labels.email}
        autoComplete="off"
      />
      <TextInput
        formId={formId}
        {...form.field('phone')}
        type="tel"
        label={labels.phone}
        autoComplete="off"
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {contact ? t('common.save') : t('contact.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}

export function ContactsSection({ unit, canEdit }: { unit: UnitDetail; canEdit: boolean }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<UnitContact | 'new' | null>(null);

  return (
    <TableSection
      id="unit-contacts"
      title={t('unit.contacts')}
      addLabel={t('contact.add')}
      onAdd={canEdit ? () => setEditing('new') : null}
      empty={unit.contacts.length === 0 ? t('unit.noContacts') : null}
      head={
        <>
          <Table.HeaderCell>{t('contact.name')}</Table.HeaderCell>
          <Table.HeaderCell>{t('contact.role')}</Table.HeaderCell>
          <Table.HeaderCell className="hide-narrow">{t('contact.organisation')}</Table.HeaderCell>
          <Table.HeaderCell>{t('contact.reach')}</Table.HeaderCell>
          {canEdit ? <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell> : null}
        </>
      }
      dialog={
        <FormDialog
          open={editing !== null}
          onClose={() => setEditing(null)}
          title={editing === 'new' || editing === null ? t('contact.addTitle') : t('contact.editTitle')}
        >
          <ContactForm
            key={editing === 'new' || editing === null ? 'new' : editing.id}
            unitId={unit.id}
            contact={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        </FormDialog>
      }
    >
      {unit.contacts.map((contact) => (
        <Table.Row key={contact.id}>
          <Table.Cell>{contact.name}</Table.Cell>
          <Table.Cell>{contact.role}</Table.Cell>
          <Table.Cell className="hide-narrow">{contact.organisationName}</Table.Cell>
          <Table.Cell>{[contact.email, contact.phone].filter(Boolean).join(', ') || '–'}</Table.Cell>
          {canEdit ? (
            <Table.Cell>
              <EditRemoveActions
                name={contact.name}
                onEdit={() => setEditing(contact)}
                removeTitle={t('contact.removeTitle')}
                removeText={t('contact.removeConfirm', { name: contact.name, unit: unit.name })}
                onRemove={async () => {
                  await organisationApi.removeContact(contact.id);
                  await queryClient.invalidateQueries({ queryKey: keys.unit(unit.id) });
                }}
              />
            </Table.Cell>
          ) : null}
        </Table.Row>
      ))}
    </TableSection>
  );
}
