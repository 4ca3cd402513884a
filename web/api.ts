import type { Problem } from '../contracts/common.ts';

/** One field's error from a problem+json answer, already in the user's language. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** A per-line error of a CSV import (the problem's `lines` extra field). */
export interface LineProblem {
  line: number;
  column: string | null;
  message: string;
}

/** What every failed API call throws: the server's problem+json, or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldProblem[];
  readonly lines: LineProblem[];
  readonly requestId: string | null;
  /** the whole problem+json answer, for a feature that reads its extension members */
  readonly problem: Readonly<Record<string, unknown>>;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    fieldErrors?: FieldProblem[];
    lines?: LineProblem[];
    requestId?: string | null;
    problem?: Record<string, unknown>;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.lines = options.lines ?? [];
    this.requestId = options.requestId ?? null;
    this.problem = options.problem ?? {};
  }

  /** The message for one field, by its path in the request body ('email', 'roles.0.unitId'). */
  fieldMessage(path: string): string | undefined {
    return this.fieldErrors.find((f) => f.path === path)?.message;
  }
}

export const CSRF_COOKIE = 'loopen_csrf';
export const LANG_COOKIE = 'loopen_lang';

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The text shown when the network itself fails; set by i18n so it follows the language. */
let networkErrorMessage = 'Network error';
export function setNetworkErrorMessage(message: string): void {
  networkErrorMessage = message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    path: String(e.path ?? ''),
    code: String(e.code ?? ''),
    message: String(e.message ?? ''),
  }));
}

function toLineProblems(value: unknown): LineProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    line: Number(e.line ?? 0),
    column: typeof e.column === 'string' ? e.column : null,
    message: String(e.message ?? ''),
  }));
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isRecord(body) && typeof body.detail === 'string') {
    const problem = body as Partial<Problem> & Record<string, unknown>;
    return new ApiError({
      status: response.status,
      code: typeof problem.code === 'string' ? problem.code : 'error.unknown',
      message: problem.detail ?? response.statusText,
      fieldErrors: toFieldProblems(problem.errors),
      lines: toLineProblems(problem.lines),
      requestId: typeof problem.requestId === 'string' ? problem.requestId : null,
      problem,
    });
  }
  return new ApiError({
    status: response.status,
    code: 'error.unknown',
    message: `${response.status} ${response.statusText}`,
  });
}

let csrfToken: string | undefined;

/** The CSRF token to echo: the cookie when readable, else ask the server once. */
async function ensureCsrf(): Promise<string> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  if (csrfToken) return csrfToken;
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  const data: unknown = await response.json();
  csrfToken = isRecord(data) && typeof data.csrfToken === 'string' ? data.csrfToken : '';
  return readCookie(CSRF_COOKIE) ?? csrfToken;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  /** a JSON body, a string sent as text (CSV import), or FormData sent as multipart (file uploads) */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** extra request headers, e.g. an Idempotency-Key so that a retried submission is stored once */
  headers?: Record<string, string>;
}

export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Calls the Loopen API: same-origin cookies, the CSRF header on every state change, and every
 * error turned into an ApiError whose message is already in the user's language.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    if (options.body instanceof FormData) {
      // The browser writes the multipart content-type with its boundary itself.
      body = options.body;
    } else if (typeof options.body === 'string' && options.contentType) {
      body = options.body;
      headers['content-type'] = options.contentType;
    } else {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
  }
  if (method !== 'GET') headers['x-csrf-token'] = await ensureCsrf();

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'error.network', message: networkErrorMessage });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> =>
    request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>): Promise<T> =>
    request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown): Promise<T> => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown): Promise<T> => request<T>('PATCH', path, { body }),
  delete: <T>(path: string): Promise<T> => request<T>('DELETE', path),
};

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
