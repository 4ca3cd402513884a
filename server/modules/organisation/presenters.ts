import type {
  Body,
  Organisation,
  Person,
  Unit,
  UnitAssignment,
  UnitContact,
  UnitDetail,
} from '../../../contracts/organisation.ts';
import type { Actor } from '../../platform/access.ts';
import type { AssignmentRecord } from './assignments.ts';
import type { BodyRecord } from './bodies.ts';
import type { ContactRecord } from './contacts.ts';
import type { OrganisationView } from './organisations.ts';
import type { PersonRecord } from './person-records.ts';
import { bodyActions, organisationActions, personActions, type Steward, unitActions } from './policy.ts';
import { idsOnPath, type UnitRecord } from './records.ts';
import type { UnitDetailRecord } from './units.ts';

// Rows never leave as they are: these decide the API shape, and what the caller may do next.

export function presentOrganisation(organisation: OrganisationView, steward: Steward): Organisation {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    orgNumber: organisation.orgNumber,
    rootUnitId: organisation.rootUnitId,
    allowedActions: organisationActions(steward, organisation.id),
  };
}

export function presentUnit(unit: UnitRecord, actor: Actor): Unit {
  return {
    id: unit.id,
    organisationId: unit.organisationId,
    parentId: unit.parentId,
    name: unit.name,
    externalId: unit.externalId,
    active: unit.active,
    ancestorIds: idsOnPath(unit.path),
    allowedActions: unitActions(actor, unit.path),
  };
}

export function presentContact(contact: ContactRecord): UnitContact {
  return {
    id: contact.id,
    unitId: contact.unitId,
    organisationId: contact.organisationId,
    organisationName: contact.organisationName,
    name: contact.name,
    role: contact.role,
    email: contact.email,
    phone: contact.phone,
  };
}

function day(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function presentAssignment(assignment: AssignmentRecord): UnitAssignment {
  return {
    id: assignment.id,
    unitId: assignment.unitId,
    title: assignment.title,
    description: assignment.description,
    validFrom: day(assignment.validFrom),
    validTo: day(assignment.validTo),
  };
}

export function presentUnitDetail(unit: UnitDetailRecord, actor: Actor): UnitDetail {
  return {
    ...presentUnit(unit, actor),
    organisationName: unit.organisationName,
    children: unit.children,
    people: unit.people,
    nearestManagers: unit.nearestManagers,
    contacts: unit.contacts.map(presentContact),
    assignments: unit.assignments.map(presentAssignment),
  };
}

export function presentPerson(person: PersonRecord, steward: Steward): Person {
  return {
    id: person.id,
    organisationId: person.organisationId,
    organisationName: person.organisationName,
    username: person.username,
    name: person.name,
    email: person.email,
    profession: person.profession,
    language: person.language,
    active: person.active,
    roles: person.roles.map((r) => ({ id: r.id, role: r.role, unitId: r.unitId, unitName: r.unitName })),
    bodies: person.bodies.map((b) => ({ bodyId: b.bodyId, name: b.name, role: b.role })),
    allowedActions: personActions(steward, person),
  };
}

export function presentBody(body: BodyRecord, steward: Steward): Body {
  const chair = body.members.find((m) => m.role === 'chair');
  return {
    id: body.id,
    organisationId: body.organisationId,
    organisationName: body.organisationName,
    name: body.name,
    kind: body.kind,
    description: body.description,
    active: body.active,
    chair: chair ? { personId: chair.personId, name: chair.name } : null,
    members: body.members,
    allowedActions: bodyActions(steward, body),
  };
}
