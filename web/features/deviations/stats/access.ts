import type { Me } from '../../../../contracts/auth.ts';

// Statistics are for managers and quality coordinators (each sees only their own units); the nav
// link and the route guard ask this, and the server checks again on every request.

export function canViewStatistics(me: Me): boolean {
  return me.roles.some((r) => r.role === 'manager' || r.role === 'quality_coordinator');
}
