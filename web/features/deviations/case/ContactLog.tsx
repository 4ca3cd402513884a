import { Table } from '@digdir/designsystemet-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { createContactBody } from '../../../../contracts/deviations.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { type FieldErrors, SelectInput, TextArea, TextInput, useForm } from '../../../components/form.tsx';
import { TableSection } from '../../../components/TableSection.tsx';
import { useFormatters } from '../../../format.ts';
import { handlingApi, useUnitContacts } from '../api.ts';
import { CaseForm } from './CaseForm.tsx';
import { useCase, useCaseChange } from './caseContext.ts';

const channels = ['phone', 'email', 'meeting', 'letter', 'other'] as const;
/** the choice "someone else": name and organisation typed in */
const anyone = 'other';

function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function ContactForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const { contacts, pending } = useUnitContacts(deviation.unit.id);
  const formId = 'case-contact';
  const form = useForm({
    unitContactId: '',
    counterpartName: '',
    counterpartOrganisation: '',
    contactedOn: today(),
    channel: 'phone',
    summary: '',
    outcome: '',
  });
  const v = form.values;
  const isAnyone = v.unitContactId === anyone;
  const labels = {
    unitContactId: t('cases.contacts.who'),
    counterpartName: t('cases.contacts.name'),
    counterpartOrganisation: t('cases.contacts.organisation'),
    contactedOn: t('cases.contacts.date'),
    channel: t('cases.contacts.channel'),
    summary: t('cases.contacts.summary'),
    outcome: t('cases.contacts.outcome'),
  };
  const clientErrors: FieldErrors = {};
  if (!v.unitContactId) clientErrors.unitContactId = t('validation.choose');
  if (isAnyone && !v.counterpartName.trim()) clientErrors.counterpartName = t('validation.required');
  if (!v.contactedOn) clientErrors.contactedOn = t('validation.required');
  if (!v.summary.trim()) clientErrors.summary = t('validation.required');
  const body: z.input<typeof createContactBody> = {
    ...(isAnyone
      ? {
          counterpartName: v.counterpartName,
          ...(v.counterpartOrganisation.trim() ? { counterpartOrganisation: v.counterpartOrganisation } : {}),
        }
      : { unitContactId: v.unitContactId }),
    contactedOn: v.contactedOn,
    channel: v.channel as (typeof channels)[number],
    summary: v.summary,
    ...(v.outcome.trim() ? { outcome: v.outcome } : {}),
  };
  const onSubmit = form.submit(async () => {
    await change(() => handlingApi.logContact(deviation.id, body));
    onDone();
  }, clientErrors);

  return (
    <CaseForm
      formId={formId}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={t('cases.contacts.add')}
      onCancel={onCancel}
    >
      <SelectInput
        formId={formId}
        {...form.field('unitContactId')}
        label={labels.unitContactId}
        placeholder={pending ? t('common.loading') : t('form.choose')}
        options={[
          ...contacts.map((c) => ({ value: c.id, label: `${c.name} – ${c.role}, ${c.organisationName}` })),
          { value: anyone, label: t('cases.contacts.anyone') },
        ]}
        required
      />
      {isAnyone ? (
        <>
          <TextInput
            formId={formId}
            {...form.field('counterpartName')}
            label={labels.counterpartName}
            required
          />
          <TextInput
            formId={formId}
            {...form.field('counterpartOrganisation')}
            label={labels.counterpartOrganisation}
          />
        </>
      ) : null}
      <div className="field-pair">
        <TextInput
          formId={formId}
          {...form.field('contactedOn')}
          type="date"
          label={labels.contactedOn}
          required
        />
        <SelectInput
          formId={formId}
          {...form.field('channel')}
          label={labels.channel}
          options={channels.map((c) => ({ value: c, label: t(`cases.contacts.via.${c}`) }))}
          required
        />
      </div>
      <TextArea formId={formId} {...form.field('summary')} label={labels.summary} rows={4} required />
      <TextArea formId={formId} {...form.field('outcome')} label={labels.outcome} rows={3} />
    </CaseForm>
  );
}

/** Who the handler spoke with at the partner agencies, when, how, and what came of it. */
export function ContactLog(): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const { deviation } = useCase();
  const [adding, setAdding] = useState(false);
  return (
    <TableSection
      id="case-contacts"
      title={t('cases.contacts.title')}
      addLabel={t('cases.contacts.addButton')}
      onAdd={deviation.allowedActions.includes('log_contact') ? () => setAdding(true) : null}
      empty={deviation.contacts.length === 0 ? t('cases.contacts.empty') : null}
      head={
        <>
          <Table.HeaderCell>{t('cases.contacts.with')}</Table.HeaderCell>
          <Table.HeaderCell>{t('cases.contacts.when')}</Table.HeaderCell>
          <Table.HeaderCell>{t('cases.contacts.summary')}</Table.HeaderCell>
        </>
      }
      dialog={
        <FormDialog open={adding} onClose={() => setAdding(false)} title={t('cases.contacts.addTitle')}>
          <ContactForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
        </FormDialog>
      }
    >
      {deviation.contacts.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            <div>{c.counterpartName}</div>
            <div className="muted small">{c.counterpartOrganisation}</div>
          </Table.Cell>
          <Table.Cell className="nowrap">
            <div>{f.date(c.contactedOn)}</div>
            <div className="muted small">{t(`cases.contacts.via.${c.channel}`)}</div>
          </Table.Cell>
          <Table.Cell>
            <div className="prewrap">{c.summary}</div>
            {c.outcome ? (
              <div className="prewrap muted small">
                {t('cases.contacts.outcome')}: {c.outcome}
              </div>
            ) : null}
          </Table.Cell>
        </Table.Row>
      ))}
    </TableSection>
  );
}
