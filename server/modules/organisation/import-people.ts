import { eq, inArray, sql } from 'drizzle-orm';
import type { Actor, RoleName } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import type { Lang } from '../../platform/i18n.ts';
import { type ImportResult, importFailed, parseCsv } from './csv.ts';
import { type PersonLine, peopleCsvColumns, readLine } from './import-people-lines.ts';
import { mayAdministerUnit, mayAssignRole } from './policy.ts';
import {
  chunked,
  organisationResolver,
  organisationsWithAdministrator,
  type UnitRecord,
  unitColumns,
} from './records.ts';
import { people, roleAssignments, units } from './tables.ts';

interface PersonPlan {
  id: string;
  first: PersonLine;
  stored: {
    id: string;
    name: string;
    email: string;
    profession: string | null;
    organisationId: string;
    language: Lang;
  } | null;
  rolesToAdd: Array<{ role: RoleName; unitId: string }>;
}

/**
 * Creates and updates people from CSV, matched on username; each line may add one role, so a person
 * with two roles has two lines. Roles are only ever added: a file never takes a role away.
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

  const storedPeople = new Map<string, NonNullable<PersonPlan['stored']>>();
  for (const chunk of chunked([...byUsername.keys()])) {
    const found = await tx
      .select({
        id: people.id,
        username: people.username,
        name: people.name,
        email: people.email,
        profession: people.profession,
        organisationId: people.organisationId,
        language: people.language,
      })
      .from(people)
      .where(inArray(sql`lower(${people.username})`, chunk));
    for (const { username, ...person } of found) storedPeople.set(username.toLowerCase(), person);
  }
  const unitsByExternalId = new Map<string, UnitRecord>();
  const unitExternalIds = [...new Set(lines.flatMap((l) => (l.role ? [l.role.unitExternalId] : [])))];
  for (const chunk of chunked(unitExternalIds)) {
    const found = await tx.select(unitColumns).from(units).where(inArray(units.externalId, chunk));
    for (const unit of found) if (unit.externalId) unitsByExternalId.set(unit.externalId, unit);
  }
  const heldRoles = new Set<string>();
  for (const chunk of chunked([...storedPeople.values()].map((p) => p.id))) {
    const found = await tx
      .select({
        personId: roleAssignments.personId,
        role: roleAssignments.role,
        unitId: roleAssignments.unitId,
      })
      .from(roleAssignments)
      .where(inArray(roleAssignments.personId, chunk));
    for (const r of found) heldRoles.add(`${r.personId}|${r.role}|${r.unitId}`);
  }
  const outsideScope = [...unitsByExternalId.values()].filter((u) => !mayAdministerUnit(actor, u.path));
  const withAdministrator = await organisationsWithAdministrator(
    tx,
    outsideScope.map((u) => u.organisationId),
  );

  const plans: PersonPlan[] = [];
  for (const [username, group] of byUsername) {
    const [first] = group;
    if (!first) continue;
    const stored = storedPeople.get(username) ?? null;
    const id = stored?.id ?? crypto.randomUUID();
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
        unitPath: unit.path,
        organisationHasAdministrator: withAdministrator.has(unit.organisationId),
      };
      if (!mayAssignRole(actor, target)) {
        issues.push({
          line: line.line,
          column: 'unit_external_id',
          key: 'import.outside_scope',
          params: { value },
        });
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
