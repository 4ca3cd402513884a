import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  AdminConfig,
  AdminConfigCategory,
  AdminConfigEntry,
  CreateConfigCategoryBody,
  CreateConfigEntryBody,
  UpdateConfigCategoryBody,
  UpdateConfigEntryBody,
} from '../../../contracts/deviation-config-admin.ts';
import { type Actor, assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { loadSteward } from '../organisation/index.ts';
import { bodies } from '../organisation/tables.ts';
import './config-admin-messages.ts';
import { deviationCategories, deviationEntries, deviationLadderSteps, type LocalizedText } from './tables.ts';

// Administrators keep their own organisation's reporting configuration. Nothing is deleted: a
// report keeps pointing at its entry and type, so switching a node off (active: false) is how it
// leaves the reporters' choices, and switching it on brings it back with its subtree and ladder.

interface Change {
  actor: Actor;
  audit: AuditContext;
}

type EntryRow = typeof deviationEntries.$inferSelect;
type CategoryRow = typeof deviationCategories.$inferSelect;
type Step = AdminConfigCategory['ladder'][number];

/** The organisation whose configuration the actor keeps: their own, when they administer it. */
async function administeredOrganisation(tx: Db, actor: Actor): Promise<string> {
  const steward = await loadSteward(tx, actor);
  assertAllowed(steward.administered.has(actor.organisationId), 'deviation_config.admin_required');
  return actor.organisationId;
}

function fieldError(code: string, kind: 'validation' | 'conflict' | 'not_found', path: string): AppError {
  return new AppError(code, kind, { fields: [{ path, key: code }] });
}

/** The values a PATCH actually gives (undefined means "leave as it is"); empty when it gives none. */
function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Help in which every language is blank is no help at all. */
function normaliseHelp(help: LocalizedText | null | undefined): LocalizedText | null | undefined {
  if (help === undefined || help === null) return help;
  return help.sv === '' && help.nb === '' && help.en === '' ? null : help;
}

function presentEntry(row: EntryRow): AdminConfigEntry {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    help: row.help ?? null,
    sortOrder: row.sortOrder,
    active: row.active,
  };
}

function presentCategory(row: CategoryRow, ladder: Step[]): AdminConfigCategory {
  return {
    id: row.id,
    entryId: row.entryId,
    parentId: row.parentId,
    key: row.key,
    name: row.name,
    help: row.help ?? null,
    sortOrder: row.sortOrder,
    active: row.active,
    patientRelated: row.patientRelated,
    handlingDays: row.handlingDays,
    triageDays: row.triageDays,
    escalateReminderDays: row.escalateReminderDays,
    companionEntryId: row.companionEntryId,
    ladder,
  };
}

async function laddersOf(tx: Db, categoryIds: string[]): Promise<Map<string, Step[]>> {
  const byCategory = new Map<string, Step[]>();
  if (categoryIds.length === 0) return byCategory;
  const steps = await tx
    .select({
      categoryId: deviationLadderSteps.categoryId,
      position: deviationLadderSteps.position,
      bodyId: bodies.id,
      bodyName: bodies.name,
      bodyActive: bodies.active,
    })
    .from(deviationLadderSteps)
    .innerJoin(bodies, eq(bodies.id, deviationLadderSteps.bodyId))
    .where(inArray(deviationLadderSteps.categoryId, categoryIds))
    .orderBy(asc(deviationLadderSteps.position));
  for (const { categoryId, ...step } of steps) {
    byCategory.set(categoryId, [...(byCategory.get(categoryId) ?? []), step]);
  }
  return byCategory;
}

/** Everything of the organisation, inactive nodes included, and every body a ladder may name. */
export async function getAdminConfig(options: { actor: Actor }, tx: Db): Promise<AdminConfig> {
  const organisationId = await administeredOrganisation(tx, options.actor);
  const entries = await tx
    .select()
    .from(deviationEntries)
    .where(eq(deviationEntries.organisationId, organisationId))
    .orderBy(asc(deviationEntries.sortOrder), asc(deviationEntries.key));
  const nodes = entries.length
    ? await tx
        .select()
        .from(deviationCategories)
        .where(
          inArray(
            deviationCategories.entryId,
            entries.map((e) => e.id),
          ),
        )
        .orderBy(asc(deviationCategories.sortOrder), asc(deviationCategories.key))
    : [];
  const ladders = await laddersOf(
    tx,
    nodes.map((n) => n.id),
  );
  const bodyOptions = await tx
    .select({ id: bodies.id, name: bodies.name, active: bodies.active })
    .from(bodies)
    .orderBy(asc(bodies.name));
  return {
    entries: entries.map(presentEntry),
    categories: nodes.map((n) => presentCategory(n, ladders.get(n.id) ?? [])),
    bodies: bodyOptions,
  };
}

/** The entry, locked: changes to one entry's tree run one at a time, so two moves cannot make a cycle. */
async function lockEntry(tx: Db, organisationId: string, entryId: string, path: string): Promise<EntryRow> {
  const [entry] = await tx
    .select()
    .from(deviationEntries)
    .where(and(eq(deviationEntries.id, entryId), eq(deviationEntries.organisationId, organisationId)))
    .for('update');
  if (!entry) throw fieldError('deviation_config.entry_not_found', 'not_found', path);
  return entry;
}

async function assertEntryKeyFree(tx: Db, organisationId: string, key: string, self?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: deviationEntries.id })
    .from(deviationEntries)
    .where(and(eq(deviationEntries.organisationId, organisationId), eq(deviationEntries.key, key)));
  if (taken && taken.id !== self) throw fieldError('deviation_config.entry_key_taken', 'conflict', 'key');
}

export async function createConfigEntry(
  options: Change & { input: CreateConfigEntryBody },
  tx: Db,
): Promise<AdminConfigEntry> {
  const organisationId = await administeredOrganisation(tx, options.actor);
  const { input } = options;
  await assertEntryKeyFree(tx, organisationId, input.key);
  const [created] = await tx
    .insert(deviationEntries)
    .values({
      organisationId,
      key: input.key,
      name: input.name,
      help: normaliseHelp(input.help) ?? null,
      sortOrder: input.sortOrder ?? 0,
      active: input.active ?? true,
    })
    .returning();
  if (!created) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'deviation_config.entry_created',
    entityType: 'deviation_entry',
    entityId: created.id,
    summary: { key: created.key, name: created.name.sv, active: created.active },
  });
  return presentEntry(created);
}

export async function updateConfigEntry(
  options: Change & { entryId: string; changes: UpdateConfigEntryBody },
  tx: Db,
): Promise<AdminConfigEntry> {
  const organisationId = await administeredOrganisation(tx, options.actor);
  const before = await lockEntry(tx, organisationId, options.entryId, 'id');
  const { changes } = options;
  if (changes.key !== undefined && changes.key !== before.key) {
    await assertEntryKeyFree(tx, organisationId, changes.key, before.id);
  }
  const set = definedOnly({ ...changes, help: normaliseHelp(changes.help) });
  if (Object.keys(set).length === 0) return presentEntry(before);
  const [after] = await tx
    .update(deviationEntries)
    .set(set)
    .where(eq(deviationEntries.id, before.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'deviation_config.entry_updated',
    entityType: 'deviation_entry',
    entityId: after.id,
    summary: diffSummary(before, set),
  });
  return presentEntry(after);
}

/** The companion must be another entry of the same organisation (or none). */
async function assertCompanion(
  tx: Db,
  organisationId: string,
  ownEntryId: string,
  companionEntryId: string | null | undefined,
): Promise<void> {
  if (!companionEntryId) return;
  if (companionEntryId === ownEntryId)
    throw fieldError('deviation_config.companion_same_entry', 'validation', 'companionEntryId');
  const [found] = await tx
    .select({ id: deviationEntries.id })
    .from(deviationEntries)
    .where(
      and(eq(deviationEntries.id, companionEntryId), eq(deviationEntries.organisationId, organisationId)),
    );
  if (!found) throw fieldError('deviation_config.companion_not_found', 'validation', 'companionEntryId');
}

async function nodesOf(tx: Db, entryId: string): Promise<CategoryRow[]> {
  return tx.select().from(deviationCategories).where(eq(deviationCategories.entryId, entryId));
}

/** A parent from the same entry, and (for a node that exists) not the node itself nor anything under it. */
function assertParent(nodes: CategoryRow[], parentId: string | null, selfId?: string): void {
  if (parentId === null) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  if (!byId.has(parentId)) throw fieldError('deviation_config.parent_not_in_entry', 'validation', 'parentId');
  if (!selfId) return;
  // Walk up from the new parent: meeting the node itself means the move would make a loop.
  let current: string | null = parentId;
  for (let depth = 0; current !== null && depth <= nodes.length; depth++) {
    if (current === selfId)
      throw fieldError('deviation_config.parent_in_own_subtree', 'validation', 'parentId');
    current = byId.get(current)?.parentId ?? null;
  }
}

function assertCategoryKeyFree(nodes: CategoryRow[], key: string, selfId?: string): void {
  if (nodes.some((n) => n.key === key && n.id !== selfId))
    throw fieldError('deviation_config.category_key_taken', 'conflict', 'key');
}

export async function createConfigCategory(
  options: Change & { input: CreateConfigCategoryBody },
  tx: Db,
): Promise<AdminConfigCategory> {
  const organisationId = await administeredOrganisation(tx, options.actor);
  const { input } = options;
  const entry = await lockEntry(tx, organisationId, input.entryId, 'entryId');
  const nodes = await nodesOf(tx, entry.id);
  assertParent(nodes, input.parentId);
  assertCategoryKeyFree(nodes, input.key);
  await assertCompanion(tx, organisationId, entry.id, input.companionEntryId);
  const { help, ...rest } = input;
  const [created] = await tx
    .insert(deviationCategories)
    .values({ ...rest, help: normaliseHelp(help) ?? null })
    .returning();
  if (!created) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'deviation_config.category_created',
    entityType: 'deviation_category',
    entityId: created.id,
    summary: {
      entryId: created.entryId,
      parentId: created.parentId,
      key: created.key,
      name: created.name.sv,
      handlingDays: created.handlingDays,
    },
  });
  return presentCategory(created, []);
}

/** The category, when it belongs to the organisation, with its entry locked (see lockEntry). */
async function categoryForChange(tx: Db, organisationId: string, categoryId: string): Promise<CategoryRow> {
  const [found] = await tx
    .select({ category: deviationCategories })
    .from(deviationCategories)
    .innerJoin(deviationEntries, eq(deviationEntries.id, deviationCategories.entryId))
    .where(and(eq(deviationCategories.id, categoryId), eq(deviationEntries.organisationId, organisationId)));
  if (!found) throw new AppError('deviation_config.category_not_found', 'not_found');
  await lockEntry(tx, organisationId, found.category.entryId, 'id');
  return found.category;
}

async function presentOne(tx: Db, row: CategoryRow): Promise<AdminConfigCategory> {
  const ladders = await laddersOf(tx, [row.id]);
  return presentCategory(row, ladders.get(row.id) ?? []);
}

export async function updateConfigCategory(
  options: Change & { categoryId: string; changes: UpdateConfigCategoryBody },
  tx: Db,
): Promise<AdminConfigCategory> {
  const organisationId = await administeredOrganisation(tx, options.actor);
  const before = await categoryForChange(tx, organisationId, options.categoryId);
  const { changes } = options;
  if (changes.parentId !== undefined || changes.key !== undefined) {
    const nodes = await nodesOf(tx, before.entryId);
    if (changes.parentId !== undefined) assertParent(nodes, changes.parentId, before.id);
    if (changes.key !== undefined) assertCategoryKeyFree(nodes, changes.key, before.id);
  }
  await assertCompanion(tx, organisationId, before.entryId, changes.companionEntryId);
  const set = definedOnly({ ...changes, help: normaliseHelp(changes.help) });
  if (Object.keys(set).length === 0) return presentOne(tx, before);
  const [after] = await tx
    .update(deviationCategories)
    .set(set)
    .where(eq(deviationCategories.id, before.id))
    .returning();
  if (!after) throw new AppError('error.internal', 'internal');
  await writeAudit(tx, options.audit, {
    action: 'deviation_config.category_updated',
    entityType: 'deviation_category',
    entityId: after.id,
    summary: diffSummary(before, set),
  });
  return presentOne(tx, after);
}

/** Replaces the whole ladder: the bodies in the order given, each once, each active. */
export async function replaceLadder(
  options: Change & { categoryId: string; bodyIds: string[] },
  tx: Db,
): Promise<AdminConfigCategory> {
  const organisationId = await administeredOrganisation(tx, options.actor);
  const category = await categoryForChange(tx, organisationId, options.categoryId);
  const { bodyIds } = options;
  const found = bodyIds.length
    ? await tx
        .select({ id: bodies.id, active: bodies.active })
        .from(bodies)
        .where(inArray(bodies.id, bodyIds))
    : [];
  const activeById = new Map(found.map((b) => [b.id, b.active]));
  const fields = bodyIds.flatMap((bodyId, i) => {
    const path = `bodyIds.${i}`;
    if (bodyIds.indexOf(bodyId) !== i) return [{ path, key: 'deviation_config.ladder_duplicate' }];
    const active = activeById.get(bodyId);
    if (active === undefined) return [{ path, key: 'deviation_config.body_not_found' }];
    return active ? [] : [{ path, key: 'deviation_config.body_inactive' }];
  });
  const [first] = fields;
  if (first) throw new AppError(first.key, 'validation', { fields });

  const before = await laddersOf(tx, [category.id]);
  await tx.delete(deviationLadderSteps).where(eq(deviationLadderSteps.categoryId, category.id));
  if (bodyIds.length) {
    await tx
      .insert(deviationLadderSteps)
      .values(bodyIds.map((bodyId, i) => ({ categoryId: category.id, position: i + 1, bodyId })));
  }
  await writeAudit(tx, options.audit, {
    action: 'deviation_config.ladder_replaced',
    entityType: 'deviation_category',
    entityId: category.id,
    summary: { before: (before.get(category.id) ?? []).map((s) => s.bodyId), after: bodyIds },
  });
  return presentOne(tx, category);
}
