import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DeviationConfig } from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { bodies } from '../organisation/tables.ts';
import { deviationCategories, deviationEntries, deviationLadderSteps } from './tables.ts';

/**
 * The reporting configuration of the actor's organisation: active entries, their classification
 * trees (active nodes under active parents only) and each node's escalation ladder. Three queries,
 * whatever the size of the tree.
 */
export async function getDeviationConfig(options: { actor: Actor }, tx: Db): Promise<DeviationConfig> {
  const entries = await tx
    .select({
      id: deviationEntries.id,
      key: deviationEntries.key,
      name: deviationEntries.name,
      help: deviationEntries.help,
    })
    .from(deviationEntries)
    .where(
      and(
        eq(deviationEntries.organisationId, options.actor.organisationId),
        eq(deviationEntries.active, true),
      ),
    )
    .orderBy(asc(deviationEntries.sortOrder), asc(deviationEntries.key));
  if (entries.length === 0) return { entries: [], categories: [] };

  const nodes = await tx
    .select()
    .from(deviationCategories)
    .where(
      and(
        inArray(
          deviationCategories.entryId,
          entries.map((e) => e.id),
        ),
        eq(deviationCategories.active, true),
      ),
    )
    .orderBy(asc(deviationCategories.sortOrder), asc(deviationCategories.key));
  const steps = nodes.length
    ? await tx
        .select({
          categoryId: deviationLadderSteps.categoryId,
          position: deviationLadderSteps.position,
          bodyId: bodies.id,
          bodyName: bodies.name,
        })
        .from(deviationLadderSteps)
        .innerJoin(bodies, eq(bodies.id, deviationLadderSteps.bodyId))
        .where(
          inArray(
            deviationLadderSteps.categoryId,
            nodes.map((n) => n.id),
          ),
        )
        .orderBy(asc(deviationLadderSteps.position))
    : [];

  // A node is shown only when every ancestor is active too; it is selectable when it has no shown children.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const visible = nodes.filter((node) => {
    let parentId = node.parentId;
    while (parentId) {
      const parent = byId.get(parentId);
      if (!parent) return false;
      parentId = parent.parentId;
    }
    return true;
  });
  const hasChildren = new Set(visible.map((n) => n.parentId).filter((id): id is string => id !== null));
  return {
    entries: entries.map((e) => ({ ...e, help: e.help ?? null })),
    categories: visible.map((node) => ({
      id: node.id,
      entryId: node.entryId,
      parentId: node.parentId,
      key: node.key,
      name: node.name,
      help: node.help ?? null,
      selectable: !hasChildren.has(node.id),
      patientRelated: node.patientRelated,
      handlingDays: node.handlingDays,
      companionEntryId: node.companionEntryId,
      ladder: steps
        .filter((s) => s.categoryId === node.id)
        .map(({ position, bodyId, bodyName }) => ({ position, bodyId, bodyName })),
    })),
  };
}
