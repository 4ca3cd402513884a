import { Button, Table } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type UnitAssignment,
  type UnitDetail,
  unitAssignmentBody,
} from '../../../../contracts/organisation.ts';
import { EditRemoveActions, FormDialog } from '../../../components/dialogs.tsx';
import { FormShell, orNull, TextArea, TextInput, useForm, validate } from '../../../components/form.tsx';
import { TableSection } from '../../../components/TableSection.tsx';
import { useFormatters } from '../../../format.ts';
import { keys, organisationApi } from '../api.ts';

interface AssignmentFormProps {
  unitId: string;
  assignment: UnitAssignment | null;
  onDone: () => void;
  onCancel: () => void;
}

function AssignmentForm({ unitId, assignment, onDone, onCancel }: AssignmentFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'assignment';
  const form = useForm({
    title: assignment?.title ?? '',
    description: assignment?.description ?? '',
    validFrom: assignment?.validFrom ?? '',
    validTo: assignment?.validTo ?? '',
  });
  const labels = {
    title: t('assignment.title'),
    description: t('assignment.description'),
    validFrom: t('assignment.validFrom'),
    validTo: t('assignment.validTo'),
  };
  const body = {
    title: form.values.title,
    description: orNull(form.values.description),
    validFrom: orNull(form.values.validFrom),
    validTo: orNull(form.values.validTo),
  };
  const checked = validate(unitAssignmentBody, body, t);
  const clientErrors = checked.ok ? {} : { ...checked.errors };
  if (body.validFrom && body.validTo && body.validTo < body.validFrom) {
    clientErrors.validTo = t('assignment.endBeforeStart');
  }
  const onSubmit = form.submit(async () => {
    if (assignment) await organisationApi.updateAssignment(assignment.id, body);
    else await organisationApi.addAssignment(unitId, body);
    await queryClient.invalidateQueries({ queryKey: keys.unit(unitId) });
    onDone();
  }, clientErrors);

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <TextInput
        formId={formId}
        {...form.field('title')}
        label={labels.title}
        description={t('assignment.titleHelp')}
        required
      />
      <TextArea formId={formId} {...form.field('description')} label={labels.description} rows={3} />
      <div className="field-pair">
        <TextInput formId={formId} {...form.field('validFrom')} type="date" label={labels.validFrom} />
        <TextInput formId={formId} {...form.field('validTo')} type="date" label={labels.validTo} />
      </div>
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {assignment ? t('common.save') : t('assignment.add')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}

export function AssignmentsSection({ unit, canEdit }: { unit: UnitDetail; canEdit: boolean }): ReactElement {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<UnitAssignment | 'new' | null>(null);

  return (
    <TableSection
      id="unit-assignments"
      title={t('unit.assignments')}
      addLabel={t('assignment.add')}
      onAdd={canEdit ? () => setEditing('new') : null}
      empty={unit.assignments.length === 0 ? t('unit.noAssignments') : null}
      head={
        <>
          <Table.HeaderCell>{t('assignment.title')}</Table.HeaderCell>
          <Table.HeaderCell className="hide-narrow">{t('assignment.description')}</Table.HeaderCell>
          <Table.HeaderCell>{t('assignment.period')}</Table.HeaderCell>
          {canEdit ? <Table.HeaderCell>{t('common.actions')}</Table.HeaderCell> : null}
        </>
      }
      dialog={
        <FormDialog
          open={editing !== null}
          onClose={() => setEditing(null)}
          title={editing === 'new' || editing === null ? t('assignment.addTitle') : t('assignment.editTitle')}
        >
          <AssignmentForm
            key={editing === 'new' || editing === null ? 'new' : editing.id}
            unitId={unit.id}
            assignment={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        </FormDialog>
      }
    >
      {unit.assignments.map((assignment) => (
        <Table.Row key={assignment.id}>
          <Table.Cell>{assignment.title}</Table.Cell>
          <Table.Cell className="hide-narrow">{assignment.description ?? '–'}</Table.Cell>
          <Table.Cell>
            {assignment.validFrom || assignment.validTo
              ? `${assignment.validFrom ? date(assignment.validFrom) : '…'} – ${
                  assignment.validTo ? date(assignment.validTo) : '…'
                }`
              : t('assignment.noPeriod')}
          </Table.Cell>
          {canEdit ? (
            <Table.Cell>
              <EditRemoveActions
                name={assignment.title}
                onEdit={() => setEditing(assignment)}
                removeTitle={t('assignment.removeTitle')}
                removeText={t('assignment.removeConfirm', {
                  title: assignment.title,
                  unit: unit.name,
                })}
                onRemove={async () => {
                  await organisationApi.removeAssignment(assignment.id);
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
