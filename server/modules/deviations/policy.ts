import { type Actor, scopeRoots } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';

// Who may see and do what with a deviation, as plain functions over the actor and the case. The
// use cases call them inside their transaction; list and statistics queries filter by the same
// subtree roots, so a list never shows what the case page would refuse.

/** What the rules need to know of a case. */
export interface CaseFacts {
  organisationId: string;
  reporterId: string;
  handlerId: string;
  /** the materialised path of the unit where it happened */
  unitPath: string;
  currentBodyId: string | null;
  /** every body the case has reached (a member keeps reading what reached the body) */
  bodiesReached: readonly string[];
  /** the owners of the case's actions: each reads the case as its reporter does, to do their part */
  actionOwnerIds: readonly string[];
}

/**
 * The subtree roots whose cases the actor handles or follows up: a manager's units and a quality
 * coordinator's. Statistics and the "unit" list use these; the administrator role alone gives none,
 * as looking after the organisation is not reading its patient-safety cases.
 */
export function caseScopeRoots(actor: Actor): string[] {
  const roots = [...scopeRoots(actor, 'manager'), ...scopeRoots(actor, 'quality_coordinator')];
  return roots.filter((p) => !roots.some((q) => q !== p && p.startsWith(q)));
}

function withinRoots(roots: readonly string[], path: string): boolean {
  return roots.some((root) => path.startsWith(root));
}

/** Managers over the unit where it happened may act as its handler (the seed: "din eller någon annan chef"). */
export function isManagerOver(actor: Actor, facts: CaseFacts): boolean {
  return withinRoots(scopeRoots(actor, 'manager'), facts.unitPath);
}

export function isHandler(actor: Actor, facts: CaseFacts): boolean {
  return facts.handlerId === actor.personId || isManagerOver(actor, facts);
}

/** Quality coordinators over the unit read everything a handler reads, but do not move the case. */
export function isCoordinatorOver(actor: Actor, facts: CaseFacts): boolean {
  return withinRoots(scopeRoots(actor, 'quality_coordinator'), facts.unitPath);
}

export function isMemberOf(actor: Actor, bodyId: string | null): boolean {
  return bodyId !== null && actor.bodies.some((b) => b.bodyId === bodyId);
}

export type CaseView = 'handler' | 'body' | 'reporter';

/**
 * Whose view the actor gets of the case, or null when they may not read it. The handler's view
 * wins over a body member's, which wins over the reporter's own.
 */
/** The attachments are the reporter's and the handlers': never a body's, nor an action owner's. */
export function maySeeAttachments(actor: Actor, facts: CaseFacts, view: CaseView): boolean {
  return view === 'handler' || facts.reporterId === actor.personId;
}

export function caseViewOf(actor: Actor, facts: CaseFacts): CaseView | null {
  if (isHandler(actor, facts) || isCoordinatorOver(actor, facts)) return 'handler';
  if (facts.bodiesReached.some((bodyId) => isMemberOf(actor, bodyId))) return 'body';
  if (facts.reporterId === actor.personId || facts.actionOwnerIds.includes(actor.personId)) return 'reporter';
  return null;
}

/** Body members from another organisation than the case's see who reported only if the reporter agreed. */
export function maySeeReporter(actor: Actor, facts: CaseFacts, view: CaseView, nameShared: boolean): boolean {
  // An action's owner reads the case as its reporter does, but is not told who reported it.
  if (view === 'reporter') return facts.reporterId === actor.personId;
  if (view !== 'body') return true;
  return nameShared || actor.organisationId === facts.organisationId;
}

/**
 * The refusal for someone who may not do this: 403 for those who may read the case, 404 for the
 * rest, so that a case's existence is not told to people who may not see it.
 */
export function refusalFor(actor: Actor, facts: CaseFacts, code = 'deviation.not_yours'): AppError {
  return caseViewOf(actor, facts)
    ? new AppError(code, 'forbidden')
    : new AppError('deviation.not_found', 'not_found');
}
