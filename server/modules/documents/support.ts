import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import type { AuditContext } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSteward } from '../organisation/index.ts';
import { mayKeepDocumentConfig } from './policy.ts';
import type { documentTemplates, documentTypes, LocalizedText } from './tables.ts';
import './messages.ts';

export interface Change {
  actor: Actor;
  audit: AuditContext;
}

export const langs = ['sv', 'nb', 'en'] as const;

export function fieldError(
  code: string,
  kind: 'validation' | 'conflict' | 'not_found',
  path: string,
): AppError {
  return new AppError(code, kind, { fields: [{ path, key: code }] });
}

/** The organisation whose types and templates the actor keeps: their own, when they administer it. */
export async function keptOrganisation(tx: Db, actor: Actor): Promise<string> {
  assertKeeps(await mayKeep(tx, actor));
  return actor.organisationId;
}

export async function mayKeep(tx: Db, actor: Actor): Promise<boolean> {
  return mayKeepDocumentConfig(await loadSteward(tx, actor));
}

export function assertKeeps(allowed: boolean): void {
  if (!allowed) throw new AppError('document.admin_required', 'forbidden');
}

/** The values a PATCH actually gives (undefined means "leave as it is"). */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Names compare trimmed and case-insensitively, in each language on its own. */
export function sameText(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');
}

/** The first language in which `name` equals one of `others`, with its field path; null when none. */
export function clashingLanguage(name: LocalizedText, others: LocalizedText[]): string | null {
  for (const lang of langs) {
    if (others.some((other) => sameText(other[lang], name[lang]))) return `name.${lang}`;
  }
  return null;
}

/**
 * A type's or a template's name is unique within the organisation in each language (`self`, when
 * renamed, aside): the first language that clashes is a 409 `taken` on that name's field.
 */
export async function assertNameFree(
  tx: Db,
  kept: { table: typeof documentTypes | typeof documentTemplates; taken: string },
  organisationId: string,
  name: LocalizedText,
  self?: string,
): Promise<void> {
  const { table } = kept;
  const others = await tx
    .select({ name: table.name })
    .from(table)
    .where(and(eq(table.organisationId, organisationId), self ? ne(table.id, self) : undefined));
  const path = clashingLanguage(
    name,
    others.map((o) => o.name),
  );
  if (path) throw fieldError(kept.taken, 'conflict', path);
}
