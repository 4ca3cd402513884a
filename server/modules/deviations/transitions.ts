import { eq, sql } from 'drizzle-orm';
import type { DeviationCommand, DeviationStatus, TransitionBody } from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { ReadableDocument } from '../documents/index.ts';
import { notify as notifyPeople } from '../notifications/index.ts';
import { bodyMembers, people, roleAssignments } from '../organisation/tables.ts';
import { requireVersion, versionData } from './conflict.ts';
import { changedDocumentsFor, linkDocuments } from './document-links.ts';
import { isHandler, isMemberOf, refusalFor } from './policy.ts';
import { type LoadedCase, requireCase } from './records.ts';
import { deviationEvents, deviations } from './tables.ts';

// The status transitions of a case as one typed table: from which status, who may, where a body
// must (or must not) hold the case, and what must be given. The UI offers exactly what
// `allowedCommands` returns, and `applyTransition` checks the same table again.

type Action = TransitionBody['action'];
/** handler: the manager holding the case (or a manager over its unit); member: of the body holding it */
type Who = 'handler' | 'member';
type Holder = 'manager' | 'body_decision' | 'body_learning' | 'body_any';

interface Rule {
  from: readonly DeviationStatus[];
  who: Who;
  holder: Holder;
  /** the reporter's timeline shows this step (never its comment, except the feedback) */
  visibleToReporter: boolean;
}

export const transitionTable: Record<Action, Rule> = {
  accept: { from: ['submitted'], who: 'handler', holder: 'manager', visibleToReporter: true },
  forward: { from: ['submitted', 'in_handling'], who: 'handler', holder: 'manager', visibleToReporter: true },
  escalate: { from: ['in_handling'], who: 'handler', holder: 'manager', visibleToReporter: true },
  record_position: {
    from: ['escalated', 'resolved'],
    who: 'member',
    holder: 'body_any',
    visibleToReporter: false,
  },
  return: { from: ['escalated', 'resolved'], who: 'member', holder: 'body_any', visibleToReporter: false },
  resolve: { from: ['in_handling'], who: 'handler', holder: 'manager', visibleToReporter: true },
  close: { from: ['in_handling', 'resolved'], who: 'handler', holder: 'manager', visibleToReporter: true },
  reopen: { from: ['closed'], who: 'handler', holder: 'manager', visibleToReporter: true },
  lift_for_learning: { from: ['resolved'], who: 'handler', holder: 'manager', visibleToReporter: false },
};

/**
 * Escalating and closing are also a body's to do: a body member escalates a case it holds for a
 * decision to the next body, or closes it. These rows extend the table for that holder.
 */
const bodyRules: Partial<Record<Action, Rule>> = {
  escalate: { from: ['escalated'], who: 'member', holder: 'body_decision', visibleToReporter: true },
  close: { from: ['escalated'], who: 'member', holder: 'body_decision', visibleToReporter: true },
};

function holderOf(c: LoadedCase): Exclude<Holder, 'body_any'> {
  if (!c.row.currentBodyId) return 'manager';
  return c.row.bodyPurpose === 'learning' ? 'body_learning' : 'body_decision';
}

function holderMatches(rule: Holder, actual: Exclude<Holder, 'body_any'>): boolean {
  return rule === actual || (rule === 'body_any' && actual !== 'manager');
}

function whoMatches(actor: Actor, c: LoadedCase, who: Who): boolean {
  return who === 'handler' ? isHandler(actor, c.facts) : isMemberOf(actor, c.row.currentBodyId);
}

/** The rule that lets this actor take this action on the case now, or null. */
function ruleFor(actor: Actor, c: LoadedCase, action: Action): Rule | null {
  const holder = holderOf(c);
  for (const rule of [transitionTable[action], bodyRules[action]]) {
    if (!rule) continue;
    if (!rule.from.includes(c.row.status) || !holderMatches(rule.holder, holder)) continue;
    if (whoMatches(actor, c, rule.who) && extraConditionHolds(c, action, rule)) return rule;
  }
  return null;
}

/** Conditions beyond status and holder: a ladder to climb, a step above. */
function extraConditionHolds(c: LoadedCase, action: Action, rule: Rule): boolean {
  if (action === 'escalate') return escalationTarget(c, rule.who) !== null;
  if (action === 'lift_for_learning') return c.ladder.length > 0;
  return true;
}

/**
 * Where an escalation goes. From the manager: to the body that last returned the case (it asked
 * for more work), else the first body. From a body: the next body up.
 */
function escalationTarget(
  c: LoadedCase,
  who: Who,
): { position: number; bodyId: string; bodyName: string } | null {
  const position = who === 'member' ? c.row.ladderPosition + 1 : Math.max(1, c.row.ladderPosition);
  return c.ladder.find((s) => s.position === position) ?? null;
}

const everyAction = Object.keys(transitionTable) as Action[];

/** The transitions the actor may take now, plus the handling commands that go with being the handler. */
export function allowedCommands(actor: Actor, c: LoadedCase): DeviationCommand[] {
  const commands: DeviationCommand[] = everyAction.filter((action) => ruleFor(actor, c, action) !== null);
  if (isHandler(actor, c.facts) && c.row.status !== 'closed') {
    commands.push('edit_handling', 'add_note', 'add_action', 'log_contact');
  }
  return commands;
}

async function requireForwardTarget(tx: Db, actor: Actor, c: LoadedCase, personId: string) {
  const [target] = await tx
    .select({
      id: people.id,
      name: people.name,
      organisationId: people.organisationId,
      active: people.active,
    })
    .from(people)
    .where(eq(people.id, personId));
  const [isManager] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(sql`${roleAssignments.personId} = ${personId} and ${roleAssignments.role} = 'manager'`)
    .limit(1);
  if (!target?.active || target.organisationId !== actor.organisationId || !isManager)
    throw new AppError('deviation.forward_target_invalid', 'validation', {
      fields: [{ path: 'toPersonId', key: 'deviation.forward_target_invalid' }],
    });
  if (target.id === c.row.handlerId)
    throw new AppError('deviation.forward_to_self', 'validation', {
      fields: [{ path: 'toPersonId', key: 'deviation.forward_to_self' }],
    });
  return target;
}

function bodyName(c: LoadedCase): string {
  return c.ladder.find((s) => s.bodyId === c.row.currentBodyId)?.bodyName ?? '';
}

async function membersOf(tx: Db, bodyId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: bodyMembers.personId })
    .from(bodyMembers)
    .where(eq(bodyMembers.bodyId, bodyId));
  return rows.map((r) => r.personId);
}

export interface TransitionOutcome {
  deviationId: string;
  number: string;
  action: Action;
  /** who was told, and what (in the app, and by e-mail when it is on) */
  notify: Array<{ personIds: string[]; kind: string; params: Record<string, string> }>;
}

/**
 * Takes one transition: checks the table, the version the client saw, and what must be given;
 * writes the new state, the event and the audit row in the caller's transaction.
 */
export async function applyTransition(
  options: { actor: Actor; audit: AuditContext; deviationId: string; command: TransitionBody },
  tx: Db,
): Promise<TransitionOutcome> {
  const { actor, command } = options;
  const c = await requireCase(tx, options.deviationId, { lock: true });
  await requireVersion(tx, actor, c, command.expectedVersion);
  const rule = ruleFor(actor, c, command.action);
  if (!rule) {
    const mayAct = isHandler(actor, c.facts) || isMemberOf(actor, c.row.currentBodyId);
    throw mayAct
      ? new AppError('deviation.transition_not_allowed', 'conflict', {
          params: { action: command.action, status: c.row.status },
        })
      : refusalFor(actor, c.facts);
  }

  const now = new Date();
  const row = c.row;
  const set: Partial<typeof deviations.$inferInsert> = {};
  const event: Partial<typeof deviationEvents.$inferInsert> = {};
  const notify: TransitionOutcome['notify'] = [];
  const base = { number: row.number };
  let changedDocuments: ReadableDocument[] = [];

  switch (command.action) {
    case 'accept':
      set.status = 'in_handling';
      set.acceptedAt = now;
      break;
    case 'forward': {
      const target = await requireForwardTarget(tx, actor, c, command.toPersonId);
      set.status = 'submitted';
      set.handlerId = target.id;
      set.acceptedAt = null;
      set.triageRemindedAt = null;
      set.triageEscalatedAt = null;
      event.toPersonId = target.id;
      event.comment = command.reason;
      notify.push({
        personIds: [target.id],
        kind: 'deviation.forwarded',
        params: { ...base, by: actor.name },
      });
      break;
    }
    case 'escalate': {
      const target = escalationTarget(c, rule.who);
      if (!target) throw new AppError('deviation.ladder_top', 'conflict');
      set.status = 'escalated';
      set.currentBodyId = target.bodyId;
      set.bodyPurpose = 'decision';
      set.ladderPosition = target.position;
      event.bodyId = target.bodyId;
      event.comment = command.reason;
      notify.push({
        personIds: await membersOf(tx, target.bodyId),
        kind: 'deviation.escalated',
        params: { ...base, body: target.bodyName, reason: command.reason },
      });
      break;
    }
    case 'record_position':
      event.bodyId = row.currentBodyId;
      event.comment = command.position;
      break;
    case 'return':
      event.bodyId = row.currentBodyId;
      event.toPersonId = row.handlerId;
      event.comment = command.instructions;
      if (row.bodyPurpose === 'decision') set.status = 'in_handling';
      set.currentBodyId = null;
      set.bodyPurpose = null;
      notify.push({
        personIds: [row.handlerId],
        kind: 'deviation.returned',
        params: { ...base, body: bodyName(c), instructions: command.instructions },
      });
      break;
    case 'resolve':
      set.status = 'resolved';
      set.resolvedAt = now;
      event.comment = command.summary;
      break;
    case 'close':
      // Checked before anything is written: a wrong document refuses the whole close.
      changedDocuments = await changedDocumentsFor(tx, actor, row.organisationId, command.changedDocumentIds);
      set.status = 'closed';
      set.closedAt = now;
      set.resolvedAt = row.resolvedAt ?? now;
      set.feedback = command.feedback;
      if (row.currentBodyId) event.bodyId = row.currentBodyId;
      set.currentBodyId = null;
      set.bodyPurpose = null;
      event.comment = command.feedback;
      notify.push({ personIds: [row.reporterId], kind: 'deviation.closed', params: base });
      break;
    case 'reopen':
      set.status = 'in_handling';
      set.closedAt = null;
      set.resolvedAt = null;
      set.feedback = null;
      event.comment = command.reason;
      break;
    case 'lift_for_learning': {
      const first = c.ladder[0];
      if (!first) throw new AppError('deviation.no_ladder', 'conflict');
      set.currentBodyId = first.bodyId;
      set.bodyPurpose = 'learning';
      event.bodyId = first.bodyId;
      event.comment = command.reason;
      notify.push({
        personIds: await membersOf(tx, first.bodyId),
        kind: 'deviation.lifted',
        params: { ...base, body: first.bodyName },
      });
      break;
    }
    default: {
      const unreachable: never = command;
      throw new Error(`unknown transition ${JSON.stringify(unreachable)}`);
    }
  }

  const toStatus = set.status ?? row.status;
  const [changed] = await tx
    .update(deviations)
    .set({ ...set, version: sql`${deviations.version} + 1`, updatedAt: now })
    .where(eq(deviations.id, row.id))
    .returning({ version: deviations.version });
  if (!changed) throw new Error(`deviation ${row.id} vanished while locked`);
  await tx.insert(deviationEvents).values({
    deviationId: row.id,
    at: now,
    actorId: actor.personId,
    action: command.action,
    fromStatus: row.status,
    toStatus,
    visibleToReporter: rule.visibleToReporter,
    ...event,
    data: versionData(changed.version),
  });
  await writeAudit(tx, options.audit, {
    action: `deviation.${command.action}`,
    entityType: 'deviation',
    entityId: row.id,
    summary: {
      number: row.number,
      from: row.status,
      to: toStatus,
      ...(set.handlerId ? { handlerId: set.handlerId } : {}),
      ...(event.bodyId ? { bodyId: event.bodyId } : {}),
      ...(changedDocuments.length > 0 ? { changedDocumentIds: changedDocuments.map((d) => d.id) } : {}),
    },
  });
  await linkDocuments(tx, options.audit, actor, row, changedDocuments);
  for (const message of notify) {
    await notifyPeople(tx, { ...message, entityType: 'deviation', entityId: row.id });
  }
  return { deviationId: row.id, number: row.number, action: command.action, notify };
}
