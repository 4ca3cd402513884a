import type { TFunction } from 'i18next';
import { findPatientIdentifiers, parsePatientIdentifier } from '../../../../contracts/patient-identifiers.ts';
import type { FieldErrors } from '../../../components/form.tsx';
import type { ReportDraft } from './draft.ts';

/** The free-text fields: a patient identifier in any of them is refused (here live, and by the server). */
export const narrativeFields = ['description', 'immediateAction', 'suggestion'] as const;
export type NarrativeField = (typeof narrativeFields)[number];

/** Limits of the contract (createDeviationBody), so the browser stops typing where the server would refuse. */
export const maxLength: Record<NarrativeField, number> = {
  description: 5000,
  immediateAction: 2000,
  suggestion: 2000,
};

/** Flags an identifier as it is typed: the same check-digit test the server runs. */
export function identifierErrors(draft: ReportDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of narrativeFields) {
    if (findPatientIdentifiers(draft[field]).length > 0) errors[field] = t('report.form.identifierInText');
  }
  return errors;
}

/** datetime-local text as a Date, or null when it is not one. */
export function parseLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Everything the form can tell before sending; the server checks all of it again. */
export function detailErrors(
  draft: ReportDraft,
  patientIdentifier: string,
  patientFieldShown: boolean,
  t: TFunction,
  now: Date = new Date(),
): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.description.trim() === '') errors.description = t('validation.required');
  const occurred = parseLocal(draft.occurredAt);
  if (!occurred) errors.occurredAt = t('report.form.occurredInvalid');
  // A minute of slack: "now" was filled in when the form opened, to the minute.
  else if (occurred.getTime() > now.getTime() + 60_000) errors.occurredAt = t('report.form.occurredInFuture');
  if (draft.unitId === '') errors.unitId = t('validation.choose');
  if (patientFieldShown && patientIdentifier.trim() !== '' && !parsePatientIdentifier(patientIdentifier))
    errors.patientIdentifier = t('report.form.patientIdentifierInvalid');
  return { ...errors, ...identifierErrors(draft, t) };
}
