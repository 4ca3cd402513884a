import { and, asc, eq, sql } from 'drizzle-orm';
import type { Deviation } from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { bodies, units } from '../organisation/tables.ts';
import { attachmentsOf } from './attachments.ts';
import { changedDocumentsOf } from './document-links.ts';
import { bodyNamesFor, presentEvent, visibleEvents } from './events.ts';
import { type CaseView, caseViewOf, isHandler, maySeeAttachments, maySeeReporter } from './policy.ts';
import { categoryPath, type LoadedCase, namesOf, queryRows, requireCase } from './records.ts';
import {
  deviationActions,
  deviationContacts,
  deviationEntries,
  deviationEvents,
  deviationPatients,
  deviations,
} from './tables.ts';
import { allowedCommands } from './transitions.ts';

/** Open work past its date: not yet resolved or closed, and due. */
export function isOverdue(status: string, dueAt: Date, now: Date): boolean {
  return (status === 'submitted' || status === 'in_handling' || status === 'escalated') && dueAt < now;
}

/** The case as this actor may see it; null when they may not read it at all. */
export async function presentCase(tx: Db, actor: Actor, c: LoadedCase, view: CaseView): Promise<Deviation> {
  const row = c.row;
  const now = new Date();
  // One query at a time: a transaction is one connection, which runs one query at a time.
  const path = await categoryPath(tx, row.categoryId);
  const [entry] = await tx
    .select({ id: deviationEntries.id, name: deviationEntries.name })
    .from(deviationEntries)
    .where(eq(deviationEntries.id, row.entryId));
  const [unit] = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.id, row.unitId));
  const [patient] =
    view === 'handler'
      ? await tx.select().from(deviationPatients).where(eq(deviationPatients.deviationId, row.id))
      : [];
  const [body] = row.currentBodyId
    ? await tx
        .select({ id: bodies.id, name: bodies.name })
        .from(bodies)
        .where(eq(bodies.id, row.currentBodyId))
    : [];
  const [linked] = row.linkedDeviationId
    ? await tx
        .select({ id: deviations.id, number: deviations.number })
        .from(deviations)
        .where(eq(deviations.id, row.linkedDeviationId))
    : [];
  const events = await tx
    .select()
    .from(deviationEvents)
    .where(eq(deviationEvents.deviationId, row.id))
    .orderBy(asc(deviationEvents.at));
  // The reporter's view shows only the actions the reader owns (a reporter may be given one).
  const actions = await tx
    .select()
    .from(deviationActions)
    .where(
      view === 'reporter'
        ? and(eq(deviationActions.deviationId, row.id), eq(deviationActions.ownerId, actor.personId))
        : eq(deviationActions.deviationId, row.id),
    )
    .orderBy(asc(deviationActions.dueOn));
  const contacts =
    view === 'reporter'
      ? []
      : await tx
          .select()
          .from(deviationContacts)
          .where(eq(deviationContacts.deviationId, row.id))
          .orderBy(asc(deviationContacts.contactedOn));
  const category = path[path.length - 1];
  if (!entry || !unit || !category) throw new Error(`deviation ${row.id} lacks its entry, unit or category`);

  const shownEvents = visibleEvents(events, view);
  const names = await namesOf(tx, [
    row.handlerId,
    row.reporterId,
    ...shownEvents.flatMap((e) => [e.actorId, e.toPersonId].filter((x): x is string => x !== null)),
    ...actions.map((a) => a.ownerId),
    ...contacts.map((k) => k.createdBy),
  ]);
  // A body that has since left the type's ladder is still named in the history.
  const bodyNames = await bodyNamesFor(tx, c, shownEvents);
  if (body) bodyNames.set(body.id, body.name);
  const named = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const reporterVisible = maySeeReporter(actor, c.facts, view, row.reporterNameShared);
  // A body member's view hides the reporter among the events too.
  const hideActor = (id: string | null) => (!reporterVisible && id === row.reporterId ? null : named(id));

  return {
    id: row.id,
    number: row.number,
    view,
    status: row.status,
    entry,
    category: { id: category.id, name: category.name, path: path.map((n) => n.name) },
    patientRelated: category.patientRelated,
    unit,
    occurredAt: row.occurredAt.toISOString(),
    reportedAt: row.reportedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row.status, row.dueAt, now),
    description: row.description,
    immediateAction: row.immediateAction,
    suggestion: row.suggestion,
    patientInvolved: row.patientInvolved,
    patientHarmed: row.patientHarmed,
    patient: patient ? { kind: patient.kind, identifier: patient.identifier } : null,
    reporter: reporterVisible ? named(row.reporterId) : null,
    reporterNameShared: row.reporterNameShared,
    handler: { id: row.handlerId, name: names.get(row.handlerId) ?? '' },
    currentBody: body && row.bodyPurpose ? { id: body.id, name: body.name, purpose: row.bodyPurpose } : null,
    ladder: c.ladder,
    ladderPosition: row.ladderPosition,
    risk:
      row.riskConsequence !== null && row.riskProbability !== null
        ? {
            consequence: row.riskConsequence,
            probability: row.riskProbability,
            score: row.riskConsequence * row.riskProbability,
          }
        : null,
    raiseAtUnitMeeting: row.raiseAtUnitMeeting,
    unitMeetingRaisedOn: row.unitMeetingRaisedOn,
    feedback: row.feedback,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    linkedDeviation: linked ?? null,
    companionEntryId:
      row.patientHarmed && !row.linkedDeviationId && row.reporterId === actor.personId
        ? category.companionEntryId
        : null,
    version: row.version,
    events: shownEvents.map((e) =>
      presentEvent(e, view, { actor: hideActor, person: named, bodies: bodyNames }),
    ),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      owner: { id: a.ownerId, name: names.get(a.ownerId) ?? '' },
      dueOn: a.dueOn,
      status: a.status,
      overdue: a.status === 'open' && a.dueOn < stockholmDay(now),
      completedAt: a.completedAt?.toISOString() ?? null,
    })),
    contacts: contacts.map((k) => ({
      id: k.id,
      unitContactId: k.unitContactId,
      counterpartName: k.counterpartName,
      counterpartOrganisation: k.counterpartOrganisation,
      contactedOn: k.contactedOn,
      channel: k.channel,
      summary: k.summary,
      outcome: k.outcome,
      createdBy: { id: k.createdBy, name: names.get(k.createdBy) ?? '' },
      createdAt: k.createdAt.toISOString(),
    })),
    attachments: maySeeAttachments(actor, c.facts, view) ? await attachmentsOf(tx, row.id) : [],
    partnerContacts: view === 'handler' ? await partnerContactsOf(tx, c.unitPath) : [],
    changedDocuments: view === 'reporter' ? [] : await changedDocumentsOf(tx, row.id),
    allowedActions: commandsFor(actor, c, view),
  };
}

/** What the viewer may do: the transition table's answer, and adding files for handlers and the reporter. */
function commandsFor(actor: Actor, c: LoadedCase, view: CaseView): Deviation['allowedActions'] {
  const commands = view === 'reporter' ? [] : allowedCommands(actor, c);
  const mayAttach = isHandler(actor, c.facts) || c.row.reporterId === actor.personId;
  if (view !== 'body' && mayAttach && c.row.status !== 'closed') commands.push('add_attachment');
  return commands;
}

/** The contact persons at partner agencies of the unit where it happened and of the units above it. */
async function partnerContactsOf(tx: Db, unitPath: string): Promise<Deviation['partnerContacts']> {
  return queryRows<Deviation['partnerContacts'][number]>(
    tx,
    sql`select c.id, c.name, c.role, o.name as "organisationName", u.name as "unitName"
        from unit_contacts c
        join units u on u.id = c.unit_id
        join organisations o on o.id = c.organisation_id
        where ${unitPath} like u.path || '%'
        order by length(u.path) desc, o.name, c.name`,
  );
}

/** Opens a case for reading: decides the view, logs the read in the same transaction, presents it. */
export async function getDeviation(
  options: { actor: Actor; audit: AuditContext; deviationId: string },
  tx: Db,
): Promise<Deviation> {
  const c = await requireCase(tx, options.deviationId);
  const view = caseViewOf(options.actor, c.facts);
  if (!view) throw new AppError('deviation.not_found', 'not_found');
  await writeAudit(tx, options.audit, {
    action: 'deviation.read',
    entityType: 'deviation',
    entityId: c.row.id,
    summary: { number: c.row.number, view },
  });
  return presentCase(tx, options.actor, c, view);
}

/** After a change: the case as the actor now sees it (no read row: the change has its own). */
export async function caseAfterChange(tx: Db, actor: Actor, deviationId: string): Promise<Deviation> {
  const c = await requireCase(tx, deviationId);
  const view = caseViewOf(actor, c.facts) ?? 'reporter';
  return presentCase(tx, actor, c, view);
}
