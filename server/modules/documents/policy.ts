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
//    owner, reviewers and approver and the organisation's administrators; for anyone else it is not
//    there (404). Another organisation's documents are not there for anyone (404).
// 4. Managers, quality coordinators and administrators create documents.
// 5. The owner and the administrators change the metadata and the draft.
// 6. The approver and the administrators publish.

export interface DocumentRoles {
  isOwner: boolean;
  isApprover: boolean;
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

export function mayPublishDocument(roles: DocumentRoles): boolean {
  return roles.isApprover || roles.isAdministrator;
}

export function documentActions(roles: DocumentRoles, hasDraft: boolean): Array<'edit' | 'publish'> {
  const actions: Array<'edit' | 'publish'> = [];
  if (mayEditDocument(roles)) actions.push('edit');
  if (hasDraft && mayPublishDocument(roles)) actions.push('publish');
  return actions;
}
