import { eq, inArray, sql } from 'drizzle-orm';
import type { Actor, RoleName } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import { recordFirstAdministrators } from './administrators.ts';
import { type ImportIssue, type ImportResult, importFailed, parseCsv } from './csv.ts';
import { type PersonLine, peopleCsvColumns, readLine } from './import-people-lines.ts';
import { loadPeople, type PersonRecord } from './person-records.ts';
import {
  isFirstAdministrator,
  keeps,
  mayAdministerUnit,
  mayAssignRoleOn,
  mayGiveRoleTo,
  mayManagePerson,
  type Steward,
} from './policy.ts';
import { chunked, lockOrganisations, organisationResolver, type UnitRecord, unitColumns } from './records.ts';
import { loadSteward, neverAdministeredOrganisations } from './stewardship.ts';
import { people, roleAssignments, units } from './tables.ts';

interface PersonPlan {
  id: string;
  first: PersonLine;
  stored: PersonRecord | null;
  rolesToAdd: Array<{ role: RoleName; unitId: string }>;
}

/**
 * Creates and updates people from CSV, matched on username; each line may add one role, so a person
 * with two roles has two lines. Roles are only ever added: a file never takes a role away.
 * Each person and each role passes the same rules as the single-person endpoints (policy.ts): new
 * people only in organisations the importer keeps, changes only to people they may change, roles
 * only where they may hand them out.
 */
export async function importPeople(
  options: { actor: Actor; audit: AuditContext; csv: string; dryRun: boolean; lang: Lang },
  tx: Db,
): Promise<ImportResult> {
  const { actor, lang } = options;
  const { rows, issues } = parseCsv(options.csv, peopleCsvColumns);
  if (issues.length > 0) throw importFailed(issues, lang);
  const resolveOrganisation = await organisationResolver(tx);
  const lines = rows.map((row) => readLine(row, resolveOrganisation, issues));
  if (issues.length > 0) throw importFailed(issues, lang);

  // One person per username; every line about them must agree on who they are.
  const byUsername = new Map<string, PersonLine[]>();
  for (const line of lines) {
    const group = byUsername.get(line.username);
    const first = group?.[0];
    if (
      first &&
      (JSON.stringify(first.details) !== JSON.stringify(line.details) || first.language !== line.language)
    ) {
      issues.push({
        line: line.line,
        column: 'username',
        key: 'import.conflicting_person',
        params: { value: line.username, line: first.line },
      });
    }
    if (group) group.push(line);
    else byUsername.set(line.username, [line]);
  }
  if (issues.length > 0) throw importFailed(issues, lang);

  const storedPeople = new Map<string, PersonRecord>();
  for (const chunk of chunked([...byUsername.keys()])) {
    const found = await tx
      .select({ id: people.id })
      .from(people)
      .where(inArray(sql`lower(${people.username})`, chunk));
    const records = await loadPeople(
      tx,
      found.map((p) => p.id),
    );
    for (const person of records) storedPeople.set(person.username.toLowerCase(), person);
  }
  const unitsByExternalId = new Map<string, UnitRecord>();
  const unitExternalIds = [...new Set(lines.flatMap((l) => (l.role ? [l.role.unitExternalId] : [])))];
  for (const chunk of chunked(unitExternalIds)) {
    const found = await tx.select(unitColumns).from(units).where(inArray(units.externalId, chunk));
    for (const unit of found) if (unit.externalId) unitsByExternalId.set(unit.externalId, unit);
  }
  const heldRoles = new Set(
    [...storedPeople.values()].flatMap((p) => p.roles.map((r) => `${p.id}|${r.role}|${r.unitId}`)),
  );
  const steward = await loadSteward(tx, actor);
  const outsideScope = [...unitsByExternalId.values()]
    .filter((u) => !mayAdministerUnit(actor, u.path))
    .map((u) => u.organisationId);
  // As for one role at a time (roles.ts): first appointments must not race.
  await lockOrganisations(tx, outsideScope);
  const neverAdministered = await neverAdministeredOrganisations(tx, outsideScope);

  const plans: PersonPlan[] = [];
  const firstAdministrators: Array<{ organisationId: string; unitId: string; personId: string }> = [];
  for (const [username, group] of byUsername) {
    const [first] = group;
    if (!first) continue;
    const stored = storedPeople.get(username) ?? null;
    const id = stored?.id ?? crypto.randomUUID();
    checkPerson(steward, first, stored, issues);
    // Whom a role is given to: the person as they will be, in the organisation the file names.
    const grants = {
      organisationId: first.details.organisationId,
      roles: stored?.roles ?? [],
      bodies: stored?.bodies ?? [],
    };
    const rolesToAdd: PersonPlan['rolesToAdd'] = [];
    for (const line of group) {
      if (!line.role) continue;
      const unit = unitsByExternalId.get(line.role.unitExternalId);
      const value = line.role.unitExternalId;
      if (!unit) {
        issues.push({
          line: line.line,
          column: 'unit_external_id',
          key: 'import.unit_unknown',
          params: { value },
        });
        continue;
      }
      const key = `${id}|${line.role.role}|${unit.id}`;
      if (heldRoles.has(key)) continue;
      heldRoles.add(key);
      const target = {
        role: line.role.role,
        unitPath: unit.path,
        // One file appoints an organisation's first administrator once, as two requests would.
        organisationNeverAdministered:
          neverAdministered.has(unit.organisationId) &&
          !firstAdministrators.some((a) => a.organisationId === unit.organisationId),
      };
      if (!mayAssignRoleOn(actor, target)) {
        issues.push({
          line: line.line,
          column: 'unit_external_id',
          key: 'import.outside_scope',
          params: { value },
        });
      } else if (!mayGiveRoleTo(steward, grants, unit)) {
        issues.push({
          line: line.line,
          column: 'unit_external_id',
          key: 'import.role_for_person_outside_scope',
          params: { value, username },
        });
      } else if (isFirstAdministrator(actor, target)) {
        firstAdministrators.push({ organisationId: unit.organisationId, unitId: unit.id, personId: id });
      }
      rolesToAdd.push({ role: line.role.role, unitId: unit.id });
    }
    plans.push({ id, first, stored, rolesToAdd });
  }
  if (issues.length > 0) throw importFailed(issues, lang);

  const changesOf = (plan: PersonPlan): Record<string, [unknown, unknown]> =>
    plan.stored
      ? diffSummary(plan.stored, { ...plan.first.details, language: plan.first.language ?? undefined })
      : {};
  const created = plans.filter((p) => !p.stored);
  const updated = plans.filter(
    (p) => p.stored && (Object.keys(changesOf(p)).length > 0 || p.rolesToAdd.length > 0),
  );
  const result = {
    dryRun: options.dryRun,
    created: created.length,
    updated: updated.length,
    unchanged: plans.length - created.length - updated.length,
  };
  if (options.dryRun) return result;

  for (const chunk of chunked(created)) {
    await tx.insert(people).values(
      chunk.map((p) => ({
        id: p.id,
        username: p.first.username,
        language: p.first.language ?? 'sv',
        ...p.first.details,
      })),
    );
  }
  for (const plan of updated) {
    const changes = changesOf(plan);
    if (Object.keys(changes).length > 0) {
      await tx
        .update(people)
        .set({ ...plan.first.details, language: plan.first.language ?? undefined })
        .where(eq(people.id, plan.id));
    }
  }
  const newRoles = plans.flatMap((p) => p.rolesToAdd.map((r) => ({ personId: p.id, ...r })));
  for (const chunk of chunked(newRoles)) await tx.insert(roleAssignments).values(chunk);
  await recordFirstAdministrators(tx, options.audit, firstAdministrators);

  await writeAudit(tx, options.audit, [
    ...created.map((plan) => ({
      action: 'person.created',
      entityType: 'person',
      entityId: plan.id,
      summary: {
        username: plan.first.username,
        name: plan.first.details.name,
        organisationId: plan.first.details.organisationId,
        roles: plan.rolesToAdd,
        source: 'import',
      },
    })),
    ...updated.map((plan) => ({
      action: 'person.updated',
      entityType: 'person',
      entityId: plan.id,
      summary: {
        ...changesOf(plan),
        ...(plan.rolesToAdd.length > 0 ? { rolesAdded: plan.rolesToAdd } : {}),
        source: 'import',
      },
    })),
  ]);
  await writeAudit(tx, options.audit, {
    action: 'import.people',
    entityType: 'import',
    summary: {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      lines: lines.length,
    },
  });
  return result;
}

/** The details of a new or stored person: may the importer write them (policy.ts, rules 1 to 3)? */
function checkPerson(
  steward: Steward,
  line: PersonLine,
  stored: PersonRecord | null,
  issues: ImportIssue[],
): void {
  const organisationIssue = (): void => {
    issues.push({
      line: line.line,
      column: 'organisation',
      key: 'import.organisation_outside_scope',
      params: { value: line.organisation },
    });
  };
  if (!stored) {
    if (!keeps(steward, line.details.organisationId)) organisationIssue();
    return;
  }
  const changes = diffSummary(stored, { ...line.details, language: line.language ?? undefined });
  if (Object.keys(changes).length === 0) return;
  if (!mayManagePerson(steward, stored)) {
    issues.push({
      line: line.line,
      column: 'username',
      key: 'import.person_outside_scope',
      params: { value: line.username },
    });
  } else if (changes.organisationId && !keeps(steward, line.details.organisationId)) {
    organisationIssue();
  }
}
