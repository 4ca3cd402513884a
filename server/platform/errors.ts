import { registerMessages } from './i18n.ts';

/** The kinds of failure; this one table decides the HTTP status of every error Loopen answers. */
export const errorStatus = {
  bad_request: 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unprocessable: 422,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
} as const;
export type ErrorKind = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  /** message key, translated when the answer is written */
  key: string;
  params?: Record<string, unknown>;
}

/**
 * The one error type. `code` is a message key ('organisation.unit_not_found') translated into the
 * caller's language when the problem+json answer is written. `message` names another key for the
 * text when one code has several wordings, as a count of one and of several: the code stays the same.
 */
export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly params: Record<string, unknown>;
  readonly fields: FieldError[];
  readonly extra: Record<string, unknown>;
  /** the message key of the text, `code` unless told */
  readonly messageKey: string;

  constructor(
    code: string,
    kind: ErrorKind,
    options: {
      params?: Record<string, unknown>;
      fields?: FieldError[];
      extra?: Record<string, unknown>;
      message?: string;
    } = {},
  ) {
    super(code);
    this.code = code;
    this.kind = kind;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
    this.messageKey = options.message ?? code;
  }

  get status(): number {
    return errorStatus[this.kind];
  }
}

registerMessages({
  sv: {
    'problem.bad_request': 'Felaktig begäran',
    'problem.validation': 'Uppgifterna behöver rättas',
    'problem.unauthenticated': 'Inloggning krävs',
    'problem.forbidden': 'Åtkomst nekad',
    'problem.not_found': 'Hittades inte',
    'problem.conflict': 'Konflikt',
    'problem.payload_too_large': 'För stor begäran',
    'problem.uri_too_long': 'För lång adress',
    'problem.unsupported_media_type': 'Formatet stöds inte',
    'problem.too_many_requests': 'För många försök',
    'problem.unavailable': 'Tjänsten är inte tillgänglig',
    'problem.unprocessable': 'Kan inte utföras',
    'problem.internal': 'Något gick fel',
    'error.internal':
      'Något gick fel hos oss. Försök igen; kvarstår felet, kontakta support och ange referensen {requestId}.',
    'error.not_found': 'Sidan eller resursen finns inte.',
    'error.bad_json': 'Begäran kunde inte läsas: ogiltig JSON.',
    'error.bad_url': 'Adressen kunde inte läsas: den innehåller en ogiltig %-kod.',
    'error.uri_too_long': 'En del av adressen är för lång.',
    'error.payload_too_large': 'Begäran är för stor.',
    'error.unsupported_media_type': 'Innehållstypen {contentType} stöds inte.',
    'error.rate_limited': 'För många förfrågningar. Vänta en stund och försök igen.',
    'error.validation': 'Några uppgifter behöver rättas.',
    'error.unavailable': 'Databasen svarar inte just nu.',
    'error.bad_input': 'Ett värde kunde inte sparas: det är ogiltigt eller utanför det tillåtna intervallet.',
    'error.conflict': 'Ändringen krockar med befintliga uppgifter. Ladda om och försök igen.',
    'validation.required': 'Uppgiften krävs.',
    'validation.invalid_type': 'Fel typ av värde: {expected} väntades.',
    'validation.too_small_string': 'Måste vara minst {minimum} tecken.',
    'validation.too_big_string': 'Får vara högst {maximum} tecken.',
    'validation.too_small': 'Måste vara minst {minimum}.',
    'validation.too_big': 'Får vara högst {maximum}.',
    'validation.invalid_format': 'Ogiltigt format ({format}).',
    'validation.invalid_value': 'Ogiltigt värde; tillåtna är: {values}.',
    'validation.unrecognized_keys': 'Okända fält: {keys}.',
    'validation.invalid': 'Ogiltigt värde.',
    'validation.control_characters': 'Innehåller otillåtna kontrolltecken.',
    'auth.required': 'Du behöver logga in.',
    'auth.csrf_failed': 'Begäran saknar giltig säkerhetstoken (CSRF). Ladda om sidan och försök igen.',
    'access.denied': 'Du har inte behörighet att göra detta.',
  },
  nb: {
    'problem.bad_request': 'Ugyldig forespørsel',
    'problem.validation': 'Opplysningene må rettes',
    'problem.unauthenticated': 'Innlogging kreves',
    'problem.forbidden': 'Ingen tilgang',
    'problem.not_found': 'Ikke funnet',
    'problem.conflict': 'Konflikt',
    'problem.payload_too_large': 'For stor forespørsel',
    'problem.uri_too_long': 'For lang adresse',
    'problem.unsupported_media_type': 'Formatet støttes ikke',
    'problem.too_many_requests': 'For mange forsøk',
    'problem.unavailable': 'Tjenesten er ikke tilgjengelig',
    'problem.unprocessable': 'Kan ikke utføres',
    'problem.internal': 'Noe gikk galt',
    'error.internal':
      'Noe gikk galt hos oss. Prøv igjen; vedvarer feilen, kontakt support og oppgi referansen {requestId}.',
    'error.not_found': 'Siden eller ressursen finnes ikke.',
    'error.bad_json': 'Forespørselen kunne ikke leses: ugyldig JSON.',
    'error.bad_url': 'Adressen kunne ikke leses: den inneholder en ugyldig %-kode.',
    'error.uri_too_long': 'En del av adressen er for lang.',
    'error.payload_too_large': 'Forespørselen er for stor.',
    'error.unsupported_media_type': 'Innholdstypen {contentType} støttes ikke.',
    'error.rate_limited': 'For mange forespørsler. Vent litt og prøv igjen.',
    'error.validation': 'Noen opplysninger må rettes.',
    'error.unavailable': 'Databasen svarer ikke akkurat nå.',
    'error.bad_input': 'En verdi kunne ikke lagres: den er ugyldig eller utenfor tillatt område.',
    'error.conflict': 'Endringen kolliderer med eksisterende opplysninger. Last inn på nytt og prøv igjen.',
    'validation.required': 'Feltet er påkrevd.',
    'validation.invalid_type': 'Feil type verdi: {expected} var forventet.',
    'validation.too_small_string': 'Må være minst {minimum} tegn.',
    'validation.too_big_string': 'Kan være høyst {maximum} tegn.',
    'validation.too_small': 'Må være minst {minimum}.',
    'validation.too_big': 'Kan være høyst {maximum}.',
    'validation.invalid_format': 'Ugyldig format ({format}).',
    'validation.invalid_value': 'Ugyldig verdi; tillatte er: {values}.',
    'validation.unrecognized_keys': 'Ukjente felt: {keys}.',
    'validation.invalid': 'Ugyldig verdi.',
    'validation.control_characters': 'Inneholder ugyldige kontrolltegn.',
    'auth.required': 'Du må logge inn.',
    'auth.csrf_failed':
      'Forespørselen mangler gyldig sikkerhetstoken (CSRF). Last inn siden på nytt og prøv igjen.',
    'access.denied': 'Du har ikke tilgang til å gjøre dette.',
  },
  en: {
    'problem.bad_request': 'Bad request',
    'problem.validation': 'Some details need correcting',
    'problem.unauthenticated': 'Sign-in required',
    'problem.forbidden': 'Forbidden',
    'problem.not_found': 'Not found',
    'problem.conflict': 'Conflict',
    'problem.payload_too_large': 'Request too large',
    'problem.uri_too_long': 'Address too long',
    'problem.unsupported_media_type': 'Unsupported format',
    'problem.too_many_requests': 'Too many requests',
    'problem.unavailable': 'Service unavailable',
    'problem.unprocessable': 'Cannot be processed',
    'problem.internal': 'Something went wrong',
    'error.internal':
      'Something went wrong on our side. Try again; if it persists, contact support with reference {requestId}.',
    'error.not_found': 'The page or resource does not exist.',
    'error.bad_json': 'The request could not be read: invalid JSON.',
    'error.bad_url': 'The address could not be read: it contains an invalid %-escape.',
    'error.uri_too_long': 'A part of the address is too long.',
    'error.payload_too_large': 'The request is too large.',
    'error.unsupported_media_type': 'The content type {contentType} is not supported.',
    'error.rate_limited': 'Too many requests. Wait a moment and try again.',
    'error.validation': 'Some details need correcting.',
    'error.unavailable': 'The database is not answering right now.',
    'error.bad_input': 'A value could not be stored: it is invalid or out of the allowed range.',
    'error.conflict': 'The change clashes with existing data. Reload and try again.',
    'validation.required': 'This is required.',
    'validation.invalid_type': 'Wrong type of value: expected {expected}.',
    'validation.too_small_string': 'Must be at least {minimum} characters.',
    'validation.too_big_string': 'Must be at most {maximum} characters.',
    'validation.too_small': 'Must be at least {minimum}.',
    'validation.too_big': 'Must be at most {maximum}.',
    'validation.invalid_format': 'Invalid format ({format}).',
    'validation.invalid_value': 'Invalid value; allowed are: {values}.',
    'validation.unrecognized_keys': 'Unknown fields: {keys}.',
    'validation.invalid': 'Invalid value.',
    'validation.control_characters': 'Contains control characters that are not allowed.',
    'auth.required': 'You need to sign in.',
    'auth.csrf_failed': 'The request lacks a valid security token (CSRF). Reload the page and try again.',
    'access.denied': 'You are not allowed to do this.',
  },
});
