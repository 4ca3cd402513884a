import { Button, Table, Textfield } from '@digdir/designsystemet-react';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deviation } from '../../../../contracts/deviations.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { type FieldErrors, SelectInput, TextInput, useForm } from '../../../components/form.tsx';
import { errorMessage } from '../../../components/QueryState.tsx';
import { TableSection } from '../../../components/TableSection.tsx';
import { useFormatters } from '../../../format.ts';
import { useMe } from '../../../session.ts';
import { handlingApi, useDeviationPeople } from '../api.ts';
import { OverdueMark } from '../inbox/marks.tsx';
import { CaseForm } from './CaseForm.tsx';
import { useCase, useCaseChange } from './caseContext.ts';

type CaseAction = Deviation['actions'][number];

function AddActionForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const formId = 'case-action';
  const [q, setQ] = useState('');
  const people = useDeviationPeople(q, false);
  const form = useForm({ title: '', ownerId: '', dueOn: '' });
  const labels = {
    title: t('cases.actions.what'),
    ownerId: t('cases.actions.owner'),
    dueOn: t('cases.actions.due'),
  };
  const clientErrors: FieldErrors = {};
  if (!form.values.title.trim()) clientErrors.title = t('validation.required');
  if (!form.values.ownerId) clientErrors.ownerId = t('validation.choose');
  if (!form.values.dueOn) clientErrors.dueOn = t('validation.required');
  const onSubmit = form.submit(async () => {
    await change(() => handlingApi.addAction(deviation.id, form.values));
    onDone();
  }, clientErrors);
  const options = (people.data?.items ?? []).slice(0, 50).map((p) => ({
    value: p.id,
    label: [p.name, p.profession].filter(Boolean).join(', '),
  }));
  return (
    <CaseForm
      formId={formId}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={t('cases.actions.add')}
      onCancel={onCancel}
    >
      <TextInput formId={formId} {...form.field('title')} label={labels.title} required />
      <Textfield
        id={`${formId}-owner-search`}
        label={t('cases.actions.ownerSearch')}
        value={q}
        onChange={(event) => setQ(event.target.value)}
        autoComplete="off"
      />
      <SelectInput
        formId={formId}
        {...form.field('ownerId')}
        label={labels.ownerId}
        placeholder={people.isPending ? t('common.loading') : t('form.choose')}
        options={options}
        required
      />
      <TextInput formId={formId} {...form.field('dueOn')} type="date" label={labels.dueOn} required />
    </CaseForm>
  );
}

function MarkDone({ action }: { action: CaseAction }): ReactElement {
  const { t } = useTranslation();
  const change = useCaseChange();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        data-size="sm"
        loading={busy}
        aria-label={t('cases.actions.markDoneNamed', { title: action.title })}
        onClick={() => {
          setBusy(true);
          setFailure(null);
          change(() => handlingApi.updateAction(action.id, { status: 'done' }))
            .catch((error: unknown) => setFailure(errorMessage(error, t('common.errorUnknown'))))
            .finally(() => setBusy(false));
        }}
      >
        {t('cases.actions.markDone')}
      </Button>
      {failure ? (
        <span role="alert" className="text-danger small">
          {failure}
        </span>
      ) : null}
    </>
  );
}

/** The actions decided for the case: what, who, by when, and whether done. */
export function ActionsSection(): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const me = useMe();
  const { deviation } = useCase();
  const [adding, setAdding] = useState(false);
  const mayAdd = deviation.allowedActions.includes('add_action');
  return (
    <TableSection
      id="case-actions"
      title={t('cases.actions.title')}
      addLabel={t('cases.actions.addButton')}
      onAdd={mayAdd ? () => setAdding(true) : null}
      empty={deviation.actions.length === 0 ? t('cases.actions.empty') : null}
      head={
        <>
          <Table.HeaderCell>{t('cases.actions.what')}</Table.HeaderCell>
          <Table.HeaderCell>{t('cases.actions.owner')}</Table.HeaderCell>
          <Table.HeaderCell>{t('cases.actions.due')}</Table.HeaderCell>
          <Table.HeaderCell>{t('cases.actions.status')}</Table.HeaderCell>
        </>
      }
      dialog={
        <FormDialog open={adding} onClose={() => setAdding(false)} title={t('cases.actions.addTitle')}>
          <AddActionForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
        </FormDialog>
      }
    >
      {deviation.actions.map((action) => (
        <Table.Row key={action.id}>
          <Table.Cell className="break">{action.title}</Table.Cell>
          <Table.Cell>{action.owner.name}</Table.Cell>
          <Table.Cell className="nowrap">
            {f.date(action.dueOn)}
            {action.overdue ? (
              <div>
                <OverdueMark />
              </div>
            ) : null}
          </Table.Cell>
          <Table.Cell>
            <div>{t(`cases.actions.state.${action.status}`)}</div>
            {action.status === 'open' && (mayAdd || action.owner.id === me.person.id) ? (
              <MarkDone action={action} />
            ) : null}
          </Table.Cell>
        </Table.Row>
      ))}
    </TableSection>
  );
}
