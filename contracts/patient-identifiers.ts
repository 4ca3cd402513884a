// Patient identifiers of Sweden and Norway, recognised by their structure and check digits: the
// report form flags one typed into free text as it is typed, and the server refuses it with the same
// code. Shared by the web app and the server, so both judge a text alike.

export type PatientIdentifierKind =
  | 'se_personnummer'
  | 'se_samordningsnummer'
  | 'no_fodselsnummer'
  | 'no_d_nummer';

export interface FoundIdentifier {
  kind: PatientIdentifierKind;
  /** where in the text it starts and ends (end exclusive) */
  start: number;
  end: number;
}

function digitsOf(value: string): number[] {
  return [...value].map((c) => c.charCodeAt(0) - 48);
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

/** Luhn over the ten digits YYMMDDNNNC: the last digit checks the nine before it. */
function luhnValid(ten: string): boolean {
  let sum = 0;
  for (const [i, d] of digitsOf(ten).entries()) {
    const product = i % 2 === 0 ? d * 2 : d;
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10 === 0;
}

/**
 * A Swedish personnummer or samordningsnummer (day + 60): YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC
 * or YYYYMMDD-NNNC. The century of a ten-digit form is unknown, so any leap-year day is accepted.
 */
export function swedishKind(value: string): PatientIdentifierKind | null {
  const match = /^(\d{2})?(\d{6})[-+ ]?(\d{4})$/.exec(value);
  if (!match) return null;
  const [, century, yymmdd = '', last4 = ''] = match;
  const ten = yymmdd + last4;
  const yy = Number(ten.slice(0, 2));
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  let kind: PatientIdentifierKind = 'se_personnummer';
  if (day > 60) {
    day -= 60;
    kind = 'se_samordningsnummer';
  }
  const year = century ? Number(century) * 100 + yy : 2000 + yy;
  const dateOk = century
    ? isValidDate(year, month, day)
    : isValidDate(2000 + yy, month, day) || isValidDate(1900 + yy, month, day);
  if (!dateOk || !luhnValid(ten)) return null;
  return kind;
}

const k1Weights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const k2Weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function mod11(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** A Norwegian fødselsnummer or D-nummer (first digit + 4): DDMMYYIIIKK, two mod-11 check digits. */
export function norwegianKind(value: string): PatientIdentifierKind | null {
  const compact = value.replace(' ', '');
  if (!/^\d{11}$/.test(compact)) return null;
  const digits = digitsOf(compact);
  let day = Number(compact.slice(0, 2));
  const month = Number(compact.slice(2, 4));
  const yy = Number(compact.slice(4, 6));
  let kind: PatientIdentifierKind = 'no_fodselsnummer';
  if (day > 40) {
    day -= 40;
    kind = 'no_d_nummer';
  }
  if (!isValidDate(2000 + yy, month, day) && !isValidDate(1900 + yy, month, day)) return null;
  const k1 = mod11(digits, k1Weights);
  if (k1 === null || k1 !== digits[9]) return null;
  const k2 = mod11(digits, k2Weights);
  if (k2 === null || k2 !== digits[10]) return null;
  return kind;
}

/** Recognises one identifier as given in the protected patient field; null when it is none. */
export function parsePatientIdentifier(
  raw: string,
): { kind: PatientIdentifierKind; identifier: string } | null {
  const value = raw.trim();
  const se = swedishKind(value);
  if (se) {
    const digits = value.replace(/[-+ ]/g, '');
    // Kept as written, but with a separator, so that the century sign (+) of a ten-digit form survives.
    const identifier = digits.length === 12 ? `${digits.slice(0, 8)}-${digits.slice(8)}` : value;
    return { kind: se, identifier };
  }
  const no = norwegianKind(value);
  if (no) return { kind: no, identifier: value.replace(' ', '') };
  return null;
}

// Runs of digits shaped like an identifier, not inside a longer number.
const swedishShape = /(?<![\d-])(?:\d{8}|\d{6})[-+ ]?\d{4}(?!\d)/g;
const norwegianShape = /(?<!\d)\d{6} ?\d{5}(?!\d)/g;

/** Every Swedish or Norwegian patient identifier in a text, in order. */
export function findPatientIdentifiers(text: string): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const match of text.matchAll(swedishShape)) {
    const kind = swedishKind(match[0]);
    if (kind) found.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(norwegianShape)) {
    const kind = norwegianKind(match[0]);
    const start = match.index;
    const end = start + match[0].length;
    if (kind && !found.some((f) => f.start < end && start < f.end)) found.push({ kind, start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function containsPatientIdentifier(text: string): boolean {
  return findPatientIdentifiers(text).length > 0;
}
