import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CreateDeviationBody, DeviationReceipt } from '../../../contracts/deviations.ts';
import { parsePatientIdentifier } from '../../../contracts/patient-identifiers.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import { regionTimeZone } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/index.ts';
import { units } from '../organisation/tables.ts';
import { nearestManager, queryRows } from './records.ts';
import {
  deviationCategories,
  deviationCounters,
  deviationEntries,
  deviationEvents,
  deviationPatients,
  deviations,
} from './tables.ts';

const searchConfigs = { sv: 'swedish', nb: 'norwegian', en: 'english' } as const;
/** A clock a little ahead of the server's is not the reporter's fault. */
const FUTURE_SLACK_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

// Made once: building an Intl formatter costs more than the rest of numbering a report.
const nordicYear = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: regionTimeZone });

/** The year a report is numbered in: the calendar year where the organisation is (Nordic time). */
function reportingYear(now: Date): number {
  return Number(nordicYear.format(now));
}

/**
 * Gives the stored report its number: the counter's row lock serialises the organisation's
 * reports, so it is taken in one statement as late as possible, and held only until the commit.
 */
async function assignNumber(tx: Db, organisationId: string, deviationId: string, now: Date): Promise<string> {
  const year = reportingYear(now);
  const [assigned] = await queryRows<{ number: string }>(
    tx,
    sql`with counter as (
          insert into ${deviationCounters} (organisation_id, year, last) values (${organisationId}, ${year}, 1)
          on conflict (organisation_id, year) do update set last = ${deviationCounters.last} + 1
          returning last)
        update ${deviations} set number = ${`AV-${year}-`} || lpad(counter.last::text, 6, '0')
        from counter where ${deviations.id} = ${deviationId}
        returning ${deviations.number} as number`,
  );
  if (!assigned) throw new Error('deviation number was not assigned');
  return assigned.number;
}

/** The selectable type of the reporter's organisation, with its entry. */
async function requireReportableCategory(tx: Db, actor: Actor, categoryId: string) {
  const [category] = await tx
    .select({
      id: deviationCategories.id,
      entryId: deviationCategories.entryId,
      active: deviationCategories.active,
      patientRelated: deviationCategories.patientRelated,
      handlingDays: deviationCategories.handlingDays,
      companionEntryId: deviationCategories.companionEntryId,
      organisationId: deviationEntries.organisationId,
      entryActive: deviationEntries.active,
    })
    .from(deviationCategories)
    .innerJoin(deviationEntries, eq(deviationEntries.id, deviationCategories.entryId))
    .where(eq(deviationCategories.id, categoryId));
  if (
    !category ||
    category.organisationId !== actor.organisationId ||
    !category.active ||
    !category.entryActive
  )
    throw new AppError('deviation.category_not_found', 'validation', {
      fields: [{ path: 'categoryId', key: 'deviation.category_not_found' }],
    });
  const [child] = await tx
    .select({ id: deviationCategories.id })
    .from(deviationCategories)
    .where(and(eq(deviationCategories.parentId, category.id), eq(deviationCategories.active, true)))
    .limit(1);
  if (child)
    throw new AppError('deviation.category_not_selectable', 'validation', {
      fields: [{ path: 'categoryId', key: 'deviation.category_not_selectable' }],
    });
  return category;
}

/** Where it happened: the given unit of the reporter's organisation, else the reporter's own unit. */
async function requireReportUnit(tx: Db, actor: Actor, unitId: string | undefined) {
  const ownUnit =
    actor.roles.find((r) => r.role === 'staff')?.unitId ??
    actor.roles.find((r) => r.role !== 'administrator')?.unitId;
  const id = unitId ?? ownUnit;
  if (!id)
    throw new AppError('deviation.unit_required', 'validation', {
      fields: [{ path: 'unitId', key: 'deviation.unit_required' }],
    });
  const [unit] = await tx
    .select({ id: units.id, name: units.name, path: units.path, organisationId: units.organisationId })
    .from(units)
    .where(and(eq(units.id, id), eq(units.active, true)));
  if (!unit || unit.organisationId !== actor.organisationId)
    throw new AppError('deviation.unit_not_found', 'validation', {
      fields: [{ path: 'unitId', key: 'deviation.unit_not_found' }],
    });
  return unit;
}

/** The first report of the same event: the reporter's own, not yet linked to another. */
async function requireCompanionSource(tx: Db, actor: Actor, id: string) {
  const [source] = await tx
    .select({ id: deviations.id, number: deviations.number, reporterId: deviations.reporterId })
    .from(deviations)
    .where(and(eq(deviations.id, id), isNull(deviations.linkedDeviationId)))
    .for('update');
  if (!source || source.reporterId !== actor.personId)
    throw new AppError('deviation.companion_not_found', 'validation', {
      fields: [{ path: 'companionOf', key: 'deviation.companion_not_found' }],
    });
  return source;
}

/**
 * Files a report: numbers it, routes it to the nearest manager of the unit where it happened (the
 * reporter, when that is them), keeps the patient identifier apart from the narrative, links a
 * companion report both ways, and writes its first event and audit row, all in one transaction.
 */
export async function submitDeviation(
  options: { actor: Actor; audit: AuditContext; input: CreateDeviationBody; idempotencyKey: string | null },
  tx: Db,
): Promise<DeviationReceipt & { handlerId: string }> {
  const { actor, input } = options;
  const now = new Date();
  const category = await requireReportableCategory(tx, actor, input.categoryId);
  const unit = await requireReportUnit(tx, actor, input.unitId);

  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS || occurredAt.getUTCFullYear() < 1900)
    throw new AppError('deviation.occurred_in_future', 'validation', {
      fields: [{ path: 'occurredAt', key: 'deviation.occurred_in_future' }],
    });
  const patientHarmed = input.patientHarmed ?? false;
  const patientInvolved = (input.patientInvolved ?? false) || patientHarmed;
  const rawIdentifier = input.patientIdentifier?.trim() ?? '';
  const patient = rawIdentifier ? parsePatientIdentifier(rawIdentifier) : null;
  if (rawIdentifier && !patient)
    throw new AppError('deviation.patient_identifier_invalid', 'validation', {
      fields: [{ path: 'patientIdentifier', key: 'deviation.patient_identifier_invalid' }],
    });
  if (patient && !patientInvolved)
    throw new AppError('deviation.patient_identifier_without_patient', 'validation', {
      fields: [{ path: 'patientIdentifier', key: 'deviation.patient_identifier_without_patient' }],
    });

  const handler = await nearestManager(tx, unit.path, actor.personId);
  if (!handler) throw new AppError('deviation.no_manager', 'conflict', { params: { unit: unit.name } });
  const source = input.companionOf ? await requireCompanionSource(tx, actor, input.companionOf) : null;

  let companion: DeviationReceipt['companion'] = null;
  if (patientHarmed && category.companionEntryId && !source) {
    const [entry] = await tx
      .select({ id: deviationEntries.id, name: deviationEntries.name, active: deviationEntries.active })
      .from(deviationEntries)
      .where(eq(deviationEntries.id, category.companionEntryId));
    if (entry?.active) companion = { entryId: entry.id, entryName: entry.name };
  }

  // Stored under a provisional number first; the real one is given last (see assignNumber).
  const [row] = await tx
    .insert(deviations)
    .values({
      organisationId: actor.organisationId,
      number: `pending-${randomUUID()}`,
      entryId: category.entryId,
      categoryId: category.id,
      reporterId: actor.personId,
      reporterNameShared: input.reporterNameShared ?? false,
      unitId: unit.id,
      occurredAt,
      reportedAt: now,
      description: input.description,
      immediateAction: input.immediateAction ?? '',
      suggestion: input.suggestion ?? '',
      patientInvolved,
      patientHarmed,
      handlerId: handler.id,
      dueAt: new Date(now.getTime() + category.handlingDays * DAY_MS),
      linkedDeviationId: source?.id ?? null,
      idempotencyKey: options.idempotencyKey,
      searchConfig: searchConfigs[actor.language],
    })
    .returning({ id: deviations.id, reportedAt: deviations.reportedAt });
  if (!row) throw new Error('deviation insert returned no row');
  if (patient) await tx.insert(deviationPatients).values({ deviationId: row.id, ...patient });
  if (source) {
    await tx
      .update(deviations)
      .set({ linkedDeviationId: row.id, version: sql`${deviations.version} + 1`, updatedAt: now })
      .where(eq(deviations.id, source.id));
  }
  await tx.insert(deviationEvents).values({
    deviationId: row.id,
    at: now,
    actorId: actor.personId,
    action: 'submitted',
    toStatus: 'submitted',
    toPersonId: handler.id,
    visibleToReporter: true,
  });
  const number = await assignNumber(tx, actor.organisationId, row.id, now);
  // The audit rows name the case and its routing, never the narrative or the patient; one insert.
  await writeAudit(tx, options.audit, [
    {
      action: 'deviation.submitted',
      entityType: 'deviation',
      entityId: row.id,
      summary: {
        number,
        categoryId: category.id,
        unitId: unit.id,
        handlerId: handler.id,
        patientIdentifier: patient ? 'stored in the protected field' : 'none',
        ...(source ? { linkedTo: source.id } : {}),
      },
    },
    ...(source
      ? [
          {
            action: 'deviation.linked',
            entityType: 'deviation',
            entityId: source.id,
            summary: { linkedTo: row.id, number },
          },
        ]
      : []),
  ]);

  // The reporter who is the manager knows already.
  if (handler.id !== actor.personId) {
    await notify(tx, {
      personIds: [handler.id],
      kind: 'deviation.assigned',
      params: { number, unit: unit.name },
      entityType: 'deviation',
      entityId: row.id,
    });
  }

  return {
    id: row.id,
    number,
    reportedAt: row.reportedAt.toISOString(),
    handler: { id: handler.id, name: handler.name },
    handlerId: handler.id,
    companion,
    linkedDeviation: source ? { id: source.id, number: source.number } : null,
  };
}

/** The receipt of an earlier submission with the same idempotency key, or null. */
export async function findSubmission(
  options: { actor: Actor; idempotencyKey: string },
  tx: Db,
): Promise<DeviationReceipt | null> {
  const [row] = await tx
    .select({ id: deviations.id })
    .from(deviations)
    .where(
      and(
        eq(deviations.reporterId, options.actor.personId),
        eq(deviations.idempotencyKey, options.idempotencyKey),
      ),
    );
  if (!row) return null;
  return receiptOf(tx, row.id);
}

/** The receipt of a stored report; the companion offer is not repeated. */
async function receiptOf(tx: Db, id: string): Promise<DeviationReceipt> {
  const found = await queryRows<{
    id: string;
    number: string;
    reported_at: string | Date;
    handler_id: string;
    handler_name: string;
    linked_id: string | null;
    linked_number: string | null;
    patient_harmed: boolean;
    companion_entry_id: string | null;
  }>(
    tx,
    sql`
    select d.id, d.number, d.reported_at, h.id as handler_id, h.name as handler_name,
           l.id as linked_id, l.number as linked_number, d.patient_harmed, c.companion_entry_id
    from deviations d
    join people h on h.id = d.handler_id
    join deviation_categories c on c.id = d.category_id
    left join deviations l on l.id = d.linked_deviation_id
    where d.id = ${id}`,
  );
  const row = found[0];
  if (!row) throw new AppError('deviation.not_found', 'not_found');
  let companion: DeviationReceipt['companion'] = null;
  if (row.patient_harmed && row.companion_entry_id && !row.linked_id) {
    const [entry] = await tx
      .select({ id: deviationEntries.id, name: deviationEntries.name })
      .from(deviationEntries)
      .where(eq(deviationEntries.id, row.companion_entry_id));
    if (entry) companion = { entryId: entry.id, entryName: entry.name };
  }
  return {
    id: row.id,
    number: row.number,
    reportedAt: new Date(row.reported_at).toISOString(),
    handler: { id: row.handler_id, name: row.handler_name },
    companion,
    linkedDeviation:
      row.linked_id && row.linked_number ? { id: row.linked_id, number: row.linked_number } : null,
  };
}
