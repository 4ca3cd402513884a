import { z } from 'zod';
import { usernameSchema } from '../../../contracts/organisation.ts';
import { type RoleName, roleNames } from '../../platform/access.ts';
import { isLang, type Lang } from '../../platform/i18n.ts';
import { type CsvRow, checkText, type ImportIssue } from './csv.ts';

// Reading a people CSV: the cells of one line, checked.

export const peopleCsvColumns = {
  required: ['username', 'name', 'email', 'organisation'],
  optional: ['profession', 'language', 'unit_external_id', 'role'],
} as const;

const emailSchema = z.email().max(320);

export interface PersonLine {
  line: number;
  username: string;
  details: { name: string; email: string; profession: string | null; organisationId: string };
  /** the organisation as the file names it, for messages */
  organisation: string;
  /** empty: keep the stored language (new people get Swedish) */
  language: Lang | null;
  role: { role: RoleName; unitExternalId: string } | null;
}

export function readLine(
  row: CsvRow,
  resolveOrganisation: (text: string) => { id: string } | null,
  issues: ImportIssue[],
): PersonLine {
  const { line } = row;
  const usernameText = checkText(row, 'username', { required: true, max: 64 }, issues);
  const username = usernameSchema.safeParse(usernameText);
  if (usernameText && !username.success) {
    issues.push({
      line,
      column: 'username',
      key: 'import.invalid_username',
      params: { value: usernameText },
    });
  }
  const name = checkText(row, 'name', { required: true, max: 200 }, issues);
  const email = checkText(row, 'email', { required: true, max: 320 }, issues);
  if (email && !emailSchema.safeParse(email).success) {
    issues.push({ line, column: 'email', key: 'import.invalid_email', params: { value: email } });
  }
  const profession = checkText(row, 'profession', { required: false, max: 100 }, issues);
  const language = checkText(row, 'language', { required: false, max: 10 }, issues).toLowerCase();
  if (language && !isLang(language)) {
    issues.push({ line, column: 'language', key: 'import.invalid_language', params: { value: language } });
  }
  const organisationText = checkText(row, 'organisation', { required: true, max: 200 }, issues);
  const organisation = organisationText ? resolveOrganisation(organisationText) : null;
  if (organisationText && !organisation) {
    issues.push({
      line,
      column: 'organisation',
      key: 'import.organisation_unknown',
      params: { value: organisationText },
    });
  }
  const role = checkText(row, 'role', { required: false, max: 50 }, issues);
  const isRole = (roleNames as readonly string[]).includes(role);
  if (role && !isRole) {
    issues.push({
      line,
      column: 'role',
      key: 'import.invalid_role',
      params: { value: role, allowed: roleNames.join(', ') },
    });
  }
  const unitExternalId = checkText(row, 'unit_external_id', { required: false, max: 64 }, issues);
  if ((role === '') !== (unitExternalId === '')) {
    issues.push({ line, column: role ? 'unit_external_id' : 'role', key: 'import.role_needs_unit' });
  }
  return {
    line,
    username: username.success ? username.data : usernameText,
    details: { name, email, profession: profession || null, organisationId: organisation?.id ?? '' },
    organisation: organisationText,
    language: isLang(language) ? language : null,
    role: isRole && unitExternalId ? { role: role as RoleName, unitExternalId } : null,
  };
}
