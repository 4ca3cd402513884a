import type { App } from '../../platform/http.ts';
import './messages.ts';
import type { RouteDeps } from './route-support.ts';
import { registerBodyRoutes } from './routes-bodies.ts';
import { registerImportRoutes } from './routes-import.ts';
import { registerOrganisationRegisterRoutes } from './routes-organisations.ts';
import { registerPeopleRoutes } from './routes-people.ts';
import { registerUnitRoutes } from './routes-units.ts';

/** The organisation module's API: organisations, units, people, bodies and CSV import. */
export function registerOrganisationRoutes(app: App, deps: RouteDeps): void {
  registerOrganisationRegisterRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerBodyRoutes(app, deps);
  registerImportRoutes(app, deps);
}
