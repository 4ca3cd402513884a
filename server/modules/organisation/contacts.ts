import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { assertAllowed } from '../../platform/access.ts';
import { type AuditContext, diffSummary, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { mayAdministerUnit } from './policy.ts';
import { blankToNull, requireOrganisationRef, requireUnit } from './records.ts';
import { organisations, unitContacts, units } from './tables.ts';

// A unit's contact persons at partner organisations; kept by whoever administers the unit.

export type ContactRecord = {
  id: string;
  unitId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  role: string;
  email: string | null;
  phone: string | null;
};

const contactColumns = {
  id: unitContacts.id,
  unitId: unitContacts.unitId,
  organisationId: unitContacts.organisationId,
  organisationName: organisations.name,
  name: unitContacts.name,
  role: unitContacts.role,
  email: unitContacts.email,
  phone: unitContacts.phone,
};

export async function listContactsOf(tx: Db, unitId: string): Promise<ContactRecord[]> {
  return tx
    .select(contactColumns)
    .from(unitContacts)
    .innerJoin(organisations, eq(organisations.id, unitContacts.organisationId))
    .where(eq(unitContacts.unitId, unitId))
    .orderBy(asc(organisations.name), asc(unitContacts.name));
}

async function findContact(
  tx: Db,
  contactId: string,
): Promise<(ContactRecord & { unitPath: string }) | null> {
  const [row] = await tx
    .select({ ...contactColumns, unitPath: units.path })
    .from(unitContacts)
    .innerJoin(organisations, eq(organisations.id, unitContacts.organisationId))
    .innerJoin(units, eq(units.id, unitContacts.unitId))
    .where(eq(unitContacts.id, contactId));
  return row ?? null;
}

async function requireContact(tx: Db, contactId: string): Promise<ContactRecord & { unitPath: string }> {
  const contact = await findContact(tx, contactId);
  if (!contact) throw new AppError('organisation.contact_not_found', 'not_found');
  return contact;
}

interface ContactInput {
  organisationId: string;
  name: string;
  role: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

export async function createUnitContact(
  options: { actor: Actor; audit: AuditContext; unitId: string; contact: ContactInput },
  tx: Db,
): Promise<ContactRecord> {
  const unit = await requireUnit(tx, options.unitId);
  assertAllowed(mayAdministerUnit(options.actor, unit.path), 'organisation.unit_outside_scope');
  const { contact } = options;
  await requireOrganisationRef(tx, contact.organisationId, 'organisationId');
  const [row] = await tx
    .insert(unitContacts)
    .values({
      unitId: unit.id,
      organisationId: contact.organisationId,
      name: contact.name,
      role: contact.role,
      email: blankToNull(contact.email) ?? null,
      phone: blankToNull(contact.phone) ?? null,
    })
    .returning({ id: unitContacts.id });
  if (!row) throw new Error('contact insert returned no row');
  await writeAudit(tx, options.audit, {
    action: 'unit_contact.created',
    entityType: 'unit_contact',
    entityId: row.id,
    summary: {
      unitId: unit.id,
      organisationId: contact.organisationId,
      name: contact.name,
      role: contact.role,
    },
  });
  return requireContact(tx, row.id);
}

export async function updateUnitContact(
  options: { actor: Actor; audit: AuditContext; contactId: string; changes: Partial<ContactInput> },
  tx: Db,
): Promise<ContactRecord> {
  const before = await requireContact(tx, options.contactId);
  assertAllowed(mayAdministerUnit(options.actor, before.unitPath), 'organisation.unit_outside_scope');
  const { changes } = options;
  if (changes.organisationId && changes.organisationId !== before.organisationId) {
    await requireOrganisationRef(tx, changes.organisationId, 'organisationId');
  }
  const next = {
    organisationId: changes.organisationId,
    name: changes.name,
    role: changes.role,
    email: blankToNull(changes.email),
    phone: blankToNull(changes.phone),
  };
  const summary = diffSummary(before, next);
  if (Object.keys(summary).length === 0) return before;
  await tx.update(unitContacts).set(next).where(eq(unitContacts.id, before.id));
  await writeAudit(tx, options.audit, {
    action: 'unit_contact.updated',
    entityType: 'unit_contact',
    entityId: before.id,
    summary: { unitId: before.unitId, ...summary },
  });
  return requireContact(tx, before.id);
}

export async function deleteUnitContact(
  options: { actor: Actor; audit: AuditContext; contactId: string },
  tx: Db,
): Promise<void> {
  const contact = await requireContact(tx, options.contactId);
  assertAllowed(mayAdministerUnit(options.actor, contact.unitPath), 'organisation.unit_outside_scope');
  await tx.delete(unitContacts).where(eq(unitContacts.id, contact.id));
  await writeAudit(tx, options.audit, {
    action: 'unit_contact.deleted',
    entityType: 'unit_contact',
    entityId: contact.id,
    summary: { unitId: contact.unitId, organisationId: contact.organisationId, name: contact.name },
  });
}
