import { type Actor, hasRole, hasRoleOver, type RoleName, scopeRoots } from '../../platform/access.ts';

// Who may do what in the organisation module. Deny by default: every function answers "may",
// and anything it does not allow is refused.
//
// The rules, in plain words:
//
// 1. An organisation administrator holds the administrator role on an organisation's root unit.
//    They keep that organisation's registers: the organisation itself, its people, the bodies it
//    owns, and imports of its units and people. Holding that role on one organisation gives no
//    say over another.
// 2. Caretaking. An organisation that has never had an administrator (no administrator role on any
//    of its units) is kept by every organisation administrator: that is how the region onboards a
//    partner agency — adds its staff, puts them on cross-agency bodies, and appoints its first
//    administrator. Caretaking ends for good with the first administrator role: deactivating that
//    administrator does not reopen it, and an organisation's last active administrator can neither
//    be deactivated nor lose the role.
// 3. Changing a person (editing, deactivating, setting the password, moving them to another
//    organisation) needs: the person belongs to an organisation the actor keeps, and every role the
//    person holds lies inside the actor's administrator scope or in an organisation the actor keeps.
//    A caretaker must also keep every body the person is a member of, since an organisation vouches
//    for its own staff but a caretaker does not. So nobody takes over or locks out someone more
//    powerful than themselves, or someone elsewhere.
// 4. Roles: an administrator hands out roles on the units in their scope. A role on a unit of
//    another organisation than the person's own also needs someone who may change that person, so
//    that no one can plant roles on another organisation's staff (which would put them beyond their
//    own administrators' reach). The only role on a unit outside one's scope is an organisation's
//    first administrator (rule 2).
// 5. Bodies: an organisation administrator manages the bodies their organisation owns; members may
//    come from any organisation — that is the point of cross-agency forums.
// 6. The audit log: see server/modules/audit/policy.ts.

/** A root unit's path holds exactly one id: '/<id>/'. */
export function isRootPath(path: string): boolean {
  return /^\/[^/]+\/$/.test(path);
}

/** The administrator role on some organisation's root unit: the entry ticket to the registers. */
export function isOrganisationAdministrator(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'administrator' && isRootPath(r.unitPath));
}

/**
 * The actor together with the organisations whose registers they keep (rule 1 and 2); loaded once
 * per use case by `loadSteward` (stewardship.ts), empty for anyone but an organisation administrator.
 */
export interface Steward {
  actor: Actor;
  /** organisations on whose root unit the actor is administrator */
  administered: ReadonlySet<string>;
  /** organisations that have never had an administrator (only for organisation administrators) */
  caretaken: ReadonlySet<string>;
}

export function keeps(steward: Steward, organisationId: string): boolean {
  return steward.administered.has(organisationId) || steward.caretaken.has(organisationId);
}

/** What a person holds, as far as the rules above care. */
export interface PersonGrants {
  organisationId: string;
  roles: ReadonlyArray<{ unitPath: string; organisationId: string }>;
  bodies: ReadonlyArray<{ organisationId: string }>;
}

/** Rule 3: edit, deactivate, set the password of, or move a person. */
export function mayManagePerson(steward: Steward, person: PersonGrants): boolean {
  if (!keeps(steward, person.organisationId)) return false;
  const rolesCovered = person.roles.every(
    (r) => keeps(steward, r.organisationId) || hasRoleOver(steward.actor, 'administrator', r.unitPath),
  );
  if (!rolesCovered) return false;
  if (steward.administered.has(person.organisationId)) return true;
  return person.bodies.every((b) => keeps(steward, b.organisationId));
}

/** Creating an organisation: the region onboards partner agencies, which start in its care. */
export const mayCreateOrganisation = isOrganisationAdministrator;

/** Renaming an organisation, adding its people, owning its bodies. */
export function mayManageOrganisation(steward: Steward, organisationId: string): boolean {
  return keeps(steward, organisationId);
}

/** Rule 5: bodies are managed by whoever keeps the owning organisation. */
export const mayManageBodiesOf = mayManageOrganisation;

/** Unit administration is scoped: the administrator role over the unit or one of its ancestors. */
export function mayAdministerUnit(actor: Actor, unitPath: string): boolean {
  return hasRoleOver(actor, 'administrator', unitPath);
}

/** A child goes under a unit the actor administers. */
export function mayCreateChildUnit(actor: Actor, parentPath: string): boolean {
  return mayAdministerUnit(actor, parentPath);
}

/** A root unit, for an organisation that has none (a legacy one), by whoever keeps it. */
export function mayCreateRootUnit(steward: Steward, organisationId: string): boolean {
  return keeps(steward, organisationId);
}

/** Both ends of a move must lie in the actor's scope. */
export function mayMoveUnit(actor: Actor, unitPath: string, newParentPath: string): boolean {
  return mayAdministerUnit(actor, unitPath) && mayAdministerUnit(actor, newParentPath);
}

/**
 * Rule 4's unit half. Outside one's scope only the bootstrap: an organisation administrator
 * appoints the first administrator of an organisation that has never had one, on its root.
 */
export function mayAssignRoleOn(
  actor: Actor,
  target: { role: RoleName; unitPath: string; organisationNeverAdministered: boolean },
): boolean {
  if (mayAdministerUnit(actor, target.unitPath)) return true;
  return isFirstAdministrator(actor, target);
}

/** Whether `mayAssignRoleOn` allows this only as the bootstrap of rule 2 (so it is audited as such). */
export function isFirstAdministrator(
  actor: Actor,
  target: { role: RoleName; unitPath: string; organisationNeverAdministered: boolean },
): boolean {
  return (
    target.role === 'administrator' &&
    isRootPath(target.unitPath) &&
    target.organisationNeverAdministered &&
    isOrganisationAdministrator(actor) &&
    !mayAdministerUnit(actor, target.unitPath)
  );
}

/** Rule 4's person half: a role in another organisation than the person's own needs their keeper. */
export function mayGiveRoleTo(
  steward: Steward,
  person: PersonGrants,
  unit: { organisationId: string },
): boolean {
  return unit.organisationId === person.organisationId || mayManagePerson(steward, person);
}

/** Which people the actor may see. */
export type PeopleScope = { kind: 'all' } | { kind: 'subtrees'; roots: string[] } | { kind: 'none' };

export function peopleReadScope(actor: Actor): PeopleScope {
  // Administrators need the whole register to assign roles and fill bodies across organisations.
  if (hasRole(actor, 'administrator')) return { kind: 'all' };
  const roots = [...scopeRoots(actor, 'manager'), ...scopeRoots(actor, 'quality_coordinator')];
  const distinct = roots.filter(
    (p, i) => roots.indexOf(p) === i && !roots.some((q) => q !== p && p.startsWith(q)),
  );
  return distinct.length > 0 ? { kind: 'subtrees', roots: distinct } : { kind: 'none' };
}

/** A person is visible when they hold a role inside the actor's scope; everyone may see themselves. */
export function mayReadPerson(
  actor: Actor,
  person: { id: string; roles: ReadonlyArray<{ unitPath: string }> },
): boolean {
  if (person.id === actor.personId) return true;
  const scope = peopleReadScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtrees':
      return person.roles.some((r) => scope.roots.some((root) => r.unitPath.startsWith(root)));
    case 'none':
      return false;
  }
}

// ---------- allowedActions, so the UI never guesses ----------

export function organisationActions(steward: Steward, organisationId: string): Array<'edit'> {
  return mayManageOrganisation(steward, organisationId) ? ['edit'] : [];
}

export function unitActions(actor: Actor, unitPath: string): Array<'edit' | 'move' | 'createChild'> {
  return mayAdministerUnit(actor, unitPath) ? ['edit', 'move', 'createChild'] : [];
}

export function personActions(
  steward: Steward,
  person: PersonGrants,
): Array<'edit' | 'assignRoles' | 'resetPassword'> {
  const actions: Array<'edit' | 'assignRoles' | 'resetPassword'> = [];
  const manages = mayManagePerson(steward, person);
  if (manages) actions.push('edit');
  // Any administrator may assign roles, though only on units in their scope.
  if (hasRole(steward.actor, 'administrator')) actions.push('assignRoles');
  if (manages) actions.push('resetPassword');
  return actions;
}

export function bodyActions(
  steward: Steward,
  body: { organisationId: string },
): Array<'edit' | 'manageMembers'> {
  return mayManageBodiesOf(steward, body.organisationId) ? ['edit', 'manageMembers'] : [];
}
