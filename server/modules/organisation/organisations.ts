import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { mayManageOrganisation, type Steward } from './policy.ts';
import { blankToNull, type OrganisationRecord, organisationColumns } from './records.ts';
import { loadSteward } from './stewardship.ts';
import { organisations, units } from './tables.ts';

type OrganisationKind = OrganisationRecord['kind'];

export type OrganisationView = OrganisationRecord & { rootUnitId: string | null };

const rootUnitId = sql<string | null>`(select ${units.id} from ${units}
  where ${units.organisationId} = ${organisations.id} and ${units.parentId} is null
  order by ${units.createdAt}, ${units.id} limit 1)`;

async function loadOrganisations(tx: Db, id?: string): Promise<OrganisationView[]> {
  return tx
    .select({ ...organisationColumns, rootUnitId })
    .from(organisations)
    .where(id ? eq(organisations.id, id) : undefined)
    .orderBy(asc(organisations.name));
}

async function requireOrganisation(tx: Db, id: string): Promise<OrganisationView> {
  const [row] = await loadOrganisations(tx, id);
  if (!row) throw new AppError('organisation.organisation_not_found', 'not_found');
  return row;
}

export async function listOrganisations(
  options: { actor: Actor },
  tx: Db,
): Promise<{ items: OrganisationView[]; steward: Steward }> {
  return { items: await loadOrganisations(tx), steward: await loadSteward(tx, options.actor) };
}

async function assertNameFree(tx: Db, name: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.name, name), exceptId ? ne(organisations.id, exceptId) : undefined));
  if (clash) {
    throw new AppError('organisation.organisation_name_taken', 'conflict', {
      fields: [{ path: 'name', key: 'organisation.organisation_name_taken' }],
    });
  }
}

/**
 * A new organisation has no administrator yet, so it starts in the care of every organisation
 * administrator (policy.ts, rule 2) until one of them appoints its first.
 */
export async function createOrganisation(
  options: {
    actor: Actor;
    audit: AuditContext;
    name: string;
    kind: OrganisationKind;
    orgNumber?: string | null | undefined;
  },
  tx: Db,
): Promise<{ organisation: OrganisationView; steward: Steward }> {
  await assertNameFree(tx, options.name);
  const [row] = await tx
    .insert(organisations)
    .values({ name: options.name, kind: options.kind, orgNumber: blankToNull(options.orgNumber) ?? null })
    .returning(organisationColumns);
  if (!row) throw new Error('organisation insert returned no row');
  // Every organisation is one tree: its root unit comes with it, so that roles, reports and imports
  // always have somewhere to hang, and an administrator's scope over the root covers all of it.
  const rootId = crypto.randomUUID();
  await tx.insert(units).values({ id: rootId, organisationId: row.id, name: row.name, path: `/${rootId}/` });
  await writeAudit(tx, options.audit, {
    action: 'organisation.created',
    entityType: 'organisation',
    entityId: row.id,
    summary: { name: row.name, kind: row.kind, orgNumber: row.orgNumber, rootUnitId: rootId },
  });
  await writeAudit(tx, options.audit, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: rootId,
    summary: { name: row.name, parentId: null, organisationId: row.id, externalId: null },
  });
  return { organisation: { ...row, rootUnitId: rootId }, steward: await loadSteward(tx, options.actor) };
}

export async function updateOrganisation(
  options: {
    actor: Actor;
    audit: AuditContext;
    organisationId: string;
    changes: {
      name?: string | undefined;
      kind?: OrganisationKind | undefined;
      orgNumber?: string | null | undefined;
    };
  },
  tx: Db,
): Promise<{ organisation: OrganisationView; steward: Steward }> {
  const before = await requireOrganisation(tx, options.organisationId);
  const steward = await loadSteward(tx, options.actor);
  assertAllowed(mayManageOrganisation(steward, before.id), 'organisation.organisation_outside_scope');
  const next = {
    name: options.changes.name,
    kind: options.changes.kind,
    orgNumber: blankToNull(options.changes.orgNumber),
  };
  const changes = diffSummary(before, next);
  if (Object.keys(changes).length === 0) return { organisation: before, steward };
  if (changes.name && next.name) await assertNameFree(tx, next.name, before.id);
  await tx.update(organisations).set(next).where(eq(organisations.id, before.id));
  await writeAudit(tx, options.audit, {
    action: 'organisation.updated',
    entityType: 'organisation',
    entityId: before.id,
    summary: changes,
  });
  return { organisation: await requireOrganisation(tx, before.id), steward };
}
