import { AppError } from './errors.ts';
import type { Lang } from './i18n.ts';

export const roleNames = ['staff', 'manager', 'quality_coordinator', 'administrator'] as const;
export type RoleName = (typeof roleNames)[number];

export interface RoleScope {
  role: RoleName;
  unitId: string;
  /** the unit's materialised path, '/<root>/…/<unit>/' */
  unitPath: string;
}

export interface BodyMembership {
  bodyId: string;
  role: 'chair' | 'member' | 'secretary';
}

/** The signed-in person as every policy sees them. */
export interface Actor {
  personId: string;
  username: string;
  name: string;
  organisationId: string;
  language: Lang;
  sessionId: string;
  roles: RoleScope[];
  bodies: BodyMembership[];
}

/** True when the actor holds `role` over the unit with this path (its own unit or an ancestor). */
export function hasRoleOver(actor: Actor, role: RoleName, unitPath: string): boolean {
  return actor.roles.some((r) => r.role === role && unitPath.startsWith(r.unitPath));
}

export function hasRole(actor: Actor, role: RoleName): boolean {
  return actor.roles.some((r) => r.role === role);
}

/** The subtree roots over which the actor holds a role; a query filters with `path LIKE root || '%'`. */
export function scopeRoots(actor: Actor, role: RoleName): string[] {
  const roots = actor.roles.filter((r) => r.role === role).map((r) => r.unitPath);
  // Drop roots that sit inside another root, so each unit is matched once.
  return roots.filter((p) => !roots.some((q) => q !== p && p.startsWith(q)));
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('auth.required', 'unauthenticated');
  return actor;
}

/** Deny by default: a policy returns true to allow; anything else is a 403. */
export function assertAllowed(allowed: boolean, code = 'access.denied'): void {
  if (!allowed) throw new AppError(code, 'forbidden');
}
