import { Button, Fieldset } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PipelineStatus, pipelineStatuses } from '../../../contracts/document-reading.ts';
import type { Document } from '../../../contracts/documents.ts';
import { FormDialog } from '../../components/dialogs.tsx';
import { type FieldErrors, SelectInput, TextInput, useForm } from '../../components/form.tsx';
import { documentApi } from './api.ts';
import {
  DocumentDialogForm,
  PeopleAndAudienceFields,
  peopleAndAudienceLabels,
  under,
} from './DocumentFields.tsx';
import { changedDetails, detailsOf, mayEditDetails, type Named, type PeopleAndAudience } from './details.ts';
import { PersonSearch } from './PersonSearch.tsx';
import { reviewChanged } from './review/api.ts';
import { ConflictAlert, isConflict } from './review/conflict.tsx';

const FORM_ID = 'document-details';

function isPipelineStatus(value: string): value is PipelineStatus {
  return (pipelineStatuses as readonly string[]).includes(value);
}

/**
 * The details as they were when the dialog opened: a refetch behind the open dialog neither resets
 * what is being typed nor moves expectedVersion, so another's change meanwhile answers 409.
 */
function DetailsForm({
  document,
  onSaved,
  onCancel,
  onReload,
}: {
  document: Document;
  onSaved: (saved: Document | null) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}): ReactElement {
  const { t } = useTranslation();
  const [base] = useState(document);
  const [initial] = useState(() => detailsOf(base));
  const form = useForm({
    title: initial.title,
    reviewBy: initial.reviewBy,
    pipelineStatus: initial.pipelineStatus ?? '',
    plannedPublication: initial.plannedPublication,
  });
  const [owner, setOwner] = useState<Named>(initial.owner);
  const [people, setPeople] = useState<PeopleAndAudience>(initial);
  const [conflict, setConflict] = useState(false);
  const knowledgeSupport = base.pipelineStatus !== null;
  const labels = {
    title: t('documents.new.title'),
    ownerId: t('documents.header.owner'),
    ...peopleAndAudienceLabels(t),
    reviewBy: t('docDetails.reviewBy'),
    ...(knowledgeSupport
      ? {
          pipelineStatus: t('docDetails.pipelineStatus'),
          plannedPublication: t('knowledgeSupports.column.planned'),
        }
      : {}),
  };
  // The review-by day can be moved but not taken away (the title's emptiness the server tells).
  const clientErrors: FieldErrors = {};
  if (base.reviewBy !== null && !form.values.reviewBy) clientErrors.reviewBy = t('validation.date');

  async function save(): Promise<void> {
    const { pipelineStatus } = form.values;
    const body = changedDetails(base, {
      ...people,
      title: form.values.title,
      owner,
      reviewBy: form.values.reviewBy,
      pipelineStatus: isPipelineStatus(pipelineStatus) ? pipelineStatus : null,
      plannedPublication: form.values.plannedPublication,
    });
    if (!body) {
      await onSaved(null);
      return;
    }
    setConflict(false);
    try {
      await onSaved(await documentApi.update(base.id, body));
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
        return;
      }
      throw error;
    }
  }

  return (
    <DocumentDialogForm
      formId={FORM_ID}
      form={form}
      labels={labels}
      onSubmit={form.submit(save, clientErrors)}
      submitLabel={t('docDetails.save')}
      onCancel={onCancel}
      beforeTitle={conflict ? <ConflictAlert onReload={() => void onReload()} /> : null}
    >
      <PersonSearch
        formId={FORM_ID}
        name="ownerId"
        label={labels.ownerId}
        searchLabel={t('docDetails.ownerSearch')}
        value={owner}
        onChange={(person) => {
          if (person) setOwner(person);
        }}
        error={under(form.errors, 'ownerId')}
        placeholder={null}
      />
      <PeopleAndAudienceFields
        formId={FORM_ID}
        value={people}
        onChange={setPeople}
        errors={form.errors}
        approverPlaceholder={t('docDetails.noApprover')}
      />
      <TextInput
        formId={FORM_ID}
        type="date"
        {...form.field('reviewBy')}
        label={labels.reviewBy}
        required={base.reviewBy !== null}
      />
      {knowledgeSupport ? (
        <Fieldset>
          <Fieldset.Legend>{t('docDetails.pipeline')}</Fieldset.Legend>
          <SelectInput
            formId={FORM_ID}
            {...form.field('pipelineStatus')}
            label={t('docDetails.pipelineStatus')}
            options={pipelineStatuses.map((status) => ({
              value: status,
              label: t(`knowledgeSupports.status.${status}`),
            }))}
          />
          <TextInput
            formId={FORM_ID}
            type="date"
            {...form.field('plannedPublication')}
            label={t('knowledgeSupports.column.planned')}
          />
        </Fieldset>
      ) : null}
    </DocumentDialogForm>
  );
}

/**
 * "Edit details": the title, the people, the audience, the review-by day and, for a knowledge
 * support, where it stands in the pipeline. What was saved is told in the page's status line.
 */
export function EditDetailsButton({
  document,
  onSaved,
}: {
  document: Document;
  /** the sentence to announce, once the dialog has closed */
  onSaved: (message: string) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // A new form, from the document as it is now, each time the dialog opens or is reloaded.
  const [session, setSession] = useState(0);
  if (!mayEditDetails(document)) return null;
  return (
    <>
      <Button
        variant="secondary"
        data-testid="edit-details"
        onClick={() => {
          onSaved('');
          setSession((n) => n + 1);
          setOpen(true);
        }}
      >
        {t('docDetails.button')}
      </Button>
      <FormDialog open={open} onClose={() => setOpen(false)} title={t('docDetails.title')}>
        <DetailsForm
          key={session}
          document={document}
          onCancel={() => setOpen(false)}
          onReload={async () => {
            await reviewChanged(queryClient, document.id);
            setSession((n) => n + 1);
          }}
          onSaved={async (saved) => {
            setOpen(false);
            onSaved(saved ? t('docDetails.saved') : t('docDetails.unchanged'));
            if (!saved) return;
            await Promise.all([
              reviewChanged(queryClient, saved.id, saved),
              queryClient.invalidateQueries({ queryKey: ['knowledge-supports'] }),
            ]);
          }}
        />
      </FormDialog>
    </>
  );
}
