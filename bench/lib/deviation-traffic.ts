import { randomUUID } from 'node:crypto';
import { getJson, type Session, signIn } from './session.ts';

// The people and requests of a ward's day with deviations, for the parts that load Loopen with a
// mix: the nurse reports, her ward manager reads the inbox and handles the case, the region's
// quality coordinator reads the statistics.

export const nurse = 'sjukskoterska';
export const wardManager = 'chef.avd12';
export const qualityCoordinator = 'kvalitet';

/** A fictional test personnummer with a valid check digit (Skatteverket's example). */
const testPersonnummer = '19121212-1212';
/** One report in four names a patient, as in deviations-submit. */
const patientEvery = 4;

export const inboxPath = '/api/deviations?view=inbox';
export const statsPath = '/api/deviations/stats?groupBy=entry';

export function demoPassword(): string {
  return process.env.LOOPEN_DEMO_PASSWORD || 'loopen-demo';
}

/** The headers of a state-changing JSON request as the session. */
export function writeHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
}

export function readHeaders(session: Session): Record<string, string> {
  return { cookie: session.cookie };
}

/** A report as the web client sends it; every `patientEvery`-th names a patient in the protected field. */
export function reportBody(categoryId: string, sequence: number): string {
  const withPatient = sequence % patientEvery === 0;
  return JSON.stringify({
    categoryId,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    description:
      'Patienten skulle få sin ordinerade dos smärtlindring klockan 14 men läkemedlet saknades i ' +
      'läkemedelsförrådet på avdelningen. Apoteket kontaktades och leveransen kom först efter två timmar.',
    immediateAction: 'Jourhavande läkare kontaktades och ordinerade ett ersättningspreparat.',
    suggestion: 'Se över beställningsrutinen så att förrådet fylls på innan det tar slut.',
    patientInvolved: withPatient,
    patientHarmed: false,
    ...(withPatient ? { patientIdentifier: testPersonnummer } : {}),
    reporterNameShared: false,
  });
}

/** A fresh Idempotency-Key, as the web client makes one per report. */
export function idempotencyKey(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export interface Cast {
  nurse: Session;
  manager: Session;
  coordinator: Session;
  /** a selectable, patient-related type of the demo configuration */
  categoryId: string;
  managerId: string;
}

/**
 * Signs the three in on the first server and checks, with one report, that it reaches the ward
 * manager (whose inbox and transitions the parts load). Sessions live in the database, so the same
 * cookies are valid on every server of the same database.
 */
export async function signInCast(baseUrl: string): Promise<Cast> {
  const password = demoPassword();
  const [nurseSession, managerSession, coordinatorSession] = [
    await signIn(baseUrl, nurse, password),
    await signIn(baseUrl, wardManager, password),
    await signIn(baseUrl, qualityCoordinator, password),
  ];
  const config = await getJson<{
    categories: Array<{ id: string; selectable: boolean; patientRelated: boolean }>;
  }>(baseUrl, '/api/deviation-config', nurseSession);
  const category = config.categories.find((c) => c.selectable && c.patientRelated);
  if (!category) throw new Error('the demo configuration has no selectable patient-related type');
  const me = await getJson<{ person: { id: string } }>(baseUrl, '/api/me', managerSession);
  const probe = await fetch(`${baseUrl}/api/deviations`, {
    method: 'POST',
    headers: { ...writeHeaders(nurseSession), 'idempotency-key': idempotencyKey('probe') },
    body: reportBody(category.id, 1),
  });
  const text = await probe.text();
  if (probe.status !== 201) throw new Error(`POST /api/deviations answered ${probe.status}: ${text}`);
  const receipt = JSON.parse(text) as { handler: { id: string; name: string } };
  if (receipt.handler.id !== me.person.id)
    throw new Error(`the nurse's report went to ${receipt.handler.name}, not to ${wardManager}`);
  return {
    nurse: nurseSession,
    manager: managerSession,
    coordinator: coordinatorSession,
    categoryId: category.id,
    managerId: me.person.id,
  };
}
