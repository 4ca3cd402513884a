import type { Actor } from '../../platform/access.ts';
import { isOrganisationAdministrator } from '../organisation/index.ts';

/**
 * Who reads the audit log, and which of it.
 *
 * Only organisation administrators (the administrator role on an organisation's root unit) read it:
 * the log is the organisation's record of who did what, and an administrator of one ward or clinic
 * answers for that part of the tree, not for the organisation's people and registers.
 *
 * They see the entries that concern the organisations they administer: those by their people, and
 * those about their people, units (with contacts and assignments), bodies and the organisation
 * itself, whoever made them — so an agency's administrator sees what the region did while onboarding
 * the agency. Entries by the system about their organisation come with the second half. Another
 * organisation's entries they never see; caretaking an organisation that has no administrator
 * (organisation/policy.ts, rule 2) does not open its log.
 */
export function mayViewAudit(actor: Actor): boolean {
  return isOrganisationAdministrator(actor);
}
