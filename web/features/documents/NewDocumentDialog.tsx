import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentTemplate } from '../../../contracts/documents.ts';
import { FormDialog } from '../../components/dialogs.tsx';
import { type FieldErrors, fieldId, useForm } from '../../components/form.tsx';
import { documentApi, documentChanged, useDocumentTemplates } from './api.ts';
import {
  DocumentDialogForm,
  PeopleAndAudienceFields,
  peopleAndAudienceLabels,
  under,
} from './DocumentFields.tsx';
import type { PeopleAndAudience } from './details.ts';

const FORM_ID = 'new-document';

/** The templates grouped under their document types, as option groups. */
function TemplateSelect({
  templates,
  value,
  onChange,
  error,
}: {
  templates: DocumentTemplate[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}): ReactElement {
  const { t } = useTranslation();
  const id = fieldId(FORM_ID, 'templateId');
  const groups = new Map<string, { label: string; items: DocumentTemplate[] }>();
  for (const tpl of templates) {
    const group = groups.get(tpl.type.id) ?? { label: tpl.type.label, items: [] };
    group.items.push(tpl);
    groups.set(tpl.type.id, group);
  }
  return (
    <Field>
      <Label htmlFor={id}>{t('documents.new.template')}</Label>
      <Select
        id={id}
        name="templateId"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
      >
        <Select.Option value="">{t('form.choose')}</Select.Option>
        {[...groups.entries()].map(([typeId, group]) => (
          <Select.Optgroup key={typeId} label={group.label}>
            {group.items.map((tpl) => (
              <Select.Option key={tpl.id} value={tpl.id}>
                {tpl.label}
              </Select.Option>
            ))}
          </Select.Optgroup>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

function NewDocumentForm({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const templates = useDocumentTemplates();
  const form = useForm({ templateId: '', title: '' });
  const [people, setPeople] = useState<PeopleAndAudience>({
    approver: null,
    reviewers: [],
    audienceUnitIds: [],
    audienceProfessions: [],
  });
  const activeTemplates = (templates.data?.items ?? []).filter((tpl) => tpl.active && tpl.type.active);

  const labels = {
    templateId: t('documents.new.template'),
    title: t('documents.new.title'),
    ...peopleAndAudienceLabels(t),
  };
  const clientErrors: FieldErrors = {};
  if (!form.values.templateId) clientErrors.templateId = t('validation.choose');
  if (!form.values.title.trim()) clientErrors.title = t('validation.required');

  const onSubmit = form.submit(async () => {
    const created = await documentApi.create({
      templateId: form.values.templateId,
      title: form.values.title.trim(),
      approverId: people.approver?.id ?? null,
      reviewerIds: people.reviewers.map((r) => r.id),
      audienceUnitIds: people.audienceUnitIds,
      audienceProfessions: people.audienceProfessions,
    });
    await documentChanged(queryClient, created);
    onClose();
    await navigate({ to: '/documents/$id/edit', params: { id: created.id } });
  }, clientErrors);

  return (
    <DocumentDialogForm
      formId={FORM_ID}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      submitLabel={t('documents.new.create')}
      onCancel={onClose}
      beforeTitle={
        <TemplateSelect
          templates={activeTemplates}
          value={form.values.templateId}
          onChange={(id) => form.set('templateId', id)}
          error={under(form.errors, 'templateId')}
        />
      }
    >
      <PeopleAndAudienceFields formId={FORM_ID} value={people} onChange={setPeople} errors={form.errors} />
    </DocumentDialogForm>
  );
}

/** "New document": a template, a title and the people and audience; then on to writing it. */
export function NewDocumentDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <FormDialog open={open} onClose={onClose} title={t('documents.new.heading')}>
      <NewDocumentForm onClose={onClose} />
    </FormDialog>
  );
}
