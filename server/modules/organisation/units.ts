import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import { type Db, inOrder } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type AssignmentRecord, listAssignmentsOf } from './assignments.ts';
import { type ContactRecord, listContactsOf } from './contacts.ts';
import { mayAdministerUnit, mayCreateChildUnit, mayCreateRootUnit } from './policy.ts';
import {
  blankToNull,
  findRootUnit,
  findUnit,
  idsOnPath,
  lockOrganisations,
  missingReference,
  requireOrganisationRef,
  requireUnit,
  type UnitRecord,
  unitColumns,
} from './records.ts';
import { loadSteward } from './stewardship.ts';
import { organisations, people, roleAssignments, units } from './tables.ts';

export async function listUnits(
  options: { organisationId?: string | undefined; includeInactive: boolean },
  tx: Db,
): Promise<UnitRecord[]> {
  const conditions: SQL[] = [];
  if (options.organisationId) conditions.push(eq(units.organisationId, options.organisationId));
  if (!options.includeInactive) conditions.push(eq(units.active, true));
  return tx
    .select(unitColumns)
    .from(units)
    .where(and(...conditions))
    .orderBy(asc(units.name), asc(units.id));
}

export type UnitDetailRecord = UnitRecord & {
  organisationName: string;
  children: Array<{ id: string; name: string; active: boolean }>;
  people: Array<{ personId: string; name: string; role: Actor['roles'][number]['role']; roleId: string }>;
  nearestManagers: Array<{ personId: string; name: string; unitId: string }>;
  contacts: ContactRecord[];
  assignments: AssignmentRecord[];
};

export async function getUnitDetail(options: { unitId: string }, tx: Db): Promise<UnitDetailRecord> {
  const unit = await requireUnit(tx, options.unitId);
  const ancestorIds = idsOnPath(unit.path);
  const [organisation, children, holders, managers] = await inOrder([
    tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, unit.organisationId)),
    tx
      .select({ id: units.id, name: units.name, active: units.active })
      .from(units)
      .where(eq(units.parentId, unit.id))
      .orderBy(asc(units.name)),
    tx
      .select({
        personId: people.id,
        name: people.name,
        role: roleAssignments.role,
        roleId: roleAssignments.id,
      })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(and(eq(roleAssignments.unitId, unit.id), eq(people.active, true)))
      .orderBy(asc(people.name), asc(roleAssignments.role)),
    tx
      .select({ personId: people.id, name: people.name, unitId: roleAssignments.unitId })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(
        and(
          eq(roleAssignments.role, 'manager'),
          inArray(roleAssignments.unitId, ancestorIds),
          eq(people.active, true),
        ),
      )
      .orderBy(asc(people.name)),
  ]);
  // Plain functions start when called, so these follow the builders above rather than join them.
  const contacts = await listContactsOf(tx, unit.id);
  const assignments = await listAssignmentsOf(tx, unit.id);
  // The nearest manager sits on the deepest unit on the path that has one (routing of reports).
  const depthOf = (unitId: string): number => ancestorIds.indexOf(unitId);
  const deepest = managers.reduce((max, m) => Math.max(max, depthOf(m.unitId)), -1);
  return {
    ...unit,
    organisationName: organisation[0]?.name ?? '',
    children,
    people: holders,
    nearestManagers: managers.filter((m) => depthOf(m.unitId) === deepest),
    contacts,
    assignments,
  };
}

async function assertExternalIdFree(tx: Db, externalId: string, exceptId?: string): Promise<void> {
  const [clash] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.externalId, externalId), exceptId ? ne(units.id, exceptId) : undefined));
  if (clash) {
    throw new AppError('organisation.unit_external_id_taken', 'conflict', {
      fields: [{ path: 'externalId', key: 'organisation.unit_external_id_taken' }],
    });
  }
}

export async function createUnit(
  options: {
    actor: Actor;
    audit: AuditContext;
    organisationId: string;
    parentId: string | null;
    name: string;
    externalId?: string | null | undefined;
  },
  tx: Db,
): Promise<UnitRecord> {
  const { actor } = options;
  await requireOrganisationRef(tx, options.organisationId, 'organisationId');
  await lockOrganisations(tx, [options.organisationId]);
  let parentPath: string | null = null;
  if (options.parentId) {
    const parent = await findUnit(tx, options.parentId);
    if (!parent) throw missingReference('parentId', 'organisation.parent_not_found');
    if (parent.organisationId !== options.organisationId) {
      throw missingReference('parentId', 'organisation.parent_other_organisation');
    }
    if (!parent.active) throw missingReference('parentId', 'organisation.parent_inactive');
    assertAllowed(mayCreateChildUnit(actor, parent.path), 'organisation.unit_outside_scope');
    parentPath = parent.path;
  } else {
    if (await findRootUnit(tx, options.organisationId)) {
      throw missingReference('parentId', 'organisation.root_exists');
    }
    const steward = await loadSteward(tx, actor);
    assertAllowed(mayCreateRootUnit(steward, options.organisationId), 'organisation.unit_outside_scope');
  }
  const externalId = blankToNull(options.externalId) ?? null;
  if (externalId) await assertExternalIdFree(tx, externalId);
  const id = crypto.randomUUID();
  const [row] = await tx
    .insert(units)
    .values({
      id,
      organisationId: options.organisationId,
      parentId: options.parentId,
      name: options.name,
      externalId,
      path: `${parentPath ?? '/'}${id}/`,
    })
    .returning(unitColumns);
  if (!row) throw new Error('unit insert returned no row');
  await writeAudit(tx, options.audit, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: row.id,
    summary: { name: row.name, parentId: row.parentId, organisationId: row.organisationId, externalId },
  });
  return row;
}

export async function updateUnit(
  options: {
    actor: Actor;
    audit: AuditContext;
    unitId: string;
    changes: {
      name?: string | undefined;
      externalId?: string | null | undefined;
      active?: boolean | undefined;
    };
  },
  tx: Db,
): Promise<UnitRecord> {
  const found = await requireUnit(tx, options.unitId);
  assertAllowed(mayAdministerUnit(options.actor, found.path), 'organisation.unit_outside_scope');
  // The tree lock, as creating and moving take it: otherwise a child could be created or moved under
  // this unit between the check for active children below and the deactivation.
  await lockOrganisations(tx, [found.organisationId]);
  // Read again under the lock: a move that finished while we waited may have changed the path.
  const unit = await requireUnit(tx, options.unitId);
  assertAllowed(mayAdministerUnit(options.actor, unit.path), 'organisation.unit_outside_scope');
  const next = {
    name: options.changes.name,
    externalId: blankToNull(options.changes.externalId),
    active: options.changes.active,
  };
  const changes = diffSummary(unit, next);
  if (Object.keys(changes).length === 0) return unit;
  if (changes.externalId && next.externalId) await assertExternalIdFree(tx, next.externalId, unit.id);
  if (next.active === false && unit.active) {
    // An inactive unit with active children would leave them hanging outside the visible tree.
    const [child] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.parentId, unit.id), eq(units.active, true)))
      .limit(1);
    if (child) throw missingReference('active', 'organisation.unit_has_active_children');
  }
  if (next.active === true && !unit.active && unit.parentId) {
    const parent = await findUnit(tx, unit.parentId);
    if (parent && !parent.active) throw missingReference('active', 'organisation.parent_inactive');
  }
  const [row] = await tx.update(units).set(next).where(eq(units.id, unit.id)).returning(unitColumns);
  if (!row) throw new AppError('organisation.unit_not_found', 'not_found');
  await writeAudit(tx, options.audit, {
    action: 'unit.updated',
    entityType: 'unit',
    entityId: unit.id,
    summary: changes,
  });
  return row;
}
