import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentTemplate } from '../../../contracts/documents.ts';
import { FormDialog } from '../../components/dialogs.tsx';
import { type FieldErrors, FormErrors, fieldId, TextInput, useForm } from '../../components/form.tsx';
import { documentApi, documentChanged, useDocumentTemplates, useUnits } from './api.ts';
import { type Named, PersonSearch } from './PersonSearch.tsx';
import { professionCodes, useProfessionLabel } from './parts.tsx';

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

/** The first server error under a path or any of its elements ("reviewerIds", "reviewerIds.2"). */
function under(errors: FieldErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

function NewDocumentForm({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const templates = useDocumentTemplates();
  const units = useUnits();
  const professionLabel = useProfessionLabel();
  const unitSelectId = useId();
  const form = useForm({ templateId: '', title: '', approverId: '' });
  const [reviewers, setReviewers] = useState<Named[]>([]);
  const [reviewerPick, setReviewerPick] = useState<Named | null>(null);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [unitPick, setUnitPick] = useState('');
  const [professions, setProfessions] = useState<string[]>([]);
  const activeTemplates = (templates.data?.items ?? []).filter((tpl) => tpl.active && tpl.type.active);
  const activeUnits = (units.data?.items ?? []).filter((u) => u.active);
  const unitName = (id: string): string => activeUnits.find((u) => u.id === id)?.name ?? id;

  const labels = {
    templateId: t('documents.new.template'),
    title: t('documents.new.title'),
    approverId: t('documents.new.approver'),
    reviewerIds: t('documents.new.reviewers'),
    audienceUnitIds: t('documents.new.units'),
    audienceProfessions: t('documents.new.professions'),
  };
  const clientErrors: FieldErrors = {};
  if (!form.values.templateId) clientErrors.templateId = t('validation.choose');
  if (!form.values.title.trim()) clientErrors.title = t('validation.required');
  // The summary links to one field per path: the server's "reviewerIds.0" is told as "reviewerIds".
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(form.errors)) {
    const top = path.split('.')[0] ?? path;
    if (!(top in errors)) errors[top] = message;
  }

  const onSubmit = form.submit(async () => {
    const created = await documentApi.create({
      templateId: form.values.templateId,
      title: form.values.title.trim(),
      approverId: form.values.approverId || null,
      reviewerIds: reviewers.map((r) => r.id),
      audienceUnitIds: unitIds,
      audienceProfessions: professions,
    });
    await documentChanged(queryClient, created);
    onClose();
    await navigate({ to: '/documents/$id/edit', params: { id: created.id } });
  }, clientErrors);

  return (
    <form id={FORM_ID} onSubmit={onSubmit} noValidate className="stack">
      <FormErrors
        formId={FORM_ID}
        errors={errors}
        general={form.general}
        attempt={form.attempt}
        labels={labels}
      />
      <TemplateSelect
        templates={activeTemplates}
        value={form.values.templateId}
        onChange={(id) => form.set('templateId', id)}
        error={errors.templateId}
      />
      <TextInput
        formId={FORM_ID}
        {...form.field('title')}
        error={errors.title}
        label={labels.title}
        required
      />
      <PersonSearch
        formId={FORM_ID}
        name="approverId"
        label={labels.approverId}
        searchLabel={t('documents.new.approverSearch')}
        value={form.values.approverId}
        onChange={(person) => form.set('approverId', person?.id ?? '')}
        error={under(form.errors, 'approverId')}
      />
      <Fieldset>
        <Fieldset.Legend>{labels.reviewerIds}</Fieldset.Legend>
        {reviewers.length > 0 ? (
          <ul className="doc-chosen">
            {reviewers.map((r) => (
              <li key={r.id}>
                {r.name}{' '}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('documents.new.removeNamed', { name: r.name })}
                  onClick={() => setReviewers((all) => all.filter((x) => x.id !== r.id))}
                >
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="inline-form">
          <PersonSearch
            formId={FORM_ID}
            name="reviewerIds"
            label={t('documents.new.reviewer')}
            searchLabel={t('documents.new.reviewerSearch')}
            value={reviewerPick?.id ?? ''}
            onChange={setReviewerPick}
            error={under(form.errors, 'reviewerIds')}
            exclude={reviewers.map((r) => r.id)}
          />
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={!reviewerPick}
            onClick={() => {
              const pick = reviewerPick;
              if (pick) setReviewers((all) => [...all, pick]);
              setReviewerPick(null);
            }}
          >
            {t('documents.new.addReviewer')}
          </Button>
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{labels.audienceUnitIds}</Fieldset.Legend>
        {unitIds.length > 0 ? (
          <ul className="doc-chosen">
            {unitIds.map((id) => (
              <li key={id}>
                {unitName(id)}{' '}
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-label={t('documents.new.removeNamed', { name: unitName(id) })}
                  onClick={() => setUnitIds((all) => all.filter((x) => x !== id))}
                >
                  {t('common.remove')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="inline-form">
          <Field>
            <Label htmlFor={fieldId(FORM_ID, 'audienceUnitIds')}>{t('documents.new.unit')}</Label>
            <Select
              id={fieldId(FORM_ID, 'audienceUnitIds')}
              aria-describedby={unitSelectId}
              value={unitPick}
              onChange={(event) => setUnitPick(event.target.value)}
              aria-invalid={under(form.errors, 'audienceUnitIds') ? true : undefined}
            >
              <Select.Option value="">{t('form.choose')}</Select.Option>
              {activeUnits
                .filter((u) => !unitIds.includes(u.id))
                .map((u) => (
                  <Select.Option key={u.id} value={u.id}>
                    {u.name}
                  </Select.Option>
                ))}
            </Select>
            {under(form.errors, 'audienceUnitIds') ? (
              <ValidationMessage id={unitSelectId}>{under(form.errors, 'audienceUnitIds')}</ValidationMessage>
            ) : null}
          </Field>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={!unitPick}
            onClick={() => {
              setUnitIds((all) => [...all, unitPick]);
              setUnitPick('');
            }}
          >
            {t('documents.new.addUnit')}
          </Button>
        </div>
      </Fieldset>
      <Fieldset id={fieldId(FORM_ID, 'audienceProfessions')}>
        <Fieldset.Legend>{labels.audienceProfessions}</Fieldset.Legend>
        <div className="doc-professions">
          {professionCodes.map((code) => (
            <Checkbox
              key={code}
              label={professionLabel(code)}
              value={code}
              checked={professions.includes(code)}
              onChange={(event) =>
                setProfessions((all) =>
                  event.target.checked ? [...all, code] : all.filter((c) => c !== code),
                )
              }
            />
          ))}
        </div>
        {under(form.errors, 'audienceProfessions') ? (
          <ValidationMessage>{under(form.errors, 'audienceProfessions')}</ValidationMessage>
        ) : null}
      </Fieldset>
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {t('documents.new.create')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
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
