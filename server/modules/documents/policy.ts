import type { DocumentAction } from '../../../contracts/documents.ts';
import { type Actor, hasRole } from '../../platform/access.ts';
import { isOrganisationAdministrator, type loadSteward } from '../organisation/index.ts';

// Who may do what with document types and templates:
// 1. Every signed-in person of an organisation reads its active types and templates: authors write
//    from them. Another organisation's are not there for them at all (404, never 403).
// 2. Only the organisation's administrators (the administrator role on its root unit, the same rule
//    as the deviation configuration) add, change, deactivate and reactivate them, and see the
//    deactivated ones.

type Steward = Awaited<ReturnType<typeof loadSteward>>;

/** The door: refused before the body is read, for anyone who administers no organisation. */
export function mayAdministerSomeOrganisation(actor: Actor): boolean {
  return isOrganisationAdministrator(actor);
}

/** Rule 2, for the actor's own organisation. */
export function mayKeepDocumentConfig(steward: Steward): boolean {
  return steward.administered.has(steward.actor.organisationId);
}

export function configActions(mayKeep: boolean): Array<'edit'> {
  return mayKeep ? ['edit'] : [];
}

// Who may do what with documents and their versions (issue 5, slice 2):
// 3. Every signed-in person of the organisation reads its published documents and their published
//    and superseded versions. A document never published, and every draft, is read only by its
//    owner, reviewers (the document's own and anyone a review round of it was sent to) and approver
//    and the organisation's administrators; for anyone else it is not
//    there (404). Another organisation's documents are not there for anyone (404).
// 4. Managers, quality coordinators and administrators create documents.
// 5. The owner and the administrators change the metadata (the details: PATCH) and the draft (only
//    while it is being written); neither once the document is archived, until it is restored.
// 6. The approver and the administrators publish (rule 9: only a draft awaiting approval).

export interface DocumentRoles {
  isOwner: boolean;
  isApprover: boolean;
  /** one of the document's reviewers, or a reviewer of one of its review rounds */
  isReviewer: boolean;
  /** administers the document's organisation */
  isAdministrator: boolean;
}

/** Rule 4, the door: refused before the body is read. */
export function mayCreateDocument(actor: Actor): boolean {
  return (
    hasRole(actor, 'manager') || hasRole(actor, 'quality_coordinator') || isOrganisationAdministrator(actor)
  );
}

export function mayReadDrafts(roles: DocumentRoles): boolean {
  return roles.isOwner || roles.isReviewer || roles.isApprover || roles.isAdministrator;
}

export function mayEditDocument(roles: DocumentRoles): boolean {
  return roles.isOwner || roles.isAdministrator;
}

/** Rule 5's details (the PATCH): the owner and the administrators, until the document is archived. */
export function mayEditDetails(roles: DocumentRoles, state: Pick<DocumentState, 'archived'>): boolean {
  return mayEditDocument(roles) && !state.archived;
}

export function mayPublishDocument(roles: DocumentRoles): boolean {
  return roles.isApprover || roles.isAdministrator;
}

// The lifecycle (issue 5): a draft is written, goes out for review rounds, to the approver, and is
// published or sent back. An archived document changes no more until it is restored.
// 7. The owner and the administrators open and close review rounds, answer comments, submit the
//    draft for approval, archive and restore.
// 8. A round's reviewers and the document's approver comment while the round is open.
// 9. The approver and the administrators publish (approve) or send back a draft awaiting approval.

/** Where the document and its draft stand, as far as the rules need to know. */
export interface DocumentState {
  archived: boolean;
  /** the draft's stage; null without a draft */
  stage: 'writing' | 'in_review' | 'awaiting_approval' | null;
  /** the open round's reviewers, when a round is open */
  openRoundReviewers: string[] | null;
  /** comments on the draft's rounds */
  draftComments: number;
}

export function mayManageLifecycle(roles: DocumentRoles): boolean {
  return mayEditDocument(roles);
}

/** The draft's content may change only while it is being written, and never once archived. */
export function mayEditDraftNow(roles: DocumentRoles, state: DocumentState): boolean {
  return mayEditDocument(roles) && !state.archived && (state.stage === null || state.stage === 'writing');
}

export function mayOpenReview(roles: DocumentRoles, state: DocumentState): boolean {
  return mayManageLifecycle(roles) && !state.archived && state.stage === 'writing';
}

export function mayCloseReview(roles: DocumentRoles, state: DocumentState): boolean {
  return mayManageLifecycle(roles) && !state.archived && state.openRoundReviewers !== null;
}

/** Rule 8. */
export function mayComment(roles: DocumentRoles, personId: string, roundReviewers: string[]): boolean {
  return roles.isApprover || roundReviewers.includes(personId);
}

export function mayCommentNow(roles: DocumentRoles, personId: string, state: DocumentState): boolean {
  return (
    !state.archived &&
    state.openRoundReviewers !== null &&
    mayComment(roles, personId, state.openRoundReviewers)
  );
}

/** Answers belong to the draft being written or reviewed, not to one with the approver. */
export function mayAnswerNow(roles: DocumentRoles, state: DocumentState): boolean {
  return (
    mayManageLifecycle(roles) &&
    !state.archived &&
    (state.stage === 'writing' || state.stage === 'in_review') &&
    state.draftComments > 0
  );
}

export function maySubmitNow(roles: DocumentRoles, state: DocumentState): boolean {
  return mayManageLifecycle(roles) && !state.archived && state.stage === 'writing';
}

/** Rule 9. */
export function mayDecideNow(roles: DocumentRoles, state: DocumentState): boolean {
  return mayPublishDocument(roles) && !state.archived && state.stage === 'awaiting_approval';
}

export function mayArchiveNow(roles: DocumentRoles, state: DocumentState): boolean {
  return mayManageLifecycle(roles) && !state.archived;
}

export function mayRestoreNow(roles: DocumentRoles, state: DocumentState): boolean {
  return mayManageLifecycle(roles) && state.archived;
}

/** Exactly what the caller may do now. */
export function documentActions(
  roles: DocumentRoles,
  personId: string,
  state: DocumentState,
): DocumentAction[] {
  const actions: DocumentAction[] = [];
  if (mayEditDraftNow(roles, state)) actions.push('edit');
  if (mayEditDetails(roles, state)) actions.push('edit_details');
  if (mayOpenReview(roles, state)) actions.push('open_review');
  if (mayCloseReview(roles, state)) actions.push('close_review');
  if (mayCommentNow(roles, personId, state)) actions.push('comment');
  if (mayAnswerNow(roles, state)) actions.push('answer');
  if (maySubmitNow(roles, state)) actions.push('submit');
  if (mayDecideNow(roles, state)) actions.push('publish', 'send_back');
  if (mayArchiveNow(roles, state)) actions.push('archive');
  if (mayRestoreNow(roles, state)) actions.push('restore');
  return actions;
}
