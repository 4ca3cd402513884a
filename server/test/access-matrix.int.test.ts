import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviationCategories, deviationEntries } from '../modules/deviations/tables.ts';
import { documents, documentTemplates, documentTypes } from '../modules/documents/index.ts';
import {
  bodies,
  organisations,
  people,
  roleAssignments,
  unitAssignments,
  unitContacts,
  units,
} from '../modules/organisation/tables.ts';
import { hashPassword } from '../platform/passwords.ts';
import { seedDemo } from '../seed/demo.ts';
import { Client, type TestApp, testApp } from './harness.ts';

/**
 * Every API endpoint against every kind of demo user, with the exact answer each should get. The
 * list of endpoints comes from the OpenAPI document, so a new endpoint without a row here fails
 * the test until someone decides who may call it.
 */

const personas = {
  anonymous: null,
  staff: 'sjukskoterska', // staff on orthopaedic ward 12
  manager: 'chef.avd12', // manager of ward 12
  otherManager: 'chef.medicin', // manager of the medical clinic
  qualityCoordinator: 'kvalitet.ortopedi', // quality coordinator of the orthopaedic clinic
  partnerMember: 'fk.utredare', // Försäkringskassan, member of Avvikelseforum
  administrator: 'admin', // administrator of the whole region
} as const;
type Persona = keyof typeof personas;
const personaNames = Object.keys(personas) as Persona[];

interface Fixtures {
  region: string;
  fk: string;
  ward: string;
  hipSection: string;
  forum: string;
  nurse: string;
  surgeon: string;
  contact: string;
  /** a deviation from ward 12, handled by its manager, now at Avvikelseforum, marked for the unit meeting */
  caseAtForum: string;
  caseAtForumNumber: string;
  /** an action on that case, owned by the nurse who reported it */
  caseAction: string;
  /** the region's care entry and one of its types (seeded reporting configuration) */
  careEntry: string;
  careType: string;
  /** the region's document type Rutin and its routine template (seeded) */
  routineType: string;
  routineTemplate: string;
  /** seed 000's routine, published, owned by the orthopaedic quality coordinator */
  routine: string;
  /** a never-published document owned by the quality coordinator, its draft waiting to be published */
  unpublished: string;
  /**
   * A never-published document of the quality coordinator's, approved by ward 12's manager, with round 1
   * open for the nurse, who has commented on its first section.
   */
  inReview: string;
  inReviewSection: string;
  reviewComment: string;
  /** a never-published document of the quality coordinator's, submitted to ward 12's manager */
  awaiting: string;
  /** per persona, things that persona's request may consume (delete, move, re-password) */
  own: Record<Persona, { person: string; roleId: string; unit: string; contact: string; assignment: string }>;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type Expected = Record<Persona, number>;
const signedIn = (status: number): Expected => ({
  anonymous: 401,
  staff: status,
  manager: status,
  otherManager: status,
  qualityCoordinator: status,
  partnerMember: status,
  administrator: status,
});
const adminOnly = (status: number): Expected => ({ ...signedIn(403), administrator: status });
const everyone = (status: number): Expected => ({ ...signedIn(status), anonymous: status });
/** Those who may read the case at the forum get `status`; for the rest the case does not exist. */
const caseReaders = (status: number): Expected => ({
  ...signedIn(status),
  otherManager: 404,
  administrator: 404,
});

const csv = { 'content-type': 'text/csv' };

/** Keyed by "METHOD /openapi/path"; the order is the order the walk runs in. */
const matrix: Record<string, { call: (p: Persona, f: Fixtures) => Call; expected: Expected }> = {
  'GET /api/auth/csrf': { call: () => ({ method: 'GET', url: '/api/auth/csrf' }), expected: everyone(200) },
  // Invalid bodies: the route was reached (400), and nobody's session is touched.
  'POST /api/auth/login': {
    call: () => ({ method: 'POST', url: '/api/auth/login', body: {} }),
    expected: everyone(400),
  },
  'POST /api/auth/logout': {
    call: () => ({ method: 'POST', url: '/api/auth/logout', body: { everywhere: 'yes' } }),
    expected: everyone(400),
  },
  'GET /api/me': { call: () => ({ method: 'GET', url: '/api/me' }), expected: signedIn(200) },
  'PUT /api/me/language': {
    call: () => ({ method: 'PUT', url: '/api/me/language', body: { language: 'sv' } }),
    expected: signedIn(200),
  },
  'POST /api/me/password': {
    call: () => ({
      method: 'POST',
      url: '/api/me/password',
      body: { currentPassword: 'not-my-password', newPassword: 'a-new-long-password' },
    }),
    expected: signedIn(400),
  },
  'GET /api/organisations': {
    call: () => ({ method: 'GET', url: '/api/organisations' }),
    expected: signedIn(200),
  },
  'POST /api/organisations': {
    call: (p) => ({
      method: 'POST',
      url: '/api/organisations',
      body: { name: `Matrix org ${p}`, kind: 'other' },
    }),
    expected: adminOnly(201),
  },
  // Försäkringskassan has no administrator of its own in the demo, so the region's administrator
  // looks after it (organisation/policy.ts, rule 2: caretaking until its first administrator). The
  // story at the end shows the door closing once Försäkringskassan has one.
  'PATCH /api/organisations/{id}': {
    call: (_, f) => ({
      method: 'PATCH',
      url: `/api/organisations/${f.fk}`,
      body: { orgNumber: '202100-0000' },
    }),
    expected: adminOnly(200),
  },
  'GET /api/units': { call: () => ({ method: 'GET', url: '/api/units' }), expected: signedIn(200) },
  'POST /api/units': {
    call: (p, f) => ({
      method: 'POST',
      url: '/api/units',
      body: { parentId: f.ward, organisationId: f.region, name: `Matrix unit ${p}` },
    }),
    expected: adminOnly(201),
  },
  'GET /api/units/{id}': {
    call: (_, f) => ({ method: 'GET', url: `/api/units/${f.ward}` }),
    expected: signedIn(200),
  },
  'PATCH /api/units/{id}': {
    call: (p, f) => ({ method: 'PATCH', url: `/api/units/${f.own[p].unit}`, body: { name: `Renamed ${p}` } }),
    expected: adminOnly(200),
  },
  'POST /api/units/{id}/move': {
    call: (p, f) => ({
      method: 'POST',
      url: `/api/units/${f.own[p].unit}/move`,
      body: { parentId: f.hipSection },
    }),
    expected: adminOnly(200),
  },
  'POST /api/units/{id}/contacts': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/units/${f.ward}/contacts`,
      body: { organisationId: f.fk, name: 'Matrix Kontakt', role: 'Försäkringsutredare' },
    }),
    expected: adminOnly(201),
  },
  'PATCH /api/unit-contacts/{id}': {
    call: (_, f) => ({
      method: 'PATCH',
      url: `/api/unit-contacts/${f.contact}`,
      body: { phone: '010-000 00 09' },
    }),
    expected: adminOnly(200),
  },
  'DELETE /api/unit-contacts/{id}': {
    call: (p, f) => ({ method: 'DELETE', url: `/api/unit-contacts/${f.own[p].contact}` }),
    expected: adminOnly(204),
  },
  'POST /api/units/{id}/assignments': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/units/${f.ward}/assignments`,
      body: { title: 'Matrix uppdrag' },
    }),
    expected: adminOnly(201),
  },
  // Before the DELETE row below, which removes the same assignments.
  'PATCH /api/unit-assignments/{id}': {
    call: (p, f) => ({
      method: 'PATCH',
      url: `/api/unit-assignments/${f.own[p].assignment}`,
      body: { validTo: '2030-12-31' },
    }),
    expected: adminOnly(200),
  },
  'DELETE /api/unit-assignments/{id}': {
    call: (p, f) => ({ method: 'DELETE', url: `/api/unit-assignments/${f.own[p].assignment}` }),
    expected: adminOnly(204),
  },
  'GET /api/people': {
    call: () => ({ method: 'GET', url: '/api/people' }),
    expected: { ...signedIn(200), staff: 403, partnerMember: 403 },
  },
  // Picking a colleague (documents' owner, approver, reviewers): anyone signed in, their own organisation.
  'GET /api/colleagues': {
    call: () => ({ method: 'GET', url: '/api/colleagues?q=berg' }),
    expected: signedIn(200),
  },
  'POST /api/people': {
    call: (p, f) => ({
      method: 'POST',
      url: '/api/people',
      body: {
        organisationId: f.region,
        username: `matrix.new.${p.toLowerCase()}`,
        name: 'Matrix Person',
        email: `matrix.${p.toLowerCase()}@alvsund.example`,
      },
    }),
    expected: adminOnly(201),
  },
  'GET /api/people/{id}': {
    // the nurse works on ward 12: inside the ward manager's and the clinic coordinator's scope only
    call: (_, f) => ({ method: 'GET', url: `/api/people/${f.nurse}` }),
    expected: { ...signedIn(403), manager: 200, qualityCoordinator: 200, administrator: 200 },
  },
  // A region person with roles only in the region: the region's administrator may change them.
  'PATCH /api/people/{id}': {
    call: (_, f) => ({
      method: 'PATCH',
      url: `/api/people/${f.surgeon}`,
      body: { profession: 'Specialistläkare ortopedi' },
    }),
    expected: adminOnly(200),
  },
  'POST /api/people/{id}/password': {
    call: (p, f) => ({
      method: 'POST',
      url: `/api/people/${f.own[p].person}/password`,
      body: { password: 'a-fresh-password-1' },
    }),
    expected: adminOnly(204),
  },
  'POST /api/people/{id}/roles': {
    call: (p, f) => ({
      method: 'POST',
      url: `/api/people/${f.own[p].person}/roles`,
      body: { role: 'manager', unitId: f.ward },
    }),
    expected: adminOnly(201),
  },
  'DELETE /api/people/{id}/roles/{roleId}': {
    call: (p, f) => ({ method: 'DELETE', url: `/api/people/${f.own[p].person}/roles/${f.own[p].roleId}` }),
    expected: adminOnly(204),
  },
  'GET /api/bodies': { call: () => ({ method: 'GET', url: '/api/bodies' }), expected: signedIn(200) },
  'POST /api/bodies': {
    call: (p, f) => ({
      method: 'POST',
      url: '/api/bodies',
      body: { organisationId: f.region, name: `Matrix forum ${p}`, kind: 'forum' },
    }),
    expected: adminOnly(201),
  },
  'GET /api/bodies/{id}': {
    call: (_, f) => ({ method: 'GET', url: `/api/bodies/${f.forum}` }),
    expected: signedIn(200),
  },
  'PATCH /api/bodies/{id}': {
    call: (_, f) => ({ method: 'PATCH', url: `/api/bodies/${f.forum}`, body: { kind: 'forum' } }),
    expected: adminOnly(200),
  },
  'PUT /api/bodies/{id}/members/{personId}': {
    call: (p, f) => ({
      method: 'PUT',
      url: `/api/bodies/${f.forum}/members/${f.own[p].person}`,
      body: { role: 'member' },
    }),
    expected: adminOnly(200),
  },
  'DELETE /api/bodies/{id}/members/{personId}': {
    call: (p, f) => ({ method: 'DELETE', url: `/api/bodies/${f.forum}/members/${f.own[p].person}` }),
    expected: adminOnly(204),
  },
  'POST /api/import/units': {
    call: () => ({
      method: 'POST',
      url: '/api/import/units?dryRun=true',
      body: 'external_id,name,parent_external_id,organisation\nMATRIX-1,Matrixenheten,SE0000000001-S114,Region Älvsund\n',
      headers: csv,
    }),
    expected: adminOnly(200),
  },
  'POST /api/import/people': {
    call: () => ({
      method: 'POST',
      url: '/api/import/people?dryRun=true',
      body: 'username,name,email,profession,language,organisation,unit_external_id,role\nmatrix.csv,Matrix Csv,matrix.csv@alvsund.example,Sjuksköterska,sv,Region Älvsund,SE0000000001-S114,staff\n',
      headers: csv,
    }),
    expected: adminOnly(200),
  },
  // Organisation administrators only (an administrator of a ward or clinic gets 403 too), and they
  // see their own organisation's entries: audit/policy.ts, and the story at the end.
  'GET /api/deviation-config': {
    call: () => ({ method: 'GET', url: '/api/deviation-config' }),
    expected: signedIn(200),
  },
  // The case at Avvikelseforum: its reporter (staff), its handler (manager), the clinic's quality
  // coordinator and the forum's Försäkringskassan member may read it; to anyone else it does not exist.
  'POST /api/deviations': {
    call: () => ({ method: 'POST', url: '/api/deviations', body: { description: 'x' } }),
    expected: signedIn(400),
  },
  'GET /api/deviations': {
    call: () => ({ method: 'GET', url: '/api/deviations?view=mine' }),
    expected: signedIn(200),
  },
  // Statistics: managers and quality coordinators, each counting only their own units.
  'GET /api/deviations/stats': {
    call: () => ({ method: 'GET', url: '/api/deviations/stats?groupBy=unit' }),
    expected: { ...signedIn(403), manager: 200, otherManager: 200, qualityCoordinator: 200 },
  },
  'GET /api/deviations/stats/export': {
    call: () => ({ method: 'GET', url: '/api/deviations/stats/export?format=csv&groupBy=month' }),
    expected: { ...signedIn(403), manager: 200, otherManager: 200, qualityCoordinator: 200 },
  },
  'GET /api/deviations/{id}': {
    call: (_, f) => ({ method: 'GET', url: `/api/deviations/${f.caseAtForum}` }),
    expected: { ...caseReaders(200), otherManager: 404, administrator: 404 },
  },
  // Not multipart: refused before the case is looked up (the stories test who may attach).
  'POST /api/deviations/{id}/attachments': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/deviations/${f.caseAtForum}/attachments`,
      body: { file: 'x' },
    }),
    expected: signedIn(415),
  },
  'GET /api/deviation-attachments/{id}': {
    call: (_, f) => ({ method: 'GET', url: `/api/deviation-attachments/${f.region}` }),
    expected: signedIn(404),
  },
  // The case is organisational (no subject): 422 for its handler and coordinator; no FHIR for others.
  'GET /api/deviations/{id}/fhir': {
    call: (_, f) => ({ method: 'GET', url: `/api/deviations/${f.caseAtForum}/fhir` }),
    expected: { ...caseReaders(403), manager: 422, qualityCoordinator: 422 },
  },
  // Accepting is not possible while a body holds the case: 409 for those who may act on it.
  'POST /api/deviations/{id}/transitions': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/deviations/${f.caseAtForum}/transitions`,
      body: { action: 'accept' },
    }),
    expected: { ...caseReaders(403), manager: 409, partnerMember: 409 },
  },
  'PATCH /api/deviations/{id}': {
    call: (_, f) => ({
      method: 'PATCH',
      url: `/api/deviations/${f.caseAtForum}`,
      body: { raiseAtUnitMeeting: true },
    }),
    expected: { ...caseReaders(403), manager: 200 },
  },
  'POST /api/deviations/{id}/notes': {
    call: (p, f) => ({
      method: 'POST',
      url: `/api/deviations/${f.caseAtForum}/notes`,
      body: { text: `Anteckning ${p}` },
    }),
    expected: { ...caseReaders(403), manager: 200 },
  },
  'POST /api/deviations/{id}/actions': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/deviations/${f.caseAtForum}/actions`,
      body: { title: 'Uppdatera rutinen', ownerId: f.nurse, dueOn: '2027-01-31' },
    }),
    expected: { ...caseReaders(403), manager: 200 },
  },
  // The action's owner (the nurse) may change its status; the handler may change anything.
  'PATCH /api/deviation-actions/{id}': {
    call: (_, f) => ({
      method: 'PATCH',
      url: `/api/deviation-actions/${f.caseAction}`,
      body: { status: 'open' },
    }),
    expected: { ...caseReaders(403), staff: 200, manager: 200 },
  },
  'POST /api/deviations/{id}/contacts': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/deviations/${f.caseAtForum}/contacts`,
      body: { counterpartName: 'Ulla Rask', contactedOn: '2026-11-02', channel: 'phone', summary: 'Samtal.' },
    }),
    expected: { ...caseReaders(403), manager: 200 },
  },
  'POST /api/unit-meetings/raised': {
    call: (_, f) => ({
      method: 'POST',
      url: '/api/unit-meetings/raised',
      body: { deviationIds: [f.caseAtForum], raisedOn: '2026-11-03' },
    }),
    expected: { ...signedIn(403), manager: 200, otherManager: 404 },
  },
  'GET /api/deviation-people': {
    call: () => ({ method: 'GET', url: '/api/deviation-people?managersOnly=true' }),
    expected: { ...signedIn(200), staff: 403, administrator: 403 },
  },
  // The reporting configuration is kept by organisation administrators only, for their own
  // organisation. Empty changes ({}) and a refused ladder (a body twice) leave the seed as it is.
  'GET /api/deviation-config/admin': {
    call: () => ({ method: 'GET', url: '/api/deviation-config/admin' }),
    expected: adminOnly(200),
  },
  'POST /api/deviation-entries': {
    call: (p) => ({
      method: 'POST',
      url: '/api/deviation-entries',
      body: {
        key: `matrix-${p.toLowerCase()}`,
        name: { sv: 'Matris', nb: 'Matrise', en: 'Matrix' },
        active: false,
      },
    }),
    expected: adminOnly(201),
  },
  'PATCH /api/deviation-entries/{id}': {
    call: (_, f) => ({ method: 'PATCH', url: `/api/deviation-entries/${f.careEntry}`, body: {} }),
    expected: adminOnly(200),
  },
  'POST /api/deviation-categories': {
    call: (p, f) => ({
      method: 'POST',
      url: '/api/deviation-categories',
      body: {
        entryId: f.careEntry,
        parentId: null,
        key: `matrix-${p.toLowerCase()}`,
        name: { sv: 'Matris', nb: 'Matrise', en: 'Matrix' },
        active: false,
      },
    }),
    expected: adminOnly(201),
  },
  'PATCH /api/deviation-categories/{id}': {
    call: (_, f) => ({ method: 'PATCH', url: `/api/deviation-categories/${f.careType}`, body: {} }),
    expected: adminOnly(200),
  },
  'PUT /api/deviation-categories/{id}/ladder': {
    call: (_, f) => ({
      method: 'PUT',
      url: `/api/deviation-categories/${f.careType}/ladder`,
      body: { bodyIds: [f.forum, f.forum] },
    }),
    expected: adminOnly(400),
  },
  // Document types and templates: everyone signed in reads their own organisation's (authors write
  // from them; Försäkringskassan's member does not find the region's template), only organisation
  // administrators change them. New ones are made inactive, and empty changes leave the seed as it is.
  'GET /api/document-types': {
    call: () => ({ method: 'GET', url: '/api/document-types' }),
    expected: signedIn(200),
  },
  'POST /api/document-types': {
    call: (p) => ({
      method: 'POST',
      url: '/api/document-types',
      body: { name: { sv: `Matris ${p}`, nb: `Matrise ${p}`, en: `Matrix ${p}` }, active: false },
    }),
    expected: adminOnly(201),
  },
  'PATCH /api/document-types/{id}': {
    call: (_, f) => ({ method: 'PATCH', url: `/api/document-types/${f.routineType}`, body: {} }),
    expected: adminOnly(200),
  },
  'GET /api/document-templates': {
    call: () => ({ method: 'GET', url: '/api/document-templates' }),
    expected: signedIn(200),
  },
  'GET /api/document-templates/{id}': {
    call: (_, f) => ({ method: 'GET', url: `/api/document-templates/${f.routineTemplate}` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  'POST /api/document-templates': {
    call: (p, f) => ({
      method: 'POST',
      url: '/api/document-templates',
      body: {
        name: { sv: `Matris ${p}`, nb: `Matrise ${p}`, en: `Matrix ${p}` },
        typeId: f.routineType,
        sections: [{ title: { sv: 'Syfte', nb: 'Formål', en: 'Purpose' } }],
        active: false,
      },
    }),
    expected: adminOnly(201),
  },
  'PATCH /api/document-templates/{id}': {
    call: (_, f) => ({ method: 'PATCH', url: `/api/document-templates/${f.routineTemplate}`, body: {} }),
    expected: adminOnly(200),
  },
  // Documents: everyone signed in reads the region's published routine (Försäkringskassan's member
  // does not find it); its owner (the quality coordinator) and the administrators change it; a
  // never-published document is there only for its owner and the administrators, and only the
  // approver or an administrator publishes. New documents are made by managers, quality
  // coordinators and administrators.
  'GET /api/documents': {
    call: () => ({ method: 'GET', url: '/api/documents' }),
    expected: signedIn(200),
  },
  'POST /api/documents': {
    call: (p, f) => ({
      method: 'POST',
      url: '/api/documents',
      body: { templateId: f.routineTemplate, title: `Matris ${p}` },
    }),
    expected: { ...signedIn(201), staff: 403, partnerMember: 403 },
  },
  'GET /api/documents/{id}': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  'PATCH /api/documents/{id}': {
    call: (_, f) => ({ method: 'PATCH', url: `/api/documents/${f.routine}`, body: {} }),
    expected: { ...signedIn(403), partnerMember: 404, qualityCoordinator: 200, administrator: 200 },
  },
  'PUT /api/documents/{id}/draft': {
    call: (_, f) => ({ method: 'PUT', url: `/api/documents/${f.routine}/draft`, body: { sections: [] } }),
    expected: { ...signedIn(403), partnerMember: 404, qualityCoordinator: 200, administrator: 200 },
  },
  'POST /api/documents/{id}/publish': {
    call: (_, f) => ({ method: 'POST', url: `/api/documents/${f.unpublished}/publish`, body: {} }),
    // the administrator may approve, but the draft was never submitted for approval
    expected: { ...signedIn(404), qualityCoordinator: 403, administrator: 409 },
  },
  'GET /api/documents/{id}/versions': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}/versions` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  'GET /api/documents/{id}/versions/{number}': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}/versions/1` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  // The PDF of a published version: the same readers as the version itself.
  'GET /api/documents/{id}/versions/{number}/pdf': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}/versions/1/pdf` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  // The lifecycle: the owner (the quality coordinator) and the administrators run review rounds,
  // answer, submit, archive and restore; the round's reviewer (the nurse) and the approver (ward 12's
  // manager) comment; the approver sends back. A never-published document is not there for anyone
  // else. The walk goes persona by persona, so where a move succeeds for the quality coordinator the
  // administrator, who comes last, finds it already made (409).
  'GET /api/documents/{id}/review-rounds': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.inReview}/review-rounds` }),
    expected: { ...signedIn(200), otherManager: 404, partnerMember: 404 },
  },
  'POST /api/documents/{id}/review-rounds/{number}/comments': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.inReview}/review-rounds/1/comments`,
      body: { sectionId: f.inReviewSection, body: 'Förtydliga ansvaret.' },
    }),
    expected: {
      ...signedIn(201),
      otherManager: 404,
      partnerMember: 404,
      qualityCoordinator: 403,
      administrator: 403,
    },
  },
  'POST /api/documents/{id}/review-comments/{commentId}/answer': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.inReview}/review-comments/${f.reviewComment}/answer`,
      body: { answer: 'Ändrat.' },
    }),
    expected: {
      ...signedIn(403),
      otherManager: 404,
      partnerMember: 404,
      qualityCoordinator: 200,
      administrator: 200,
    },
  },
  'POST /api/documents/{id}/review-rounds/{number}/close': {
    call: (_, f) => ({ method: 'POST', url: `/api/documents/${f.inReview}/review-rounds/1/close`, body: {} }),
    expected: {
      ...signedIn(403),
      otherManager: 404,
      partnerMember: 404,
      qualityCoordinator: 200,
      administrator: 409,
    },
  },
  'POST /api/documents/{id}/review-rounds': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.inReview}/review-rounds`,
      body: { deadline: '2099-12-31' },
    }),
    expected: {
      ...signedIn(403),
      otherManager: 404,
      partnerMember: 404,
      qualityCoordinator: 201,
      administrator: 409,
    },
  },
  'POST /api/documents/{id}/send-back': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.awaiting}/send-back`,
      body: { reason: 'Saknar syfte.' },
    }),
    expected: { ...signedIn(404), qualityCoordinator: 403, manager: 200, administrator: 409 },
  },
  'POST /api/documents/{id}/submit': {
    call: (_, f) => ({ method: 'POST', url: `/api/documents/${f.awaiting}/submit`, body: {} }),
    expected: { ...signedIn(404), manager: 403, qualityCoordinator: 200, administrator: 409 },
  },
  'POST /api/documents/{id}/archive': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.unpublished}/archive`,
      body: { reason: 'Ersatt.' },
    }),
    expected: { ...signedIn(404), qualityCoordinator: 200, administrator: 409 },
  },
  'POST /api/documents/{id}/restore': {
    call: (_, f) => ({ method: 'POST', url: `/api/documents/${f.unpublished}/restore`, body: {} }),
    expected: { ...signedIn(404), qualityCoordinator: 200, administrator: 409 },
  },
  'GET /api/documents/{id}/events': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}/events` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  // Reading (issue 5): everyone who may read the routine confirms having read it (Försäkringskassan's
  // member does not find it); everyone has a reading list and sees the knowledge supports they may
  // see; who has read what is for managers, quality coordinators and administrators, each within
  // their own units (the medical clinic's head sees nobody of the orthopaedic routine's audience).
  'POST /api/documents/{id}/acknowledgements': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.routine}/acknowledgements`,
      body: { versionNumber: 1 },
    }),
    expected: { ...signedIn(201), partnerMember: 404 },
  },
  'GET /api/documents/{id}/acknowledgements': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}/acknowledgements` }),
    expected: { ...signedIn(200), staff: 403, partnerMember: 403 },
  },
  'GET /api/document-reading': {
    call: () => ({ method: 'GET', url: '/api/document-reading' }),
    expected: signedIn(200),
  },
  'GET /api/document-reading/overview': {
    call: () => ({ method: 'GET', url: '/api/document-reading/overview' }),
    expected: { ...signedIn(200), staff: 403, partnerMember: 403 },
  },
  'GET /api/knowledge-supports': {
    call: () => ({ method: 'GET', url: '/api/knowledge-supports' }),
    expected: signedIn(200),
  },
  // Search: everyone signed in searches their own organisation's documents (what they may read).
  'GET /api/documents/search': {
    call: () => ({ method: 'GET', url: '/api/documents/search?q=rutin' }),
    expected: signedIn(200),
  },
  // The deviations that changed a document: every reader of the document sees the numbers. Its owner
  // (the quality coordinator, who reads the case at the forum) links that case by its number; the
  // administrators keep the document but may not read the case (422). Then the owner takes the link
  // away again (the administrator finds it gone: 404).
  'GET /api/documents/{id}/deviations': {
    call: (_, f) => ({ method: 'GET', url: `/api/documents/${f.routine}/deviations` }),
    expected: { ...signedIn(200), partnerMember: 404 },
  },
  'POST /api/documents/{id}/deviation-links': {
    call: (_, f) => ({
      method: 'POST',
      url: `/api/documents/${f.routine}/deviation-links`,
      body: { deviationNumber: f.caseAtForumNumber },
    }),
    expected: { ...signedIn(403), partnerMember: 404, qualityCoordinator: 201, administrator: 422 },
  },
  'DELETE /api/documents/{id}/deviation-links/{deviationId}': {
    call: (_, f) => ({
      method: 'DELETE',
      url: `/api/documents/${f.routine}/deviation-links/${f.caseAtForum}`,
    }),
    expected: { ...signedIn(403), partnerMember: 404, qualityCoordinator: 204, administrator: 404 },
  },
  // Everyone signed in has their own notifications (and only those).
  'GET /api/notifications': {
    call: () => ({ method: 'GET', url: '/api/notifications' }),
    expected: signedIn(200),
  },
  'GET /api/notifications/unread-count': {
    call: () => ({ method: 'GET', url: '/api/notifications/unread-count' }),
    expected: signedIn(200),
  },
  'POST /api/notifications/read': {
    call: () => ({ method: 'POST', url: '/api/notifications/read', body: { all: true } }),
    expected: signedIn(200),
  },
  'GET /api/audit': { call: () => ({ method: 'GET', url: '/api/audit' }), expected: adminOnly(200) },
};

let t: TestApp;
let fixtures: Fixtures;
const clients = new Map<Persona, Client>();

async function idOf<T extends { id: string }>(rows: Promise<T[]>, what: string): Promise<string> {
  const [row] = await rows;
  if (!row) throw new Error(`fixture missing: ${what}`);
  return row.id;
}

beforeAll(async () => {
  t = await testApp();
  const db = t.database.db;
  await seedDemo(db, { password: 'loopen-demo' });
  const unitId = (name: string) =>
    idOf(db.select({ id: units.id }).from(units).where(eq(units.name, name)), name);
  const personId = (username: string) =>
    idOf(db.select({ id: people.id }).from(people).where(eq(people.username, username)), username);
  const region = await idOf(
    db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, 'Region Älvsund')),
    'region',
  );
  const fk = await idOf(
    db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, 'Försäkringskassan')),
    'fk',
  );
  const ward = await unitId('Ortopedisk vårdavdelning 12');
  const [wardRow] = await db.select({ path: units.path }).from(units).where(eq(units.id, ward));
  const hash = await hashPassword('matrix-password-1');
  const own = {} as Fixtures['own'];
  for (const persona of personaNames) {
    const slug = persona.toLowerCase();
    const [unit] = await db
      .insert(units)
      .values({ organisationId: region, parentId: ward, name: `Own ${slug}`, path: 'pending' })
      .returning({ id: units.id });
    if (!unit || !wardRow) throw new Error('fixture unit');
    await db
      .update(units)
      .set({ path: `${wardRow.path}${unit.id}/` })
      .where(eq(units.id, unit.id));
    const [person] = await db
      .insert(people)
      .values({
        organisationId: region,
        username: `matrix.${slug}`,
        name: `Matrix ${slug}`,
        email: `${slug}@alvsund.example`,
        passwordHash: hash,
      })
      .returning({ id: people.id });
    if (!person) throw new Error('fixture person');
    const [role] = await db
      .insert(roleAssignments)
      .values({ personId: person.id, role: 'staff', unitId: unit.id })
      .returning({ id: roleAssignments.id });
    const [contact] = await db
      .insert(unitContacts)
      .values({ unitId: ward, organisationId: fk, name: `Kontakt ${slug}`, role: 'Handläggare' })
      .returning({ id: unitContacts.id });
    const [assignment] = await db
      .insert(unitAssignments)
      .values({ unitId: ward, title: `Uppdrag ${slug}` })
      .returning({ id: unitAssignments.id });
    if (!role || !contact || !assignment) throw new Error('fixture rows');
    own[persona] = {
      person: person.id,
      roleId: role.id,
      unit: unit.id,
      contact: contact.id,
      assignment: assignment.id,
    };
  }
  fixtures = {
    region,
    fk,
    ward,
    hipSection: await unitId('Sektion höft och knä'),
    forum: await idOf(
      db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, 'Avvikelseforum')),
      'forum',
    ),
    nurse: await personId('sjukskoterska'),
    surgeon: await personId('lakare'),
    caseAtForum: '',
    caseAtForumNumber: '',
    caseAction: '',
    careEntry: await idOf(
      db
        .select({ id: deviationEntries.id })
        .from(deviationEntries)
        .where(and(eq(deviationEntries.organisationId, region), eq(deviationEntries.key, 'care'))),
      'care entry',
    ),
    careType: await idOf(
      db
        .select({ id: deviationCategories.id })
        .from(deviationCategories)
        .where(eq(deviationCategories.key, 'wrong-dose')),
      'care type',
    ),
    routineType: await idOf(
      db
        .select({ id: documentTypes.id })
        .from(documentTypes)
        .where(and(eq(documentTypes.organisationId, region), sql`${documentTypes.name}->>'sv' = 'Rutin'`)),
      'routine type',
    ),
    routineTemplate: await idOf(
      db
        .select({ id: documentTemplates.id })
        .from(documentTemplates)
        .where(
          and(eq(documentTemplates.organisationId, region), sql`${documentTemplates.name}->>'sv' = 'Rutin'`),
        ),
      'routine template',
    ),
    routine: await idOf(
      db
        .select({ id: documents.id })
        .from(documents)
        .where(
          and(eq(documents.organisationId, region), sql`${documents.title} like 'Rutin för implementering%'`),
        ),
      'routine document',
    ),
    unpublished: '',
    inReview: '',
    inReviewSection: '',
    reviewComment: '',
    awaiting: '',
    contact: await idOf(
      db
        .select({ id: unitContacts.id })
        .from(unitContacts)
        .where(and(eq(unitContacts.unitId, ward), eq(unitContacts.name, 'Kontakt anonymous'))),
      'contact',
    ),
    own,
  };
  for (const persona of personaNames) {
    const client = new Client(t.app);
    const username = personas[persona];
    if (username) await client.login(username, 'loopen-demo');
    clients.set(persona, client);
  }
  const coordinator = clients.get('qualityCoordinator');
  const drafted = await coordinator?.post<{ id: string }>('/api/documents', {
    templateId: fixtures.routineTemplate,
    title: 'Matrisens opublicerade rutin',
  });
  if (drafted?.status !== 201) throw new Error(`fixture document: ${drafted?.status}`);
  fixtures.unpublished = drafted.body.id;
  await lifecycleFixtures();
  const story = await caseAtForum();
  fixtures.caseAtForum = story.caseId;
  fixtures.caseAtForumNumber = story.number;
  fixtures.caseAction = story.actionId;
});
afterAll(async () => t.close());

/** A document out for review with the nurse's comment, and one submitted to ward 12's manager. */
async function lifecycleFixtures(): Promise<void> {
  const coordinator = clients.get('qualityCoordinator');
  const nurse = clients.get('staff');
  if (!coordinator || !nurse) throw new Error('fixture clients');
  const approverId = await idOf(
    t.database.db.select({ id: people.id }).from(people).where(eq(people.username, 'chef.avd12')),
    'ward 12 manager',
  );
  const make = async (title: string, reviewerIds: string[]) => {
    const made = await coordinator.post<{ id: string; draft: { sections: Array<{ sectionId: string }> } }>(
      '/api/documents',
      { templateId: fixtures.routineTemplate, title, approverId, reviewerIds },
    );
    if (made.status !== 201) throw new Error(`fixture document: ${made.status}`);
    return made.body;
  };
  const inReview = await make('Matrisens rutin under granskning', [fixtures.nurse]);
  fixtures.inReview = inReview.id;
  fixtures.inReviewSection = inReview.draft.sections[0]?.sectionId ?? '';
  const opened = await coordinator.post(`/api/documents/${inReview.id}/review-rounds`, {
    deadline: '2099-12-31',
  });
  if (opened.status !== 201) throw new Error(`fixture round: ${opened.status}`);
  const comment = await nurse.post<{ id: string }>(`/api/documents/${inReview.id}/review-rounds/1/comments`, {
    sectionId: fixtures.inReviewSection,
    body: 'Vem ansvarar?',
  });
  if (comment.status !== 201) throw new Error(`fixture comment: ${comment.status}`);
  fixtures.reviewComment = comment.body.id;
  const awaiting = await make('Matrisens rutin hos godkännaren', []);
  fixtures.awaiting = awaiting.id;
  const submitted = await coordinator.post(`/api/documents/${awaiting.id}/submit`, {});
  if (submitted.status !== 200) throw new Error(`fixture submit: ${submitted.status}`);
}

/** A report climbs from ward 12 to Avvikelseforum, as in seed 002. */
async function caseAtForum(): Promise<{ caseId: string; number: string; actionId: string }> {
  const as = async (username: string): Promise<Client> => {
    const client = new Client(t.app);
    await client.login(username, 'loopen-demo');
    return client;
  };
  const nurse = await as('sjukskoterska');
  const config = (
    await nurse.get<{ categories: Array<{ id: string; name: { sv: string } }> }>('/api/deviation-config')
  ).body;
  const type = config.categories.find((c) => c.name.sv === 'Försäkringsmedicin');
  const filed = await nurse.post<{ id: string; number: string }>('/api/deviations', {
    categoryId: type?.id,
    occurredAt: new Date().toISOString(),
    description: 'Intyget nådde inte Försäkringskassan.',
    patientInvolved: true,
    patientIdentifier: '811228-9874',
  });
  const caseId = filed.body.id;
  const manager = await as('chef.avd12');
  const steps: Array<[Client, string, unknown]> = [
    [manager, 'transitions', { action: 'accept' }],
    [manager, '', { raiseAtUnitMeeting: true }],
    [manager, 'actions', { title: 'Gå igenom rutinen', ownerId: fixtures.nurse, dueOn: '2027-01-15' }],
    [manager, 'transitions', { action: 'escalate', reason: 'Löses inte på chefsnivå.' }],
    [await as('kommitte.ordf'), 'transitions', { action: 'escalate', reason: 'Till Avvikelseforum.' }],
  ];
  let actionId = '';
  for (const [client, path, body] of steps) {
    const answer = path
      ? await client.post<{ actions: Array<{ id: string }> }>(`/api/deviations/${caseId}/${path}`, body)
      : await client.patch<{ actions: Array<{ id: string }> }>(`/api/deviations/${caseId}`, body);
    if (answer.status !== 200)
      throw new Error(`fixture case: ${path} ${answer.status} ${JSON.stringify(answer.body)}`);
    actionId = answer.body.actions[0]?.id ?? actionId;
  }
  return { caseId, number: filed.body.number, actionId };
}

describe('the access matrix', () => {
  it('has a row for every endpoint in the OpenAPI document, and none for endpoints that do not exist', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(
      documented.filter((key) => !(key in matrix)),
      'endpoints without a row in the matrix',
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((key) => !documented.includes(key)),
      'rows for no endpoint',
    ).toEqual([]);
  });

  it('gives every kind of user exactly the expected answer on every endpoint, and never a 5xx', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [key, row] of Object.entries(matrix)) {
      for (const persona of personaNames) {
        const call = row.call(persona, fixtures);
        const client = clients.get(persona);
        if (!client) throw new Error(`no client for ${persona}`);
        const answer = await client.request(call.method, call.url, call.body, call.headers);
        cells += 1;
        if (answer.status !== row.expected[persona]) {
          mismatches.push(
            `${key} as ${persona}: expected ${row.expected[persona]}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(Object.keys(matrix).length * personaNames.length);
  });

  it('scopes lists by data too: a manager sees the people of their own units only', async () => {
    const listed = async (persona: Persona): Promise<string[]> => {
      const answer = await clients
        .get(persona)
        ?.get<{ items: Array<{ username: string }> }>('/api/people?pageSize=200');
      return answer?.body.items.map((p) => p.username) ?? [];
    };
    expect(await listed('manager')).toContain('sjukskoterska');
    expect(await listed('otherManager')).not.toContain('sjukskoterska');
    expect(await listed('otherManager')).toContain('chef.avd3');
    expect(await listed('administrator')).toContain('fk.utredare');
  });

  // Last: it gives Försäkringskassan an administrator, which changes the answers above.
  it("scopes the registers by organisation: the region's administrator looks after Försäkringskassan's staff only until Försäkringskassan has an administrator of its own", async () => {
    const admin = clients.get('administrator');
    if (!admin) throw new Error('no administrator');
    const db = t.database.db;
    const idOfUser = (username: string) =>
      idOf(db.select({ id: people.id }).from(people).where(eq(people.username, username)), username);
    const investigator = await idOfUser('fk.utredare');
    const areaManager = await idOfUser('fk.chef');
    const [fkRoot] = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.organisationId, fixtures.fk), isNull(units.parentId)));
    if (!fkRoot) throw new Error('fixture missing: Försäkringskassan root');

    // Caretaking: the region adds and changes the agency's committee members.
    const caretaken = await admin.patch<{ allowedActions: string[] }>(`/api/people/${investigator}`, {
      profession: 'Försäkringsutredare, sjukförsäkring',
    });
    expect(caretaken.status).toBe(200);
    expect(caretaken.body.allowedActions).toContain('edit');

    // The region appoints Försäkringskassan's area manager its first administrator.
    const appointed = await admin.post(`/api/people/${areaManager}/roles`, {
      role: 'administrator',
      unitId: fkRoot.id,
    });
    expect(appointed.status).toBe(201);
    const refused = await admin.patch(`/api/people/${investigator}`, { profession: 'Något annat' });
    expect(refused.status).toBe(403);
    expect(
      (await admin.post(`/api/people/${investigator}/password`, { password: 'regionens-lösenord' })).status,
    ).toBe(403);
    expect(
      (await admin.patch(`/api/organisations/${fixtures.fk}`, { orgNumber: '202100-5521' })).status,
    ).toBe(403);

    // From now on Försäkringskassan keeps its own staff, and reads only its own part of the log.
    const fk = new Client(t.app);
    await fk.login('fk.chef', 'loopen-demo');
    expect((await fk.patch(`/api/people/${investigator}`, { profession: 'Utredare' })).status).toBe(200);
    const log = await fk.get<{ items: Array<{ action: string; entityId: string | null }> }>(
      '/api/audit?pageSize=200',
    );
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => e.action)).toContain('organisation.first_administrator');
    const regionUnits = new Set(Object.values(fixtures.own).map((o) => o.unit));
    expect(log.body.items.filter((e) => e.entityId !== null && regionUnits.has(e.entityId))).toEqual([]);
  });
});
