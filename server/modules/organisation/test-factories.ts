import { randomUUID } from 'node:crypto';
import type { RoleName } from '../../platform/access.ts';
import type { Db } from '../../platform/db.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { Client, type TestApp } from '../../test/harness.ts';
import { organisations, people, roleAssignments, units } from './tables.ts';

// Test data straight into the database, so each story sets up only what it is about.

export const TEST_PASSWORD = 'test-password-123';
let cachedHash: Promise<string> | undefined;

/** One argon2 hash shared by every factory person: hashing per person would slow the tests down. */
function testPasswordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

function suffix(): string {
  return randomUUID().slice(0, 8);
}

export interface TestUnit {
  id: string;
  organisationId: string;
  name: string;
  path: string;
}

export interface TestOrg {
  id: string;
  name: string;
  root: TestUnit;
}

/** An organisation with its root unit. */
export async function createOrg(
  db: Db,
  options: { name?: string; kind?: 'region' | 'municipality' | 'agency' | 'other' } = {},
): Promise<TestOrg> {
  const name = options.name ?? `Region ${suffix()}`;
  const [org] = await db
    .insert(organisations)
    .values({ name, kind: options.kind ?? 'region' })
    .returning({ id: organisations.id });
  if (!org) throw new Error('createOrg failed');
  const root = await insertUnit(db, { organisationId: org.id, parentPath: null, name });
  return { id: org.id, name, root };
}

async function insertUnit(
  db: Db,
  options: {
    organisationId: string;
    parentPath: string | null;
    parentId?: string;
    name: string;
    externalId?: string;
  },
): Promise<TestUnit> {
  const id = randomUUID();
  const path = `${options.parentPath ?? '/'}${id}/`;
  await db.insert(units).values({
    id,
    organisationId: options.organisationId,
    parentId: options.parentId ?? null,
    name: options.name,
    externalId: options.externalId ?? null,
    path,
  });
  return { id, organisationId: options.organisationId, name: options.name, path };
}

/** A unit under `parent`. */
export async function createUnit(
  db: Db,
  parent: TestUnit,
  options: { name?: string; externalId?: string } = {},
): Promise<TestUnit> {
  return insertUnit(db, {
    organisationId: parent.organisationId,
    parentPath: parent.path,
    parentId: parent.id,
    name: options.name ?? `Enhet ${suffix()}`,
    ...(options.externalId ? { externalId: options.externalId } : {}),
  });
}

export interface TestPerson {
  id: string;
  username: string;
  name: string;
}

/** A person with a password (TEST_PASSWORD) and roles on units. */
export async function createPerson(
  db: Db,
  options: {
    organisationId: string;
    roles?: Array<{ role: RoleName; unit: TestUnit }>;
    username?: string;
    name?: string;
    language?: 'sv' | 'nb' | 'en';
  },
): Promise<TestPerson> {
  const username = options.username ?? `user-${suffix()}`;
  const name = options.name ?? `Person ${username}`;
  const [person] = await db
    .insert(people)
    .values({
      organisationId: options.organisationId,
      username,
      name,
      email: `${username}@exempel.example`,
      language: options.language ?? 'sv',
      passwordHash: await testPasswordHash(),
    })
    .returning({ id: people.id });
  if (!person) throw new Error('createPerson failed');
  for (const { role, unit } of options.roles ?? []) {
    await db.insert(roleAssignments).values({ personId: person.id, role, unitId: unit.id });
  }
  return { id: person.id, username, name };
}

/** A browser signed in as `person`. */
export async function signIn(
  t: TestApp,
  person: { username: string },
  options: { language?: string } = {},
): Promise<Client> {
  const browser = new Client(t.app, options);
  await browser.login(person.username, TEST_PASSWORD);
  return browser;
}

/**
 * The usual cast: a region with a clinic and two wards under it, an organisation administrator, a
 * clinic administrator, a ward manager and a staff member.
 */
export async function createRegion(t: TestApp): Promise<{
  org: TestOrg;
  clinic: TestUnit;
  wardA: TestUnit;
  wardB: TestUnit;
  orgAdmin: TestPerson;
  clinicAdmin: TestPerson;
  manager: TestPerson;
  staff: TestPerson;
}> {
  const db = t.database.db;
  const org = await createOrg(db);
  const clinic = await createUnit(db, org.root, { name: 'Ortopedkliniken' });
  const wardA = await createUnit(db, clinic, { name: 'Avdelning 31' });
  const wardB = await createUnit(db, clinic, { name: 'Avdelning 32' });
  const orgAdmin = await createPerson(db, {
    organisationId: org.id,
    roles: [{ role: 'administrator', unit: org.root }],
  });
  const clinicAdmin = await createPerson(db, {
    organisationId: org.id,
    roles: [{ role: 'administrator', unit: clinic }],
  });
  const manager = await createPerson(db, {
    organisationId: org.id,
    roles: [{ role: 'manager', unit: wardA }],
  });
  const staff = await createPerson(db, { organisationId: org.id, roles: [{ role: 'staff', unit: wardA }] });
  return { org, clinic, wardA, wardB, orgAdmin, clinicAdmin, manager, staff };
}
