import type { Me } from '../../../../contracts/auth.ts';
import type { ListView } from './search.ts';

/** One tab of the case list: a view the server offers this person. */
export interface ViewTab {
  key: string;
  view: ListView;
  bodyId?: string;
  /** a body's name; the other tabs are named by the texts */
  name?: string;
}

export function hasRole(me: Me, ...roles: Array<Me['roles'][number]['role']>): boolean {
  return me.roles.some((r) => roles.includes(r.role));
}

/**
 * The tabs follow the server's rules for the views: "my units" for managers and quality
 * coordinators, the unit meeting for managers, a tab per body the person sits in.
 */
export function tabsFor(me: Me): ViewTab[] {
  const tabs: ViewTab[] = [{ key: 'inbox', view: 'inbox' }];
  if (hasRole(me, 'manager', 'quality_coordinator')) tabs.push({ key: 'unit', view: 'unit' });
  for (const body of me.bodies)
    tabs.push({ key: `body-${body.bodyId}`, view: 'body', bodyId: body.bodyId, name: body.name });
  if (hasRole(me, 'manager')) tabs.push({ key: 'meeting', view: 'meeting' });
  return tabs;
}

/** Whether the person handles cases at all: the navigation shows "Avvikelser" to them. */
export function handlesCases(me: Me): boolean {
  return hasRole(me, 'manager', 'quality_coordinator') || me.bodies.length > 0;
}
