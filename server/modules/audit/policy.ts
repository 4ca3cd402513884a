import { type Actor, hasRole } from '../../platform/access.ts';

/** The audit trail shows who changed what across the organisation: administrators only. */
export function mayViewAudit(actor: Actor): boolean {
  return hasRole(actor, 'administrator');
}
