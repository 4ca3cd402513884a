import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { organisations, units } from './tables.ts';

// Lookups and record shapes shared by the use cases. Records are what use cases return; presenters
// turn them into API shapes.

export type UnitRecord = {
  id: string;
  organisationId: string;
  parentId: string | null;
  name: string;
  externalId: string | null;
  path: string;
  active: boolean;
};

export const unitColumns = {
  id: units.id,
  organisationId: units.organisationId,
  parentId: units.parentId,
  name: units.name,
  externalId: units.externalId,
  path: units.path,
  active: units.active,
};

export type OrganisationRecord = {
  id: string;
  name: string;
  kind: 'region' | 'municipality' | 'agency' | 'other';
  orgNumber: string | null;
};

export const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  orgNumber: organisations.orgNumber,
};

/**
 * An organisation's root unit: the one unit without a parent, created with the organisation. The
 * oldest wins should a legacy organisation have several.
 */
export async function findRootUnit(tx: Db, organisationId: string): Promise<UnitRecord | null> {
  const [row] = await tx
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.organisationId, organisationId), isNull(units.parentId)))
    .orderBy(asc(units.createdAt), asc(units.id))
    .limit(1);
  return row ?? null;
}

/** A reference in the request body that points at nothing: a 400 naming the field. */
export function missingReference(field: string, key: string): AppError {
  return new AppError(key, 'validation', { fields: [{ path: field, key }] });
}

/** An empty optional text means "none". */
export function blankToNull(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === null || value === '' ? null : value;
}

export async function findUnit(tx: Db, id: string): Promise<UnitRecord | null> {
  const [row] = await tx.select(unitColumns).from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function requireUnit(tx: Db, id: string): Promise<UnitRecord> {
  const unit = await findUnit(tx, id);
  if (!unit) throw new AppError('organisation.unit_not_found', 'not_found');
  return unit;
}

export async function findOrganisation(tx: Db, id: string): Promise<OrganisationRecord | null> {
  const [row] = await tx.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** The organisation named in a body field; a missing one is the caller's mistake, so a 400. */
export async function requireOrganisationRef(tx: Db, id: string, field: string): Promise<OrganisationRecord> {
  const organisation = await findOrganisation(tx, id);
  if (!organisation) throw missingReference(field, 'organisation.organisation_not_found');
  return organisation;
}

/**
 * Locks organisation rows, which serialises two kinds of change per organisation:
 * - its unit tree (create, move, deactivate, import): each reads parent paths and states and writes
 *   what derives from them, so two at once could leave a path or an active child that no longer fits;
 * - its administrators (deactivating one, taking the role away, appointing the first): each counts
 *   who is left, so two at once could both count the other and leave nobody.
 */
export async function lockOrganisations(tx: Db, organisationIds: string[]): Promise<void> {
  const ids = [...new Set(organisationIds)].sort();
  if (ids.length === 0) return;
  // Sorted, so two imports over the same organisations take the locks in the same order.
  await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(asc(organisations.id))
    // Not FOR UPDATE: inserting a unit or a person that refers to the organisation takes a key-share
    // lock on it, which this must neither wait for nor deadlock with.
    .for('no key update');
}

/** The ids on a materialised path, root first. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Splits a list for IN (...) queries and multi-row inserts, well under PostgreSQL's parameter limit. */
export function chunked<T>(items: readonly T[], size = 500): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Finds an organisation as a CSV file names it: by id, by exact name, or by name in any case. */
export async function organisationResolver(tx: Db): Promise<(text: string) => OrganisationRecord | null> {
  const all = await tx.select(organisationColumns).from(organisations);
  const byId = new Map(all.map((o) => [o.id, o]));
  const byName = new Map(all.map((o) => [o.name, o]));
  const byFoldedName = new Map(all.map((o) => [o.name.toLocaleLowerCase('sv'), o]));
  return (text) =>
    byId.get(text.toLowerCase()) ??
    byName.get(text) ??
    byFoldedName.get(text.toLocaleLowerCase('sv')) ??
    null;
}
