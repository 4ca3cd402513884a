import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { people, units } from '../organisation/tables.ts';
import { caseViewOf } from './policy.ts';
import { categoryPath, requireCase } from './records.ts';
import { deviationEntries, deviationPatients } from './tables.ts';

// A patient-related deviation as a FHIR R5 AdverseEvent, for national reporting and other systems.
// FHIR requires a subject: an organisational deviation, or one without an identified patient, has
// none, and is answered with a clear 422 instead of an invented patient.

/** Identifier systems: the Swedish personnummer and samordningsnummer OIDs, the Norwegian FNR and DNR. */
const identifierSystems = {
  se_personnummer: 'urn:oid:1.2.752.129.2.1.3.1',
  se_samordningsnummer: 'urn:oid:1.2.752.129.2.1.3.3',
  no_fodselsnummer: 'urn:oid:2.16.578.1.12.4.1.4.1',
  no_d_nummer: 'urn:oid:2.16.578.1.12.4.1.4.2',
} as const;

export type FhirAdverseEvent = {
  resourceType: 'AdverseEvent';
  id: string;
  meta: { lastUpdated: string };
  identifier: Array<{ system: string; value: string }>;
  status: 'in-progress' | 'completed';
  actuality: 'actual' | 'potential';
  category: Array<{ coding: Array<{ system: string; code: string; display: string }>; text: string }>;
  code: { coding: Array<{ system: string; code: string; display: string }>; text: string };
  subject: { type: 'Patient'; identifier: { system: string; value: string } };
  occurrenceDateTime: string;
  recordedDate: string;
  location: { display: string };
  recorder?: { display: string };
  mitigatingAction?: Array<{ itemCodeableConcept: { text: string } }>;
  note: Array<{ text: string }>;
};

/** The case as an AdverseEvent; for those with the handler's view only, as it carries the patient. */
export async function deviationAsFhir(
  options: { actor: Actor; audit: AuditContext; deviationId: string },
  tx: Db,
): Promise<FhirAdverseEvent> {
  const c = await requireCase(tx, options.deviationId);
  const view = caseViewOf(options.actor, c.facts);
  if (!view) throw new AppError('deviation.not_found', 'not_found');
  if (view !== 'handler') throw new AppError('deviation.fhir_handlers_only', 'forbidden');
  const row = c.row;
  const path = await categoryPath(tx, row.categoryId);
  const type = path[path.length - 1];
  if (!type?.patientRelated) throw new AppError('deviation.fhir_not_patient_related', 'unprocessable');
  const [patient] = await tx
    .select()
    .from(deviationPatients)
    .where(eq(deviationPatients.deviationId, row.id));
  if (!patient) throw new AppError('deviation.fhir_no_patient', 'unprocessable');
  // One query at a time: a transaction is one connection, which runs one query at a time.
  const [entry] = await tx.select().from(deviationEntries).where(eq(deviationEntries.id, row.entryId));
  const [unit] = await tx.select({ name: units.name }).from(units).where(eq(units.id, row.unitId));
  const [reporter] = await tx.select({ name: people.name }).from(people).where(eq(people.id, row.reporterId));
  await writeAudit(tx, options.audit, {
    action: 'deviation.exported_fhir',
    entityType: 'deviation',
    entityId: row.id,
    summary: { number: row.number },
  });
  const area = path[0];
  return {
    resourceType: 'AdverseEvent',
    id: row.id,
    meta: { lastUpdated: row.updatedAt.toISOString() },
    identifier: [{ system: 'urn:loopen:deviation-number', value: row.number }],
    status: row.status === 'closed' || row.status === 'resolved' ? 'completed' : 'in-progress',
    // A harmed patient is an actual event; otherwise it is a near miss or a risk: potential.
    actuality: row.patientHarmed ? 'actual' : 'potential',
    category: [
      {
        coding: [
          { system: 'urn:loopen:deviation-entry', code: entry?.key ?? '', display: entry?.name.sv ?? '' },
          ...(area && area !== type
            ? [{ system: 'urn:loopen:deviation-category', code: area.key, display: area.name.sv }]
            : []),
        ],
        text: path.map((n) => n.name.sv).join(' › '),
      },
    ],
    code: {
      coding: [{ system: 'urn:loopen:deviation-category', code: type.key, display: type.name.sv }],
      text: type.name.sv,
    },
    subject: {
      type: 'Patient',
      identifier: { system: identifierSystems[patient.kind], value: patient.identifier },
    },
    occurrenceDateTime: row.occurredAt.toISOString(),
    recordedDate: row.reportedAt.toISOString(),
    location: { display: unit?.name ?? '' },
    ...(reporter ? { recorder: { display: reporter.name } } : {}),
    ...(row.immediateAction
      ? { mitigatingAction: [{ itemCodeableConcept: { text: row.immediateAction } }] }
      : {}),
    note: [{ text: row.description }],
  };
}
