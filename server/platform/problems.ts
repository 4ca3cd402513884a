import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind, type FieldError } from './errors.ts';
import { t } from './i18n.ts';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns a zod issue into a translatable field error; the zod message itself is English-only. */
function fieldErrorFromIssue(item: ValidationItem, part: string): FieldError {
  const path = `${part}${item.instancePath === '/' ? '' : item.instancePath.replaceAll('/', '.')}`.replace(
    /^body\.?/,
    '',
  );
  const p = item.params;
  switch (item.keyword) {
    case 'invalid_type':
      return p.input === undefined
        ? { path, key: 'validation.required' }
        : { path, key: 'validation.invalid_type', params: { expected: p.expected } };
    case 'too_small':
      return {
        path,
        key: p.origin === 'string' ? 'validation.too_small_string' : 'validation.too_small',
        params: { minimum: p.minimum },
      };
    case 'too_big':
      return {
        path,
        key: p.origin === 'string' ? 'validation.too_big_string' : 'validation.too_big',
        params: { maximum: p.maximum },
      };
    case 'invalid_format':
      return { path, key: 'validation.invalid_format', params: { format: p.format } };
    case 'invalid_value':
      return {
        path,
        key: 'validation.invalid_value',
        params: { values: Array.isArray(p.values) ? p.values.join(', ') : '' },
      };
    case 'unrecognized_keys':
      return {
        path,
        key: 'validation.unrecognized_keys',
        params: { keys: Array.isArray(p.keys) ? p.keys.join(', ') : '' },
      };
    case 'custom':
      return {
        path,
        key:
          typeof p.params === 'object' && p.params && 'key' in p.params
            ? String((p.params as { key: unknown }).key)
            : 'validation.invalid',
      };
    default:
      return { path, key: 'validation.invalid' };
  }
}

/** Maps anything thrown in a request to an AppError; unknown errors become 'internal'. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as Partial<FastifyError> & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = fe.validationContext ?? 'body';
    const fields = (error.validation as unknown as ValidationItem[]).map((item) =>
      fieldErrorFromIssue(item, part),
    );
    return new AppError('error.validation', 'validation', { fields });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('error.bad_json', 'bad_request');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('error.payload_too_large', 'payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('error.unsupported_media_type', 'unsupported_media_type', {
        params: { contentType: '' },
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
  const body: Record<string, unknown> = {
    type: `urn:loopen:problem:${error.code}`,
    title: t(lang, `problem.${kind}`),
    status: error.status,
    detail: t(lang, error.code, params),
    instance: request.url.split('?')[0],
    code: error.code,
    requestId: request.id,
    ...error.extra,
  };
  if (error.fields.length > 0) {
    body.errors = error.fields.map((f) => ({ path: f.path, code: f.key, message: t(lang, f.key, f.params) }));
  }
  return reply.status(error.status).type('application/problem+json; charset=utf-8').send(body);
}
