import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createActionBody,
  createContactBody,
  updateActionBody,
  updateDeviationBody,
} from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/index.ts';
import { organisations, people, unitContacts, units } from '../organisation/tables.ts';
import { requireVersion, versionData } from './conflict.ts';
import { isHandler, refusalFor } from './policy.ts';
import { type LoadedCase, requireCase } from './records.ts';
import { deviationActions, deviationContacts, deviationEvents, deviations } from './tables.ts';

// The handler's work on a case between the transitions: assessment, notes, actions, contacts and
// the unit meeting. Each writes an event for the case's history and an audit row, in one transaction.

async function requireHandledCase(
  tx: Db,
  actor: Actor,
  deviationId: string,
  expectedVersion?: number,
): Promise<LoadedCase> {
  const c = await requireCase(tx, deviationId, { lock: true });
  if (!isHandler(actor, c.facts)) throw refusalFor(actor, c.facts);
  // Before "closed": a case closed meanwhile is told as what it is, a change by someone else.
  await requireVersion(tx, actor, c, expectedVersion);
  if (c.row.status === 'closed') throw new AppError('deviation.closed', 'conflict');
  return c;
}

/** Bumps the case's version; answers the new one, which the change's events record. */
async function touch(
  tx: Db,
  deviationId: string,
  set: Partial<typeof deviations.$inferInsert> = {},
): Promise<number> {
  const [row] = await tx
    .update(deviations)
    .set({ ...set, version: sql`${deviations.version} + 1`, updatedAt: new Date() })
    .where(eq(deviations.id, deviationId))
    .returning({ version: deviations.version });
  if (!row) throw new Error(`deviation ${deviationId} vanished while locked`);
  return row.version;
}

async function event(
  tx: Db,
  actor: Actor,
  deviationId: string,
  version: number,
  action: string,
  extra: { comment?: string; data?: Record<string, unknown> } = {},
): Promise<void> {
  await tx.insert(deviationEvents).values({
    deviationId,
    actorId: actor.personId,
    action,
    comment: extra.comment,
    data: { ...extra.data, ...versionData(version) },
  });
}

/** Risk (consequence × probability, both or neither) and the unit-meeting mark. */
export async function updateHandling(
  options: {
    actor: Actor;
    audit: AuditContext;
    deviationId: string;
    changes: z.infer<typeof updateDeviationBody>;
  },
  tx: Db,
): Promise<void> {
  const { actor, changes } = options;
  const c = await requireHandledCase(tx, actor, options.deviationId, changes.expectedVersion);
  const next: Partial<typeof deviations.$inferInsert> = {};
  if (changes.riskConsequence !== undefined || changes.riskProbability !== undefined) {
    const consequence =
      changes.riskConsequence === undefined ? c.row.riskConsequence : changes.riskConsequence;
    const probability =
      changes.riskProbability === undefined ? c.row.riskProbability : changes.riskProbability;
    if ((consequence === null) !== (probability === null))
      throw new AppError('deviation.risk_incomplete', 'validation', {
        fields: [
          {
            path: consequence === null ? 'riskConsequence' : 'riskProbability',
            key: 'deviation.risk_incomplete',
          },
        ],
      });
    next.riskConsequence = consequence;
    next.riskProbability = probability;
  }
  if (changes.raiseAtUnitMeeting !== undefined) {
    next.raiseAtUnitMeeting = changes.raiseAtUnitMeeting;
    // Marked again after a meeting: it waits for the next one.
    if (changes.raiseAtUnitMeeting && !c.row.raiseAtUnitMeeting) next.unitMeetingRaisedOn = null;
  }
  const summary = diffSummary(c.row, next);
  if (Object.keys(summary).length === 0) return;
  const version = await touch(tx, c.row.id, next);
  if ('riskConsequence' in summary || 'riskProbability' in summary)
    await event(tx, actor, c.row.id, version, 'risk_assessed', {
      data: { consequence: next.riskConsequence ?? null, probability: next.riskProbability ?? null },
    });
  if ('raiseAtUnitMeeting' in summary)
    await event(
      tx,
      actor,
      c.row.id,
      version,
      next.raiseAtUnitMeeting ? 'marked_for_unit_meeting' : 'unmarked_for_unit_meeting',
    );
  await writeAudit(tx, options.audit, {
    action: 'deviation.handling_updated',
    entityType: 'deviation',
    entityId: c.row.id,
    summary: { number: c.row.number, ...summary },
  });
}

export async function addNote(
  options: { actor: Actor; audit: AuditContext; deviationId: string; text: string },
  tx: Db,
): Promise<void> {
  const c = await requireHandledCase(tx, options.actor, options.deviationId);
  const version = await touch(tx, c.row.id);
  await event(tx, options.actor, c.row.id, version, 'note', { comment: options.text });
  await writeAudit(tx, options.audit, {
    action: 'deviation.note_added',
    entityType: 'deviation',
    entityId: c.row.id,
    summary: { number: c.row.number },
  });
}

async function requireOwner(tx: Db, actor: Actor, ownerId: string): Promise<{ id: string; name: string }> {
  const [owner] = await tx
    .select({
      id: people.id,
      name: people.name,
      organisationId: people.organisationId,
      active: people.active,
    })
    .from(people)
    .where(eq(people.id, ownerId));
  if (!owner?.active || owner.organisationId !== actor.organisationId)
    throw new AppError('deviation.owner_invalid', 'validation', {
      fields: [{ path: 'ownerId', key: 'deviation.owner_invalid' }],
    });
  return owner;
}

export async function createAction(
  options: {
    actor: Actor;
    audit: AuditContext;
    deviationId: string;
    input: z.infer<typeof createActionBody>;
  },
  tx: Db,
): Promise<{ ownerId: string; number: string }> {
  const { actor, input } = options;
  const c = await requireHandledCase(tx, actor, options.deviationId);
  const owner = await requireOwner(tx, actor, input.ownerId);
  const [row] = await tx
    .insert(deviationActions)
    .values({ deviationId: c.row.id, title: input.title, ownerId: owner.id, dueOn: input.dueOn })
    .returning({ id: deviationActions.id });
  if (!row) throw new Error('action insert returned no row');
  const version = await touch(tx, c.row.id);
  await event(tx, actor, c.row.id, version, 'action_added', {
    data: { actionId: row.id, ownerId: owner.id },
  });
  await writeAudit(tx, options.audit, {
    action: 'deviation.action_created',
    entityType: 'deviation_action',
    entityId: row.id,
    summary: { deviationId: c.row.id, number: c.row.number, ownerId: owner.id, dueOn: input.dueOn },
  });
  await tellOwner(tx, actor, { ...input, ownerId: owner.id, deviationId: c.row.id, number: c.row.number });
  return { ownerId: owner.id, number: c.row.number };
}

/** The person given an action is told, unless they gave it to themselves. */
async function tellOwner(
  tx: Db,
  actor: Actor,
  action: { ownerId: string; deviationId: string; number: string; title: string; dueOn: string },
): Promise<void> {
  if (action.ownerId === actor.personId) return;
  await notify(tx, {
    personIds: [action.ownerId],
    kind: 'deviation.action_assigned',
    params: { number: action.number, action: action.title, dueOn: action.dueOn },
    entityType: 'deviation',
    entityId: action.deviationId,
  });
}

/** The handler changes an action; its owner may mark it done or change its status. */
export async function updateAction(
  options: { actor: Actor; audit: AuditContext; actionId: string; changes: z.infer<typeof updateActionBody> },
  tx: Db,
): Promise<{ deviationId: string }> {
  const { actor, changes } = options;
  const [action] = await tx
    .select()
    .from(deviationActions)
    .where(eq(deviationActions.id, options.actionId))
    .for('update');
  if (!action) throw new AppError('deviation.action_not_found', 'not_found');
  const c = await requireCase(tx, action.deviationId, { lock: true });
  const handler = isHandler(actor, c.facts);
  const ownerOnlyStatus =
    action.ownerId === actor.personId &&
    Object.keys(changes).every((k) => k === 'status' || k === 'expectedVersion');
  if (!handler && !ownerOnlyStatus) {
    if (action.ownerId === actor.personId)
      throw new AppError('deviation.action_owner_status_only', 'forbidden');
    throw refusalFor(actor, c.facts);
  }
  await requireVersion(tx, actor, c, changes.expectedVersion);
  if (c.row.status === 'closed') throw new AppError('deviation.closed', 'conflict');
  if (changes.ownerId && changes.ownerId !== action.ownerId) await requireOwner(tx, actor, changes.ownerId);
  const next: Partial<typeof deviationActions.$inferInsert> = {
    title: changes.title,
    ownerId: changes.ownerId,
    dueOn: changes.dueOn,
    status: changes.status,
  };
  if (changes.status && changes.status !== action.status)
    next.completedAt = changes.status === 'open' ? null : new Date();
  if (changes.dueOn && changes.dueOn !== action.dueOn) {
    next.remindedAt = null;
    next.escalatedAt = null;
  }
  const summary = diffSummary(action, {
    title: next.title,
    ownerId: next.ownerId,
    dueOn: next.dueOn,
    status: next.status,
  });
  if (Object.keys(summary).length === 0) return { deviationId: c.row.id };
  await tx.update(deviationActions).set(next).where(eq(deviationActions.id, action.id));
  const version = await touch(tx, c.row.id);
  await event(tx, actor, c.row.id, version, 'action_updated', { data: { actionId: action.id, ...summary } });
  await writeAudit(tx, options.audit, {
    action: 'deviation.action_updated',
    entityType: 'deviation_action',
    entityId: action.id,
    summary: { deviationId: c.row.id, ...summary },
  });
  if (changes.ownerId && changes.ownerId !== action.ownerId)
    await tellOwner(tx, actor, {
      ownerId: changes.ownerId,
      deviationId: c.row.id,
      number: c.row.number,
      title: changes.title ?? action.title,
      dueOn: changes.dueOn ?? action.dueOn,
    });
  return { deviationId: c.row.id };
}

/** Logs a contact with a partner: one of the unit's contact persons (or its parents'), or anyone named. */
export async function logContact(
  options: {
    actor: Actor;
    audit: AuditContext;
    deviationId: string;
    input: z.infer<typeof createContactBody>;
  },
  tx: Db,
): Promise<void> {
  const { actor, input } = options;
  const c = await requireHandledCase(tx, actor, options.deviationId);
  let counterpartName = input.counterpartName ?? '';
  let counterpartOrganisation = input.counterpartOrganisation ?? '';
  if (input.unitContactId) {
    const [contact] = await tx
      .select({
        name: unitContacts.name,
        role: unitContacts.role,
        organisation: organisations.name,
        path: units.path,
      })
      .from(unitContacts)
      .innerJoin(units, eq(units.id, unitContacts.unitId))
      .innerJoin(organisations, eq(organisations.id, unitContacts.organisationId))
      .where(eq(unitContacts.id, input.unitContactId));
    if (!contact || !c.unitPath.startsWith(contact.path))
      throw new AppError('deviation.contact_not_of_unit', 'validation', {
        fields: [{ path: 'unitContactId', key: 'deviation.contact_not_of_unit' }],
      });
    counterpartName = counterpartName || `${contact.name} (${contact.role})`;
    counterpartOrganisation = counterpartOrganisation || contact.organisation;
  }
  if (!counterpartName)
    throw new AppError('deviation.counterpart_required', 'validation', {
      fields: [{ path: 'counterpartName', key: 'deviation.counterpart_required' }],
    });
  const [row] = await tx
    .insert(deviationContacts)
    .values({
      deviationId: c.row.id,
      unitContactId: input.unitContactId ?? null,
      counterpartName,
      counterpartOrganisation,
      contactedOn: input.contactedOn,
      channel: input.channel,
      summary: input.summary,
      outcome: input.outcome ?? '',
      createdBy: actor.personId,
    })
    .returning({ id: deviationContacts.id });
  if (!row) throw new Error('contact insert returned no row');
  const version = await touch(tx, c.row.id);
  await event(tx, actor, c.row.id, version, 'contact_logged', { data: { contactId: row.id } });
  await writeAudit(tx, options.audit, {
    action: 'deviation.contact_logged',
    entityType: 'deviation',
    entityId: c.row.id,
    summary: { number: c.row.number, contactId: row.id, counterpartName, channel: input.channel },
  });
}

/** Records that these cases were raised at the unit meeting on a date: all of them, or none. */
export async function recordRaisedAtMeeting(
  options: { actor: Actor; audit: AuditContext; deviationIds: string[]; raisedOn: string },
  tx: Db,
): Promise<number> {
  const ids = [...new Set(options.deviationIds)];
  if (options.raisedOn > stockholmDay())
    throw new AppError('deviation.meeting_in_future', 'validation', {
      fields: [{ path: 'raisedOn', key: 'deviation.meeting_in_future' }],
    });
  // Check every case before changing any: all of them, or none.
  const cases: LoadedCase[] = [];
  for (const id of ids) {
    const c = await requireCase(tx, id, { lock: true });
    if (!isHandler(options.actor, c.facts)) throw refusalFor(options.actor, c.facts);
    if (!c.row.raiseAtUnitMeeting) throw new AppError('deviation.not_awaiting_meeting', 'conflict');
    cases.push(c);
  }
  for (const c of cases) {
    const version = await touch(tx, c.row.id, { unitMeetingRaisedOn: options.raisedOn });
    await event(tx, options.actor, c.row.id, version, 'raised_at_unit_meeting', {
      data: { raisedOn: options.raisedOn },
    });
    await writeAudit(tx, options.audit, {
      action: 'deviation.raised_at_unit_meeting',
      entityType: 'deviation',
      entityId: c.row.id,
      summary: { number: c.row.number, raisedOn: options.raisedOn },
    });
  }
  return ids.length;
}
