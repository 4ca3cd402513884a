import type { Actor } from '../../platform/access.ts';
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
