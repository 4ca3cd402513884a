import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../components/form.tsx';
import { fieldId } from '../../../components/form.tsx';
import { useReportUnits } from '../api.ts';
import { FilePicker } from '../attachments/FilePicker.tsx';
import { type ReportDraft, toLocalInput } from './draft.ts';
import { maxLength, type NarrativeField } from './validate.ts';

export const FORM_ID = 'report';

export interface UnitOption {
  id: string;
  name: string;
}

interface DetailsStepProps {
  draft: ReportDraft;
  update: (patch: Partial<ReportDraft>) => void;
  patientIdentifier: string;
  onPatientIdentifier: (value: string) => void;
  ownUnits: UnitOption[];
  organisationId: string;
  errors: FieldErrors;
  /** the error summary, above the fields */
  summary: ReactNode;
  /** files to upload once the report exists; kept in memory only, never in the draft */
  files: File[];
  onFiles: (files: File[]) => void;
  submitting: boolean;
  onSubmit: () => void;
  onBack: () => void;
}

/** Step 3: what happened, when, where, what was done, and whether a patient was involved. */
export function DetailsStep(props: DetailsStepProps): ReactElement {
  const { draft, update, errors, ownUnits } = props;
  const { t } = useTranslation();
  const units = useReportUnits(true);
  const own = new Set(ownUnits.map((u) => u.id));
  const others = (units.data?.items ?? [])
    .filter((u) => u.active && u.organisationId === props.organisationId && !own.has(u.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  // Offered whenever a patient was involved, whatever the type: an organisational case (a late
  // certificate to Försäkringskassan) concerns one patient too, and its handler must know whom.
  const patientFieldShown = draft.patientInvolved;

  const narrative = (field: NarrativeField, label: string, rows: number, help?: string): ReactElement => (
    <Textfield
      multiline
      rows={rows}
      id={fieldId(FORM_ID, field)}
      name={field}
      label={
        field === 'description' ? (
          label
        ) : (
          <>
            {label} <span className="optional">({t('form.optional')})</span>
          </>
        )
      }
      description={help}
      required={field === 'description'}
      maxLength={maxLength[field]}
      value={draft[field]}
      error={errors[field]}
      onChange={(event) => update({ [field]: event.target.value })}
    />
  );

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {draft.companionOf ? (
        <Alert data-color="info">
          <Paragraph>{t('report.form.companion', { number: draft.companionOf.number })}</Paragraph>
        </Alert>
      ) : null}
      {props.summary}
      {narrative('description', t('report.form.description'), 5, t('report.form.descriptionHelp'))}
      <Textfield
        id={fieldId(FORM_ID, 'occurredAt')}
        name="occurredAt"
        type="datetime-local"
        label={t('report.form.occurredAt')}
        required
        max={toLocalInput(new Date())}
        value={draft.occurredAt}
        error={errors.occurredAt}
        onChange={(event) => update({ occurredAt: event.target.value })}
      />
      <Field>
        <Label htmlFor={fieldId(FORM_ID, 'unitId')}>{t('report.form.unit')}</Label>
        <Field.Description>{t('report.form.unitHelp')}</Field.Description>
        <Select
          id={fieldId(FORM_ID, 'unitId')}
          name="unitId"
          required
          value={draft.unitId}
          aria-invalid={errors.unitId ? true : undefined}
          onChange={(event) => update({ unitId: event.target.value })}
        >
          {draft.unitId === '' ? <Select.Option value="">{t('form.choose')}</Select.Option> : null}
          <Select.Optgroup label={t('report.form.ownUnits')}>
            {ownUnits.map((u) => (
              <Select.Option key={u.id} value={u.id}>
                {u.name}
              </Select.Option>
            ))}
          </Select.Optgroup>
          {others.length > 0 ? (
            <Select.Optgroup label={t('report.form.otherUnits')}>
              {others.map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ) : null}
        </Select>
        {errors.unitId ? <ValidationMessage>{errors.unitId}</ValidationMessage> : null}
      </Field>
      {narrative('immediateAction', t('report.form.immediateAction'), 3)}
      {narrative('suggestion', t('report.form.suggestion'), 3)}

      <Fieldset>
        <Fieldset.Legend>{t('report.form.patientLegend')}</Fieldset.Legend>
        <Checkbox
          id={fieldId(FORM_ID, 'patientInvolved')}
          label={t('report.form.patientInvolved')}
          checked={draft.patientInvolved}
          // No harm without a patient: unticking "involved" unticks "harmed".
          onChange={(event) =>
            update(
              event.target.checked
                ? { patientInvolved: true }
                : { patientInvolved: false, patientHarmed: false },
            )
          }
        />
        <Checkbox
          id={fieldId(FORM_ID, 'patientHarmed')}
          label={t('report.form.patientHarmed')}
          checked={draft.patientHarmed}
          onChange={(event) =>
            update(
              event.target.checked
                ? { patientHarmed: true, patientInvolved: true }
                : { patientHarmed: false },
            )
          }
        />
      </Fieldset>
      {patientFieldShown ? (
        <Textfield
          id={fieldId(FORM_ID, 'patientIdentifier')}
          name="patientIdentifier"
          label={
            <>
              {t('report.form.patientIdentifier')} <span className="optional">({t('form.optional')})</span>
            </>
          }
          description={t('report.form.patientIdentifierHelp')}
          autoComplete="off"
          maxLength={20}
          value={props.patientIdentifier}
          error={errors.patientIdentifier}
          onChange={(event) => props.onPatientIdentifier(event.target.value)}
        />
      ) : null}
      <FilePicker
        legend={
          <>
            {t('attachments.report.legend')} <span className="optional">({t('form.optional')})</span>
          </>
        }
        note={t('attachments.report.draftNote')}
        files={props.files}
        onFilesChange={props.onFiles}
        disabled={props.submitting}
      />
      <Checkbox
        id={fieldId(FORM_ID, 'reporterNameShared')}
        label={t('report.form.nameShared')}
        description={t('report.form.nameSharedHelp')}
        checked={draft.reporterNameShared}
        onChange={(event) => update({ reporterNameShared: event.target.checked })}
      />
      <div className="button-row">
        <Button type="button" variant="secondary" onClick={props.onBack}>
          {t('report.back')}
        </Button>
        <Button type="submit" loading={props.submitting}>
          {t('report.form.submit')}
        </Button>
      </div>
    </form>
  );
}
