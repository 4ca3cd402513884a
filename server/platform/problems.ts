import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { AppError, type ErrorKind, type FieldError } from './errors.ts';
import { t } from './i18n.ts';

/**
 * Our own validator compiler: zod with `reportInput`, so that a missing field ("required") can be
 * told apart from a value of the wrong type, and an error class of our own that carries the issues.
 */
export class RequestValidationError extends Error {
  readonly issues: $ZodIssue[];
  validationContext?: string;
  constructor(issues: $ZodIssue[]) {
    super('request validation failed');
    this.issues = issues;
  }
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
  };

/** Turns a zod issue into a translatable field error; the zod message itself is English-only. */
function fieldErrorFromIssue(issue: $ZodIssue, part: string): FieldError {
  const path = [part, ...issue.path.map(String)].join('.').replace(/^body\.?/, '');
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { path, key: 'validation.required' }
        : { path, key: 'validation.invalid_type', params: { expected: issue.expected } };
    case 'too_small':
      return {
        path,
        key: issue.origin === 'string' ? 'validation.too_small_string' : 'validation.too_small',
        params: { minimum: String(issue.minimum) },
      };
    case 'too_big':
      return {
        path,
        key: issue.origin === 'string' ? 'validation.too_big_string' : 'validation.too_big',
        params: { maximum: String(issue.maximum) },
      };
    case 'invalid_format':
      return { path, key: 'validation.invalid_format', params: { format: issue.format } };
    case 'invalid_value':
      return {
        path,
        key: 'validation.invalid_value',
        params: { values: issue.values.map(String).join(', ') },
      };
    case 'unrecognized_keys':
      return { path, key: 'validation.unrecognized_keys', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      const key = issue.params?.key;
      return { path, key: typeof key === 'string' ? key : 'validation.invalid' };
    }
    default:
      return { path, key: 'validation.invalid' };
  }
}

/** The PostgreSQL error code in an error or its causes (drivers and Drizzle wrap them). */
function postgresCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps anything thrown in a request to an AppError; unknown errors become 'internal'. */
export function toAppError(error: unknown, request?: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fe = error as Partial<FastifyError> & { validationContext?: string };
  if (error instanceof RequestValidationError) {
    const part = error.validationContext ?? 'body';
    return new AppError('error.validation', 'validation', {
      fields: error.issues.map((issue) => fieldErrorFromIssue(issue, part)),
    });
  }
  // A backstop under every module's own checks: what the database refuses as data is the caller's
  // mistake (a year 0, a NUL byte, a number out of range), and a clash with a unique key is a conflict.
  const pg = postgresCode(error);
  if (pg?.startsWith('22')) return new AppError('error.bad_input', 'bad_request');
  if (pg === '23505' || pg === '23503') return new AppError('error.conflict', 'conflict');
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('error.bad_json', 'bad_request');
    case 'FST_ERR_BAD_URL':
      return new AppError('error.bad_url', 'bad_request');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('error.uri_too_long', 'uri_too_long');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('error.payload_too_large', 'payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('error.unsupported_media_type', 'unsupported_media_type', {
        params: { contentType: String(request?.headers['content-type'] ?? '').slice(0, 100) },
      });
    case 'FST_ERR_VALIDATION':
      return new AppError('error.validation', 'validation');
  }
  if (fe.statusCode === 429) return new AppError('error.rate_limited', 'too_many_requests');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Other client errors from Fastify or a plugin (bad URL encoding, bad header, …).
    return new AppError('error.bad_json', 'bad_request');
  }
  return new AppError('error.internal', 'internal');
}

/** Writes an RFC 9457 problem+json answer in the caller's language. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const lang = request.lang;
  const params = { ...error.params, requestId: request.id };
  const kind: ErrorKind = error.kind;
  // The error's own members first: none of them may replace a member RFC 9457 defines.
  const body: Record<string, unknown> = {
    ...error.extra,
    type: `urn:loopen:problem:${error.code}`,
    title: t(lang, `problem.${kind}`),
    status: error.status,
    detail: t(lang, error.messageKey, params),
    instance: request.url.split('?')[0],
    code: error.code,
    requestId: request.id,
  };
  if (error.fields.length > 0) {
    body.errors = error.fields.map((f) => ({ path: f.path, code: f.key, message: t(lang, f.key, f.params) }));
  }
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}
