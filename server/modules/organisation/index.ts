// The organisation module's public face: other modules import only from here.
export {
  findPersonForLogin,
  getMe,
  getPasswordHash,
  loadActor,
  setLanguage,
  setPasswordHash,
} from './actors.ts';
export { auditEntriesOf } from './audit-scope.ts';
export { searchColleagues } from './colleagues.ts';
export { isOrganisationAdministrator } from './policy.ts';
export { loadSteward } from './stewardship.ts';
export { inTransaction, translateDbError } from './transaction.ts';
