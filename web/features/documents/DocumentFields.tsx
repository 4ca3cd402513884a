import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { type FormEvent, type ReactElement, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldErrors, FormErrors, type FormState, fieldId, TextInput } from '../../components/form.tsx';
import { useUnits } from './api.ts';
import type { Named, PeopleAndAudience } from './details.ts';
import { PersonSearch } from './PersonSearch.tsx';
import { professionCodes, useProfessionLabel } from './parts.tsx';

// The fields a document's people and audience are chosen with, shared by the new-document dialog and
// the "Edit details" dialog: a person found by searching, the reviewers, the audience units and the
// professions. Each takes the form's id, so the error summary can link to its input.

/** The first server error under a path or any of its elements ("reviewerIds", "reviewerIds.2"). */
export function under(errors: FieldErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

/** One error per field for the summary: the server's "reviewerIds.0" is told as "reviewerIds". */
export function errorsByField(errors: FieldErrors): FieldErrors {
  const byField: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const top = path.split('.')[0] ?? path;
    if (!(top in byField)) byField[top] = message;
  }
  return byField;
}

/**
 * A list field: what is chosen, each with its "Remove" button named for screen readers, then the
 * picker (the children) and its "Add" button, enabled once something is picked.
 */
function ChosenAndAdd({
  legend,
  chosen,
  onRemove,
  addLabel,
  onAdd,
  onAdded,
  children,
}: {
  legend: string;
  chosen: Named[];
  onRemove: (id: string) => void;
  addLabel: string;
  /** null while nothing is picked */
  onAdd: (() => void) | null;
  /** clears the picker */
  onAdded: () => void;
  children: ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {chosen.length > 0 ? (
        <ul className="doc-chosen">
          {chosen.map((item) => (
            <li key={item.id}>
              {item.name}{' '}
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-label={t('documents.new.removeNamed', { name: item.name })}
                onClick={() => onRemove(item.id)}
              >
                {t('common.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-form">
        {children}
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          disabled={!onAdd}
          onClick={() => {
            onAdd?.();
            onAdded();
          }}
        >
          {addLabel}
        </Button>
      </div>
    </Fieldset>
  );
}

/** A field holding a list: its form, the list, and the server's error for it. */
interface ListFieldProps<T> {
  formId: string;
  value: T[];
  onChange: (value: T[]) => void;
  error: string | undefined;
}

/** The reviewers: those chosen, and a search to add one more. */
function ReviewersField(props: ListFieldProps<Named>): ReactElement {
  const { formId, value: reviewers, onChange, error } = props;
  const { t } = useTranslation();
  const [pick, setPick] = useState<Named | null>(null);
  return (
    <ChosenAndAdd
      legend={t('documents.new.reviewers')}
      chosen={reviewers}
      onRemove={(id) => onChange(reviewers.filter((r) => r.id !== id))}
      addLabel={t('documents.new.addReviewer')}
      onAdd={pick ? () => onChange([...reviewers, pick]) : null}
      onAdded={() => setPick(null)}
    >
      <PersonSearch
        formId={formId}
        name="reviewerIds"
        label={t('documents.new.reviewer')}
        searchLabel={t('documents.new.reviewerSearch')}
        value={pick}
        onChange={setPick}
        error={error}
        exclude={reviewers.map((r) => r.id)}
      />
    </ChosenAndAdd>
  );
}

/** The units a document applies to: those chosen, and the organisation's active units to add. */
function AudienceUnitsField(props: ListFieldProps<string>): ReactElement {
  const { formId, value: unitIds, onChange, error } = props;
  const { t } = useTranslation();
  const units = useUnits();
  const messageId = useId();
  const [pick, setPick] = useState('');
  const all = units.data?.items ?? [];
  // A unit chosen earlier keeps its name even once deactivated; only active ones are offered.
  const unitName = (id: string): string =>
    all.find((u) => u.id === id)?.name ?? t('documents.header.unknownUnit');
  const selectId = fieldId(formId, 'audienceUnitIds');
  return (
    <ChosenAndAdd
      legend={t('documents.new.units')}
      chosen={unitIds.map((id) => ({ id, name: unitName(id) }))}
      onRemove={(id) => onChange(unitIds.filter((x) => x !== id))}
      addLabel={t('documents.new.addUnit')}
      onAdd={pick ? () => onChange([...unitIds, pick]) : null}
      onAdded={() => setPick('')}
    >
      <Field>
        <Label htmlFor={selectId}>{t('documents.new.unit')}</Label>
        <Select
          id={selectId}
          aria-describedby={error ? messageId : undefined}
          value={pick}
          onChange={(event) => setPick(event.target.value)}
          aria-invalid={error ? true : undefined}
        >
          <Select.Option value="">{t('form.choose')}</Select.Option>
          {all
            .filter((u) => u.active && !unitIds.includes(u.id))
            .map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name}
              </Select.Option>
            ))}
        </Select>
        {error ? <ValidationMessage id={messageId}>{error}</ValidationMessage> : null}
      </Field>
    </ChosenAndAdd>
  );
}

/** The professions a document applies to, as checkboxes. */
function ProfessionsField(props: ListFieldProps<string>): ReactElement {
  const { formId, value: professions, onChange, error } = props;
  const { t } = useTranslation();
  const professionLabel = useProfessionLabel();
  // A code stored outside the known list stays a choice, so editing does not drop it unseen.
  const codes = [
    ...professionCodes,
    ...professions.filter((c) => !(professionCodes as readonly string[]).includes(c)),
  ];
  return (
    <Fieldset id={fieldId(formId, 'audienceProfessions')}>
      <Fieldset.Legend>{t('documents.new.professions')}</Fieldset.Legend>
      <div className="doc-professions">
        {codes.map((code) => (
          <Checkbox
            key={code}
            label={professionLabel(code)}
            value={code}
            checked={professions.includes(code)}
            onChange={(event) =>
              onChange(event.target.checked ? [...professions, code] : professions.filter((c) => c !== code))
            }
          />
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** The labels of those fields by the request path, for the error summary. */
export function peopleAndAudienceLabels(t: TFunction): Record<string, string> {
  return {
    approverId: t('documents.new.approver'),
    reviewerIds: t('documents.new.reviewers'),
    audienceUnitIds: t('documents.new.units'),
    audienceProfessions: t('documents.new.professions'),
  };
}

/** The approver, the reviewers, the audience units and professions, each with its server error. */
export function PeopleAndAudienceFields({
  formId,
  value,
  onChange,
  errors,
  approverPlaceholder,
}: {
  formId: string;
  value: PeopleAndAudience;
  onChange: (value: PeopleAndAudience) => void;
  /** the server's errors by path ("reviewerIds.2") */
  errors: FieldErrors;
  approverPlaceholder?: string;
}): ReactElement {
  const { t } = useTranslation();
  // The request path each list is sent under, for its server error.
  const list = <K extends 'reviewers' | 'audienceUnitIds' | 'audienceProfessions'>(key: K, path: string) => ({
    formId,
    value: value[key],
    onChange: (next: PeopleAndAudience[K]) => onChange({ ...value, [key]: next }),
    error: under(errors, path),
  });
  return (
    <>
      <PersonSearch
        formId={formId}
        name="approverId"
        label={t('documents.new.approver')}
        searchLabel={t('documents.new.approverSearch')}
        value={value.approver}
        onChange={(approver) => onChange({ ...value, approver })}
        error={under(errors, 'approverId')}
        placeholder={approverPlaceholder}
      />
      <ReviewersField {...list('reviewers', 'reviewerIds')} />
      <AudienceUnitsField {...list('audienceUnitIds', 'audienceUnitIds')} />
      <ProfessionsField {...list('audienceProfessions', 'audienceProfessions')} />
    </>
  );
}

/**
 * The frame both document dialogs share: the error summary (its links in the fields' order, as the
 * labels are given), what comes before the title (the template, a conflict), the title, the other
 * fields, and the two buttons.
 */
export function DocumentDialogForm({
  formId,
  form,
  labels,
  onSubmit,
  submitLabel,
  onCancel,
  beforeTitle,
  children,
}: {
  formId: string;
  /** a form with a title among its text values */
  form: Pick<FormState<{ title: string }>, 'errors' | 'general' | 'attempt' | 'submitting'> & {
    field: (key: 'title') => ReturnType<FormState<{ title: string }>['field']>;
  };
  labels: Record<string, string>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  submitLabel: string;
  onCancel: () => void;
  beforeTitle?: ReactNode;
  children: ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  const errors = errorsByField(form.errors);
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="stack">
      <FormErrors
        formId={formId}
        errors={errors}
        general={form.general}
        attempt={form.attempt}
        labels={labels}
      />
      {beforeTitle}
      <TextInput
        formId={formId}
        {...form.field('title')}
        error={errors.title}
        label={labels.title ?? ''}
        required
      />
      {children}
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
