// The report being written, kept in the browser as it is typed, so that a closed tab or a lost
// connection costs the nurse nothing. The protected patient identifier is never part of it.

export type Step = 1 | 2 | 3;

export interface ReportDraft {
  entryId: string;
  /** the chosen classification nodes, from the top of the tree down */
  path: string[];
  step: Step;
  description: string;
  /** local date and time as a datetime-local input holds it: YYYY-MM-DDTHH:mm */
  occurredAt: string;
  unitId: string;
  immediateAction: string;
  suggestion: string;
  patientInvolved: boolean;
  patientHarmed: boolean;
  reporterNameShared: boolean;
  /** the first report of the same event, when this is its companion */
  companionOf: { id: string; number: string } | null;
  /** one key per draft: retries of the same submission are stored once */
  idempotencyKey: string;
}

const VERSION = 1;

/** One draft per person: a ward PC is shared, and a colleague must not see (or send) another's draft. */
function storageKey(personId: string): string {
  return `loopen.reportDraft.${personId}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A Date as a datetime-local value, to the minute, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function newKey(): string {
  return crypto.randomUUID();
}

export function emptyDraft(unitId: string): ReportDraft {
  return {
    entryId: '',
    path: [],
    step: 1,
    description: '',
    occurredAt: toLocalInput(new Date()),
    unitId,
    immediateAction: '',
    suggestion: '',
    patientInvolved: false,
    patientHarmed: false,
    reporterNameShared: false,
    companionOf: null,
    idempotencyKey: newKey(),
  };
}

/** Worth keeping: something the reporter chose or wrote (the defaults alone are not a draft). */
export function hasContent(draft: ReportDraft): boolean {
  return (
    draft.entryId !== '' ||
    draft.description.trim() !== '' ||
    draft.immediateAction.trim() !== '' ||
    draft.suggestion.trim() !== ''
  );
}

const str = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const bool = (value: unknown): boolean => value === true;

/** The stored draft, read defensively: it is whatever an older version of the page left there. */
export function loadDraft(personId: string, defaults: ReportDraft): ReportDraft | null {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(storageKey(personId));
  } catch {
    return null;
  }
  if (!raw) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null || !('version' in stored) || stored.version !== VERSION)
    return null;
  const s = stored as Record<string, unknown>;
  const companion = s.companionOf;
  const draft: ReportDraft = {
    entryId: str(s.entryId, ''),
    path: Array.isArray(s.path) ? s.path.filter((p): p is string => typeof p === 'string') : [],
    step: s.step === 2 || s.step === 3 ? s.step : 1,
    description: str(s.description, ''),
    occurredAt: str(s.occurredAt, defaults.occurredAt),
    unitId: str(s.unitId, defaults.unitId),
    immediateAction: str(s.immediateAction, ''),
    suggestion: str(s.suggestion, ''),
    patientInvolved: bool(s.patientInvolved),
    patientHarmed: bool(s.patientHarmed),
    reporterNameShared: bool(s.reporterNameShared),
    companionOf:
      typeof companion === 'object' &&
      companion !== null &&
      'id' in companion &&
      'number' in companion &&
      typeof companion.id === 'string' &&
      typeof companion.number === 'string'
        ? { id: companion.id, number: companion.number }
        : null,
    idempotencyKey: str(s.idempotencyKey, defaults.idempotencyKey),
  };
  return hasContent(draft) ? draft : null;
}

export function saveDraft(personId: string, draft: ReportDraft): void {
  try {
    if (hasContent(draft))
      window.localStorage.setItem(storageKey(personId), JSON.stringify({ version: VERSION, ...draft }));
    else window.localStorage.removeItem(storageKey(personId));
  } catch {
    // Private browsing or a full store: the report can still be sent, only not kept.
  }
}

export function clearDraft(personId: string): void {
  try {
    window.localStorage.removeItem(storageKey(personId));
  } catch {
    // nothing stored, nothing to clear
  }
}
