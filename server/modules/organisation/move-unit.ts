import { like, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { mayMoveUnit } from './policy.ts';
import { findUnit, lockOrganisations, missingReference, requireUnit, type UnitRecord } from './records.ts';
import { units } from './tables.ts';

/**
 * Re-roots a subtree in one UPDATE: every path under `fromPath` gets `toPath` as its new prefix,
 * and the subtree's top gets its new parent. Returns how many units moved.
 */
export async function rewriteSubtree(
  tx: Db,
  move: { unitId: string; fromPath: string; toPath: string; newParentId: string | null },
): Promise<number> {
  // Paths hold only uuids and slashes, so the prefix needs no LIKE escaping.
  const rows = await tx
    .update(units)
    .set({
      path: sql`${move.toPath}::text || substr(${units.path}, ${move.fromPath.length + 1}::int)`,
      parentId: sql`case when ${units.id} = ${move.unitId}::uuid then ${move.newParentId}::uuid else ${units.parentId} end`,
    })
    .where(like(units.path, `${move.fromPath}%`))
    .returning({ id: units.id });
  return rows.length;
}

export async function moveUnit(
  options: { actor: Actor; audit: AuditContext; unitId: string; parentId: string },
  tx: Db,
): Promise<UnitRecord> {
  const found = await requireUnit(tx, options.unitId);
  await lockOrganisations(tx, [found.organisationId]);
  // Read again under the lock: a move that finished while we waited may have changed the path.
  const unit = await requireUnit(tx, options.unitId);
  const parent = await findUnit(tx, options.parentId);
  if (!parent) throw missingReference('parentId', 'organisation.parent_not_found');
  assertAllowed(mayMoveUnit(options.actor, unit.path, parent.path), 'organisation.unit_outside_scope');
  if (parent.organisationId !== unit.organisationId) {
    throw missingReference('parentId', 'organisation.move_across_organisations');
  }
  // The parent's path starts with the unit's own path exactly when it is the unit or lies below it.
  if (parent.path.startsWith(unit.path))
    throw missingReference('parentId', 'organisation.move_into_own_subtree');
  if (unit.active && !parent.active) throw missingReference('parentId', 'organisation.parent_inactive');
  if (unit.parentId === parent.id) return unit;

  const toPath = `${parent.path}${unit.id}/`;
  const moved = await rewriteSubtree(tx, {
    unitId: unit.id,
    fromPath: unit.path,
    toPath,
    newParentId: parent.id,
  });
  await writeAudit(tx, options.audit, {
    action: 'unit.moved',
    entityType: 'unit',
    entityId: unit.id,
    summary: { parentId: [unit.parentId, parent.id], unitsMoved: moved },
  });
  return { ...unit, parentId: parent.id, path: toPath };
}
