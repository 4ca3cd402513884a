import { type Actor, hasRole, hasRoleOver, scopeRoots } from '../../platform/access.ts';

// Who may do what in the organisation module. Deny by default: every function answers "may",
// and anything it does not allow is refused.

/** A root unit's path holds exactly one id: '/<id>/'. */
export function isRootPath(path: string): boolean {
  return /^\/[^/]+\/$/.test(path);
}

/**
 * Administrators of a whole organisation (the administrator role on a root unit) keep the shared
 * registers: organisations, people, bodies and imports.
 */
export function isOrganisationAdministrator(actor: Actor): boolean {
  return actor.roles.some((r) => r.role === 'administrator' && isRootPath(r.unitPath));
}

export const mayManageOrganisations = isOrganisationAdministrator;
export const mayManagePeople = isOrganisationAdministrator;
export const mayManageBodies = isOrganisationAdministrator;
export const mayImport = isOrganisationAdministrator;

/** Unit administration is scoped: the administrator role over the unit or one of its ancestors. */
export function mayAdministerUnit(actor: Actor, unitPath: string): boolean {
  return hasRoleOver(actor, 'administrator', unitPath);
}

/** A child goes under a unit the actor administers; a new root needs an organisation administrator. */
export function mayCreateUnit(actor: Actor, parentPath: string | null): boolean {
  return parentPath === null ? isOrganisationAdministrator(actor) : mayAdministerUnit(actor, parentPath);
}

/** Both ends of a move must lie in the actor's scope. */
export function mayMoveUnit(actor: Actor, unitPath: string, newParentPath: string): boolean {
  return mayAdministerUnit(actor, unitPath) && mayAdministerUnit(actor, newParentPath);
}

export function mayAssignRole(
  actor: Actor,
  target: { unitPath: string; organisationHasAdministrator: boolean },
): boolean {
  if (mayAdministerUnit(actor, target.unitPath)) return true;
  // Bootstrap: a new organisation has no administrator yet, so nobody's scope covers its root.
  // An organisation administrator elsewhere may appoint its first one, and only then.
  return (
    isOrganisationAdministrator(actor) && isRootPath(target.unitPath) && !target.organisationHasAdministrator
  );
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
  person: { id: string; roles: Array<{ unitPath: string }> },
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

export function organisationActions(actor: Actor): Array<'edit'> {
  return mayManageOrganisations(actor) ? ['edit'] : [];
}

export function unitActions(actor: Actor, unitPath: string): Array<'edit' | 'move' | 'createChild'> {
  return mayAdministerUnit(actor, unitPath) ? ['edit', 'move', 'createChild'] : [];
}

export function personActions(actor: Actor): Array<'edit' | 'assignRoles' | 'resetPassword'> {
  const actions: Array<'edit' | 'assignRoles' | 'resetPassword'> = [];
  if (mayManagePeople(actor)) actions.push('edit');
  // Any administrator may assign roles, though only on units in their scope.
  if (hasRole(actor, 'administrator')) actions.push('assignRoles');
  if (mayManagePeople(actor)) actions.push('resetPassword');
  return actions;
}

export function bodyActions(actor: Actor): Array<'edit' | 'manageMembers'> {
  return mayManageBodies(actor) ? ['edit', 'manageMembers'] : [];
}
