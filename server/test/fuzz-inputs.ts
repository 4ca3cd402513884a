import fc from 'fast-check';
import {
  hostileKey,
  hostileText,
  type IdSource,
  idArb,
  type JsonSchema,
  junkValue,
  megabyteString,
  mutatedValue,
  overLimitString,
  pathsIn,
  plainText,
  setAt,
  validValue,
  withKey,
} from './fuzz-values.ts';

export type { IdSource } from './fuzz-values.ts';

/**
 * Hostile requests for every operation of an OpenAPI 3.1 document, as fast-check arbitraries. Bodies
 * are derived from each operation's JSON schema (fast-check has none built in): well-formed values
 * with hostile content inside the rules, the same values corrupted (wrong types, missing and extra
 * fields, nulls, 1 MB strings, deep nesting), raw bytes no JSON parser should like, and pure junk.
 * One request in four is plausible instead (existing ids, plain text), so that the use cases behind
 * validation are fuzzed too, not only the validators.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const methods: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  /** "METHOD /openapi/path", as the access matrix names it */
  key: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  body: { contentType: string; schema: JsonSchema } | null;
}

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation in the document, with local $refs resolved. */
export function operationsOf(document: unknown): Operation[] {
  const spec = document as OpenApi;
  const resolve = (schema: JsonSchema | undefined, depth = 0): JsonSchema => {
    if (!schema || depth > 20) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return resolve(spec.components?.schemas?.[name], depth + 1);
    }
    const out: JsonSchema = { ...schema };
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1)]),
      );
    }
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = schema[key];
      if (list) out[key] = list.map((s) => resolve(s, depth + 1));
    }
    return out;
  };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => methods.includes(method.toUpperCase() as Method))
      .map(([method, operation]) => {
        const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase() as Method,
          path,
          parameters: (operation.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
          body: contentType ? { contentType, schema: resolve(media?.schema) } : null,
        };
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Bodies

export interface Body {
  kind: string;
  contentType: string | null;
  payload: string | Buffer;
}

const json = (kind: string, value: unknown): Body => ({
  kind,
  contentType: 'application/json',
  payload: value === undefined ? '' : JSON.stringify(value),
});

const hugeNumbers = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '-9223372036854775809',
  '0.000000000000000000000000000001',
  '1E+2',
  '-0',
  '1.0',
];

/** Bytes that are not UTF-8: a stray continuation, overlong forms, a surrogate, past U+10FFFF, cut short. */
const badUtf8: readonly number[][] = [
  [0xff],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xfe, 0xff],
];

const SENTINEL = 'FUZZ-SENTINEL-7f3a';

/** Replaces one string (or, failing that, adds a field) with the sentinel, to splice raw text in. */
function withSentinel(value: unknown, at: number, preferStrings: boolean): unknown {
  const paths = pathsIn(value).filter((p) => p.length > 0);
  const strings = paths.filter(
    (p) => typeof p.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], value) === 'string',
  );
  const pool = preferStrings && strings.length > 0 ? strings : paths;
  const path = pool[at % Math.max(pool.length, 1)];
  if (!path)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? { ...value, fuzz: SENTINEL }
      : SENTINEL;
  return setAt(value, path, () => SENTINEL);
}

const multipartFileTypes = [
  'image/png',
  'text/plain',
  'application/pdf',
  'application/x-msdownload',
  'text/html',
  '',
  '../../x',
];

/** multipart/form-data: a file with a hostile name and type, fields, or a broken frame. */
function multipartArb(): fc.Arbitrary<Body> {
  const boundary = 'fuzzboundary42';
  const part = fc.tuple(
    fc.boolean(),
    fc.oneof(hostileText(), fc.constantFrom('report.pdf', 'x.png', '.htaccess', 'a'.repeat(300))),
    fc.constantFrom(...multipartFileTypes),
    fc.uint8Array({ maxLength: 2048 }),
  );
  return fc
    .tuple(fc.array(part, { minLength: 0, maxLength: 3 }), fc.constantFrom('ok', 'no-end', 'bad-boundary'))
    .map(([parts, frame]) => {
      const chunks: Buffer[] = [];
      for (const [isFile, name, type, bytes] of parts) {
        const safeName = name.replace(/["\r\n]/g, '_');
        chunks.push(
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${isFile ? 'file' : safeName}"` +
              (isFile ? `; filename="${safeName}"\r\nContent-Type: ${type}` : '') +
              '\r\n\r\n',
          ),
          Buffer.from(bytes),
          Buffer.from('\r\n'),
        );
      }
      if (frame !== 'no-end') chunks.push(Buffer.from(`--${boundary}--\r\n`));
      const declared = frame === 'bad-boundary' ? 'other' : boundary;
      return {
        kind: 'multipart',
        contentType: `multipart/form-data; boundary=${declared}`,
        payload: Buffer.concat(chunks),
      };
    });
}

/** One small, ordinary file, as the case page uploads it. */
function plainFileArb(): fc.Arbitrary<Body> {
  const boundary = 'plainboundary42';
  return fc
    .tuple(
      plainText(),
      fc.constantFrom(
        ['notes.txt', 'text/plain'],
        ['photo.png', 'image/png'],
        ['report.pdf', 'application/pdf'],
      ),
      fc.uint8Array({ minLength: 1, maxLength: 512 }),
    )
    .map(([text, [name, type], bytes]) => ({
      kind: 'plausible-file',
      contentType: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        type === 'text/plain' ? Buffer.from(text) : Buffer.from(bytes),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    }));
}

/** Column names the imports know (the OpenAPI document describes the body only as CSV text). */
const csvColumns = [
  'external_id',
  'name',
  'parent_external_id',
  'organisation',
  'username',
  'email',
  'profession',
  'language',
  'unit_external_id',
  'role',
];

/** CSV with hostile cells, mixed separators and line ends, unbalanced quotes, formulas, a BOM. */
function csvArb(): fc.Arbitrary<Body> {
  const cell = fc.oneof(hostileText(), fc.constantFrom(...csvColumns, '"', '""', '"a"b"', 'sv', 'staff'));
  const header = fc.oneof(
    fc.shuffledSubarray(csvColumns, { minLength: 1 }),
    fc.array(cell, { maxLength: 8 }),
  );
  return fc
    .tuple(
      header,
      fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { minLength: 0, maxLength: 6 }),
      fc.constantFrom(',', ';', '\t'),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
      fc.constantFrom('plain', 'plain', 'long-cell', 'many-rows'),
    )
    .map(([columns, rows, separator, lineEnd, bom, size]) => {
      let text = [columns, ...rows].map((r) => r.join(separator)).join(lineEnd);
      if (size === 'long-cell') text += `${lineEnd}${megabyteString}`;
      if (size === 'many-rows') text += `${lineEnd}a${separator}b`.repeat(5000);
      return { kind: 'csv', contentType: 'text/csv', payload: (bom ? '\uFEFF' : '') + text };
    });
}

/** Every kind of body for an operation; the kind names go into the run's figures. */
export function bodyArb(operation: Operation, ids: IdSource): fc.Arbitrary<Body | null> {
  const hints = [resourceOf(operation.path)];
  const schema = operation.body?.schema ?? { type: 'object' };
  const valid = validValue(schema, ids, hints);
  const kinds: Array<fc.WeightedArbitrary<Body | null>> = [
    { weight: 8, arbitrary: valid.map((v) => json('valid-shaped', v)) },
    { weight: 8, arbitrary: mutatedValue(schema, ids, hints).map((v) => json('mutated', v)) },
    { weight: 3, arbitrary: junkValue().map((v) => json('junk-json', v)) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat(), fc.constantFrom(...hugeNumbers)).map(([v, at, literal]) => ({
        kind: 'huge-number',
        contentType: 'application/json',
        payload: JSON.stringify(withSentinel(v, at, false)).replace(`"${SENTINEL}"`, literal),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(1000, 20_000, 100_000), fc.boolean(), fc.boolean())
        .map(([depth, objects, poisoned]) => {
          const inner = poisoned ? '{"constructor":{"prototype":{"polluted":true}}}' : '1';
          const payload = objects
            ? `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`
            : `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
          return { kind: 'deep-nesting', contentType: 'application/json', payload };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat(), fc.boolean()).map(([v, at, over]) => ({
        kind: '1mb-string',
        contentType: 'application/json',
        payload: JSON.stringify(withSentinel(v, at, true)).replace(
          SENTINEL,
          over ? overLimitString : megabyteString,
        ),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat(), fc.constantFrom(...badUtf8)).map(([v, at, bytes]) => {
        const [before = '', after = ''] = JSON.stringify(withSentinel(v, at, true)).split(SENTINEL);
        return {
          kind: 'bad-utf8',
          contentType: 'application/json',
          payload: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]),
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom('', '{', '{"a":}', '[1,]', "{'a':1}", 'NaN', '{}{}', '\uFEFF{}', 'nul\u0000l', '"'),
        )
        .map(([v, junk]) => ({
          kind: 'malformed-json',
          contentType: 'application/json',
          payload: junk === '{' ? (JSON.stringify(v) ?? '').slice(0, -1) : junk,
        })),
    },
    {
      weight: 1,
      arbitrary: valid.map((v) => ({
        kind: 'prototype-pollution',
        contentType: 'application/json',
        payload: JSON.stringify(withKey(v, '__proto__', { isAdmin: true, polluted: true })),
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'application/json; charset=utf-16',
            'APPLICATION/JSON',
            'application/json;;;',
            '',
            null,
          ),
        )
        .map(([v, contentType]) => ({
          kind: 'wrong-content-type',
          contentType,
          payload: JSON.stringify(v) ?? '',
        })),
    },
    // A file upload declares no body schema in the document: every body-less write gets files too.
    { weight: operation.body ? 1 : 12, arbitrary: multipartArb() },
  ];
  if (operation.body?.contentType === 'text/csv') kinds.push({ weight: 16, arbitrary: csvArb() });
  // An operation without a body is sent one sometimes, and nothing most of the time.
  if (!operation.body)
    kinds.push({ weight: operation.method === 'POST' ? 10 : 30, arbitrary: fc.constant(null) });
  return fc.oneof(...kinds);
}

// ---------------------------------------------------------------------------------------------
// URLs

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
function encode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Path segments that are not what the route expects: traversal, broken escapes, far too long. */
const rawSegments: readonly string[] = [
  '..',
  '../..',
  '..%2F..%2Fapi%2Faudit',
  '%2e%2e',
  '%',
  '%zz',
  '%00',
  '%C0%AF',
  '%E2%82',
  '%20',
  'null',
  '-1',
  '0',
  '*',
  ':id',
  '{id}',
  'a'.repeat(201),
  'a'.repeat(199),
];

/** `arbitrary` once in `odds` draws, else null. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: odds - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

function resourceOf(path: string): string {
  return path.split('/').filter((s) => s && !s.startsWith('{'))[1] ?? '';
}

function pathParamArb(param: Parameter, operation: Operation, ids: IdSource): fc.Arbitrary<[string, string]> {
  const segments = operation.path.split('/');
  const before = segments[segments.indexOf(`{${param.name}}`) - 1] ?? '';
  const hints = param.name === 'id' ? [before] : [param.name, before];
  const schema = param.schema ?? { type: 'string' };
  return fc.oneof(
    {
      weight: 6,
      arbitrary: validValue(schema, ids, hints).map((v): [string, string] => ['valid', encode(String(v))]),
    },
    {
      weight: 1,
      arbitrary: idArb(ids, hints).map((id): [string, string] => ['odd-id', encode(`${id.toUpperCase()} `)]),
    },
    { weight: 2, arbitrary: hostileText().map((s): [string, string] => ['hostile', encode(s)]) },
    { weight: 2, arbitrary: fc.constantFrom(...rawSegments).map((s): [string, string] => ['raw', s]) },
    { weight: 1, arbitrary: fc.constant<[string, string]>(['very-long', megabyteString.slice(0, 100_000)]) },
  );
}

const rawQueryJunk: readonly string[] = [
  '%',
  '%zz',
  '%00',
  '%ff%fe',
  '%E2%82',
  '&&&',
  '==',
  '[]=1',
  'a[__proto__][x]=1',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  '?',
  ';',
  '%2525',
  '+%20+',
  'page=1&page=2',
];

function queryArb(operation: Operation, ids: IdSource): fc.Arbitrary<[string, string]> {
  const hints = [resourceOf(operation.path)];
  const params = operation.parameters.filter((p) => p.in === 'query');
  const valuesOf = (p: Parameter): fc.Arbitrary<string[]> =>
    fc.oneof(
      { weight: 6, arbitrary: validValue(p.schema ?? {}, ids, [p.name, ...hints]).map((v) => [String(v)]) },
      { weight: 2, arbitrary: hostileText().map((s) => [s]) },
      { weight: 1, arbitrary: junkValue().map((v) => [JSON.stringify(v) ?? '']) },
      { weight: 1, arbitrary: fc.array(hostileText(), { minLength: 2, maxLength: 3 }) },
    );
  const known = params.map((p) =>
    fc.option(
      valuesOf(p).map((values) => values.map((v) => `${encode(p.name)}=${encode(v)}`).join('&')),
      {
        freq: 2,
      },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...known),
      rarely(fc.array(fc.tuple(hostileKey, hostileText()), { minLength: 1, maxLength: 2 }), 4),
      rarely(fc.constantFrom(...rawQueryJunk), 6),
      rarely(fc.constant(`long=${megabyteString.slice(0, 100_000)}`), 40),
    )
    .map(([knownParts, extra, raw, long]) => {
      const parts = [
        ...knownParts.filter((p): p is string => p !== null),
        ...(extra ?? []).map(([k, v]) => `${encode(k)}=${encode(v)}`),
      ];
      if (raw) parts.push(raw);
      if (long) parts.push(long);
      const kind = raw || long ? 'raw' : extra ? 'extra' : parts.length > 0 ? 'params' : 'none';
      return [kind, parts.length > 0 ? `?${parts.join('&')}` : ''];
    });
}

function headerArb(operation: Operation): fc.Arbitrary<Record<string, string>> {
  // Header values must be visible ASCII to be sent at all.
  const asciiJunk = fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 120 }).map((s) => s.replace(/[^\x20-\x7e]/g, '?')),
    fc.constantFrom("' OR 1=1 --", '<script>', 'x'.repeat(8000), '', ' ', '../..'),
  );
  const declared = operation.parameters
    .filter((p) => p.in === 'header')
    .map((p) =>
      fc.option(
        fc
          .oneof(
            { weight: 3, arbitrary: validValue(p.schema ?? {}, { idsFor: () => [] }, [p.name]).map(String) },
            { weight: 1, arbitrary: asciiJunk },
          )
          .map((v) => [p.name, v] as const),
        { freq: 2 },
      ),
    );
  return fc
    .tuple(
      fc.tuple(...declared),
      fc.option(
        asciiJunk.map((v) => ['accept-language', v] as const),
        { freq: 5 },
      ),
    )
    .map(([headers, language]) =>
      Object.fromEntries(
        [...headers, language].filter(
          (h): h is readonly [string, string] => h !== null && /^[\x20-\x7e]*$/.test(h[1]),
        ),
      ),
    );
}

export interface FuzzRequest {
  method: Method;
  url: string;
  headers: Record<string, string>;
  body: Body | null;
  /** what was hostile about it, for the figures: path, query and body kinds */
  kinds: { path: string; query: string; body: string };
}

/**
 * What a person would send: existing ids in the path, a few well-formed query parameters, a body
 * that keeps to the schema with plain text (an SQL or HTML fragment now and then). Most of these
 * pass validation, so the use cases and the database get their share of the fuzz too.
 */
function plausibleArb(operation: Operation, ids: IdSource): fc.Arbitrary<FuzzRequest> {
  const hints = [resourceOf(operation.path)];
  const segments = operation.path.split('/');
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const pathValues = pathParams.map((p) => {
    const before = segments[segments.indexOf(`{${p.name}}`) - 1] ?? '';
    return validValue(
      p.schema ?? { type: 'string' },
      ids,
      p.name === 'id' ? [before] : [p.name, before],
      'plain',
    );
  });
  const queryParts = operation.parameters
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc.option(
        validValue(p.schema ?? {}, ids, [p.name, ...hints], 'plain').map(
          (v) => `${encode(p.name)}=${encode(String(v))}`,
        ),
        { freq: 2 },
      ),
    );
  const plainBody: fc.Arbitrary<Body | null> = operation.body
    ? operation.body.contentType === 'text/csv'
      ? csvArb()
      : validValue(operation.body.schema, ids, hints, 'plain').map((v) => json('plausible', v))
    : operation.method === 'POST'
      ? fc.oneof(fc.constant(null), plainFileArb())
      : fc.constant(null);
  return fc
    .tuple(
      fc.tuple(...pathValues),
      fc.tuple(...queryParts),
      operation.method === 'GET' ? fc.constant(null) : plainBody,
    )
    .map(([values, query, body]) => {
      let path = operation.path;
      pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, encode(String(values[i])));
      });
      const parts = query.filter((q): q is string => q !== null);
      return {
        method: operation.method,
        url: path + (parts.length > 0 ? `?${parts.join('&')}` : ''),
        headers: {},
        body,
        kinds: {
          path: pathParams.length > 0 ? 'plausible' : 'none',
          query: parts.length > 0 ? 'plausible' : 'none',
          body: body?.kind ?? 'none',
        },
      };
    });
}

/** Hostile requests for one operation, and now and then a plausible one. */
export function requestArb(operation: Operation, ids: IdSource): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileArb(operation, ids) },
    { weight: 1, arbitrary: plausibleArb(operation, ids) },
  );
}

function hostileArb(operation: Operation, ids: IdSource): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  return fc
    .tuple(
      fc.tuple(...pathParams.map((p) => pathParamArb(p, operation, ids))),
      queryArb(operation, ids),
      operation.method === 'GET' ? fc.constant(null) : bodyArb(operation, ids),
      headerArb(operation),
    )
    .map(([values, [queryKind, query], body, headers]) => {
      let path = operation.path;
      pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, values[i]?.[1] ?? '');
      });
      // named by what was odd in it: 'valid' only when every parameter was
      const odd = [...new Set(values.map(([kind]) => kind))].filter((k) => k !== 'valid').sort();
      const pathKinds = odd.length > 0 ? odd : values.length > 0 ? ['valid'] : [];
      return {
        method: operation.method,
        url: path + query,
        headers,
        body,
        kinds: { path: pathKinds.join('+') || 'none', query: queryKind, body: body?.kind ?? 'none' },
      };
    });
}
