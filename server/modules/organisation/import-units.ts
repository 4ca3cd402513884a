import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import { type ImportIssue, type ImportResult, importFailed } from './csv.ts';
import { loadByExternalId, readLines, resolveParents, type UnitLine } from './import-units-lines.ts';
import { rewriteSubtree } from './move-unit.ts';
import { mayAdministerUnit, mayCreateRootUnit } from './policy.ts';
import { chunked, findRootUnit, lockOrganisations, type UnitRecord } from './records.ts';
import { loadSteward } from './stewardship.ts';
import { units } from './tables.ts';
import { planUnitTree } from './unit-tree-plan.ts';

/**
 * Creates and updates units from CSV (external_id, name, parent_external_id, organisation), matched on
 * external_id. A parent may come later in the file. All lines are checked before anything is written.
 */
export async function importUnits(
  options: { actor: Actor; audit: AuditContext; csv: string; dryRun: boolean; lang: Lang },
  tx: Db,
): Promise<ImportResult> {
  const { actor, lang } = options;
  const cells = await readLines(tx, options.csv, lang);
  await lockOrganisations(
    tx,
    cells.map((c) => c.organisationId),
  );
  const steward = await loadSteward(tx, actor);
  const stored = await loadByExternalId(tx, [
    ...cells.map((c) => c.externalId),
    ...cells.map((c) => c.parentExternalId).filter((e) => e !== ''),
  ]);
  const storedById = new Map([...stored.values()].map((u) => [u.id, u]));
  const issues: ImportIssue[] = [];
  // Lines already known to be wrong are left out of the later checks, which would only echo them.
  const wrongOrganisation = new Set<string>();
  const lines: UnitLine[] = cells.map((c) => {
    const existing = stored.get(c.externalId) ?? null;
    if (existing && existing.organisationId !== c.organisationId) {
      wrongOrganisation.add(existing.id);
      issues.push({
        line: c.line,
        column: 'organisation',
        key: 'import.unit_organisation_changed',
        params: { value: c.externalId },
      });
    }
    return { ...c, existing, id: existing?.id ?? crypto.randomUUID(), parentId: null };
  });
  const roots = new Map<string, UnitRecord>();
  for (const organisationId of new Set(lines.map((l) => l.organisationId))) {
    const root = await findRootUnit(tx, organisationId);
    if (root) {
      roots.set(organisationId, root);
      storedById.set(root.id, root);
    }
  }
  const unresolved = resolveParents(lines, stored, roots, issues, wrongOrganisation);
  const planned = new Map(lines.map((l) => [l.id, l]));
  const { finalPaths, onCycle } = planUnitTree(
    planned,
    [...storedById.values()].map((u) => u.path),
  );
  const created: UnitLine[] = [];
  const renamed: UnitLine[] = [];
  const moved: UnitLine[] = [];
  let unchanged = 0;
  for (const line of lines) {
    if (unresolved.has(line.id)) continue;
    if (onCycle.has(line.id)) {
      issues.push({
        line: line.line,
        column: 'parent_external_id',
        key: 'import.cycle',
        params: { value: line.externalId },
      });
      continue;
    }
    // The same scope rules as the single-unit endpoints, judged on the tree as it is now. A parent
    // that is new in this file is judged on its own line.
    const parentStored = line.parentId ? storedById.get(line.parentId) : undefined;
    const mayPlace =
      line.parentId === null
        ? mayCreateRootUnit(steward, line.organisationId)
        : parentStored
          ? mayAdministerUnit(actor, parentStored.path)
          : true;
    const { existing } = line;
    const isMove = existing !== null && existing.parentId !== line.parentId;
    const isRename = existing !== null && existing.name !== line.name;
    const allowed = existing
      ? (!isMove && !isRename) || (mayAdministerUnit(actor, existing.path) && (!isMove || mayPlace))
      : mayPlace;
    if (!allowed) {
      issues.push({
        line: line.line,
        column: 'external_id',
        key: 'import.outside_scope',
        params: { value: line.externalId },
      });
    }
    if (!existing) created.push(line);
    else if (isMove || isRename) {
      if (isRename) renamed.push(line);
      if (isMove) moved.push(line);
    } else unchanged++;
  }
  if (issues.length > 0) throw importFailed(issues, lang);
  const updated = new Set([...renamed, ...moved]);
  const result = { dryRun: options.dryRun, created: created.length, updated: updated.size, unchanged };
  if (options.dryRun) return result;

  const depth = (l: UnitLine): number => (finalPaths.get(l.id) ?? '').length;
  // Parents first, so every insert's parent already exists.
  created.sort((a, b) => depth(a) - depth(b));
  for (const chunk of chunked(created)) {
    await tx.insert(units).values(
      chunk.map((l) => ({
        id: l.id,
        organisationId: l.organisationId,
        parentId: l.parentId,
        name: l.name,
        externalId: l.externalId,
        path: finalPaths.get(l.id) ?? `/${l.id}/`,
      })),
    );
  }
  await renameUnits(tx, renamed);
  // Each move re-roots the subtree as it stands now; shallow first, deeper moves then correct their own.
  for (const line of [...moved].sort((a, b) => depth(a) - depth(b))) {
    const [now] = await tx.select({ path: units.path }).from(units).where(eq(units.id, line.id));
    const toPath = finalPaths.get(line.id);
    if (!now || !toPath) continue;
    await rewriteSubtree(tx, { unitId: line.id, fromPath: now.path, toPath, newParentId: line.parentId });
  }

  await writeAudit(tx, options.audit, [
    ...created.map((line) => ({
      action: 'unit.created',
      entityType: 'unit',
      entityId: line.id,
      summary: {
        name: line.name,
        externalId: line.externalId,
        parentId: line.parentId,
        organisationId: line.organisationId,
        source: 'import',
      },
    })),
    ...[...updated].map((line) => {
      const before = line.existing;
      return {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: line.id,
        summary: {
          ...(before && before.name !== line.name ? { name: [before.name, line.name] } : {}),
          ...(before && before.parentId !== line.parentId
            ? { parentId: [before.parentId, line.parentId] }
            : {}),
          source: 'import',
        },
      };
    }),
  ]);
  await writeAudit(tx, options.audit, {
    action: 'import.units',
    entityType: 'import',
    summary: { created: result.created, updated: result.updated, unchanged, lines: lines.length },
  });
  // Guards the invariant the tree relies on; a mistake here must roll everything back, not corrupt paths.
  if (moved.length > 0)
    await assertPathsConsistent(
      tx,
      moved.map((l) => l.organisationId),
    );
  return result;
}

/** Renames in one statement per chunk: a row at a time, a large file held the database for seconds. */
async function renameUnits(tx: Db, lines: UnitLine[]): Promise<void> {
  for (const chunk of chunked(lines)) {
    const values = sql.join(
      chunk.map((l) => sql`(${l.id}::uuid, ${l.name}::text)`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${units} set name = renamed.name from (values ${values}) as renamed(id, name) where "units"."id" = renamed.id`,
    );
  }
}

async function assertPathsConsistent(tx: Db, organisationIds: string[]): Promise<void> {
  const ids = [...new Set(organisationIds)];
  if (ids.length === 0) return;
  const parent = alias(units, 'parent');
  const [broken] = await tx
    .select({ id: units.id })
    .from(units)
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(
      and(
        inArray(units.organisationId, ids),
        sql`${units.path} <> coalesce(${parent.path}, '/') || ${units.id}::text || '/'`,
      ),
    )
    .limit(1);
  if (broken) throw new Error(`unit tree inconsistent after import at ${broken.id}`);
}
