import { allMessageKeys, type Lang, t } from '../../platform/i18n.ts';
import './messages.ts';

/** The only params an e-mail may carry: never a narrative, a reason, a person or a patient. */
export const mailSafeParams = ['number', 'body', 'type', 'unit'] as const;

export function pickMailSafe(params: Record<string, string>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const key of mailSafeParams) {
    const value = params[key];
    if (value !== undefined) safe[key] = value;
  }
  return safe;
}

function hasKey(lang: Lang, key: string): boolean {
  return allMessageKeys()[lang].includes(key);
}

/** A template line, or null when it needs a param that was not given (so no "{by}" shows). */
function line(lang: Lang, key: string, params: Record<string, string>): string | null {
  if (!hasKey(lang, key)) return null;
  const text = t(lang, key, params);
  return /\{\w+\}/.test(text) ? null : text;
}

export function renderTitle(lang: Lang, kind: string, params: Record<string, string>): string {
  return t(lang, `notification.${kind}.title`, pickMailSafe(params));
}

/** The in-app detail: the kind's own line, then a reason or a body's instructions when given. */
export function renderDetail(lang: Lang, kind: string, params: Record<string, string>): string | null {
  const lines = [
    line(lang, `notification.${kind}.detail`, params),
    params.reason ? line(lang, 'notification.reason', params) : null,
    params.instructions ? line(lang, 'notification.instructions', params) : null,
  ].filter((l): l is string => l !== null);
  return lines.length > 0 ? lines.join(' ') : null;
}

/**
 * Where the web app shows the thing a notification is about. The reporter reads the feedback on
 * their own report's page; everyone else works the case.
 */
export function linkFor(kind: string, entityType: string | null, entityId: string | null): string | null {
  if (entityType === 'document' && entityId) return `/documents/${entityId}`;
  if (entityType !== 'deviation' || !entityId) return null;
  return kind === 'deviation.closed' ? `/my-reports/${entityId}` : `/deviations/${entityId}`;
}
