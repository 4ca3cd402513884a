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

/** A new action, or changes to one (what, who, by when). */
function ActionForm({
  action,
  onDone,
  onCancel,
}: {
  action?: CaseAction;
  onDone: () => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const formId = action ? `case-action-${action.id}` : 'case-action';
  const [q, setQ] = useState('');
  const people = useDeviationPeople(q, false);
  const form = useForm({
    title: action?.title ?? '',
    ownerId: action?.owner.id ?? '',
    dueOn: action?.dueOn ?? '',
  });
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
    await change(() =>
      action
        ? handlingApi.updateAction(action.id, { ...form.values, expectedVersion: deviation.version })
        : handlingApi.addAction(deviation.id, form.values),
    );
    onDone();
  }, clientErrors);
  const found = (people.data?.items ?? []).slice(0, 50).map((p) => ({
    value: p.id,
    label: [p.name, p.profession].filter(Boolean).join(', '),
  }));
  // The current owner stays choosable whatever the search shows.
  const options =
    action && !found.some((o) => o.value === action.owner.id)
      ? [{ value: action.owner.id, label: action.owner.name }, ...found]
      : found;
  return (
    <CaseForm
      formId={formId}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={action ? t('cases.actions.save') : t('cases.actions.add')}
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

/** One status change of an action: done, struck out, or open again. */
function StatusButton({
  action,
  status,
  label,
  namedLabel,
}: {
  action: CaseAction;
  status: CaseAction['status'];
  label: string;
  namedLabel: string;
}): ReactElement {
  const { t } = useTranslation();
  const { deviation } = useCase();
  const change = useCaseChange();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="secondary"
        data-size="sm"
        loading={busy}
        aria-label={namedLabel}
        onClick={() => {
          setBusy(true);
          setFailure(null);
          change(() => handlingApi.updateAction(action.id, { status, expectedVersion: deviation.version }))
            .catch((error: unknown) => setFailure(errorMessage(error, t('common.errorUnknown'))))
            .finally(() => setBusy(false));
        }}
      >
        {label}
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
  const [editing, setEditing] = useState<CaseAction | null>(null);
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
        <>
          <FormDialog open={adding} onClose={() => setAdding(false)} title={t('cases.actions.addTitle')}>
            <ActionForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} />
          </FormDialog>
          <FormDialog
            open={editing !== null}
            onClose={() => setEditing(null)}
            title={t('cases.actions.editTitle')}
          >
            {editing ? (
              <ActionForm
                key={editing.id}
                action={editing}
                onDone={() => setEditing(null)}
                onCancel={() => setEditing(null)}
              />
            ) : null}
          </FormDialog>
        </>
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
            <div className="action-buttons">
              {action.status === 'open' && (mayAdd || action.owner.id === me.person.id) ? (
                <StatusButton
                  action={action}
                  status="done"
                  label={t('cases.actions.markDone')}
                  namedLabel={t('cases.actions.markDoneNamed', { title: action.title })}
                />
              ) : null}
              {action.status === 'open' && mayAdd ? (
                <>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('cases.actions.editNamed', { title: action.title })}
                    onClick={() => setEditing(action)}
                  >
                    {t('cases.actions.edit')}
                  </Button>
                  <StatusButton
                    action={action}
                    status="cancelled"
                    label={t('cases.actions.strike')}
                    namedLabel={t('cases.actions.strikeNamed', { title: action.title })}
                  />
                </>
              ) : null}
              {action.status !== 'open' && mayAdd ? (
                <StatusButton
                  action={action}
                  status="open"
                  label={t('cases.actions.reopen')}
                  namedLabel={t('cases.actions.reopenNamed', { title: action.title })}
                />
              ) : null}
            </div>
          </Table.Cell>
        </Table.Row>
      ))}
    </TableSection>
  );
}
