import fc from 'fast-check';

/**
 * Hostile values for the fuzz (see fuzz.int.test.ts): text no validator should trust, JSON junk, values
 * derived from a JSON schema (fast-check has no JSON-schema arbitrary) and ways to corrupt them.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

/**
 * 'hostile': hostile content inside the schema's rules (most of it still refused by the server's own
 * checks: control characters, blank text, odd dates). 'plain': what a person would send, so that a
 * request passes validation and reaches the use case and the database.
 */
export type Tone = 'hostile' | 'plain';

export interface IdSource {
  idsFor(hints: readonly string[]): readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Just under the 1 MiB body limit once in JSON, so that it reaches validation. */
export const megabyteString = 'M'.repeat(1_000_000);
/** Over the body limit: refused before parsing. */
export const overLimitString = 'L'.repeat(1024 * 1024 + 16);

const fragments: readonly string[] = [
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  '" OR ""="',
  "1' UNION SELECT password_hash FROM people --",
  "%' AND 1=1 --",
  '$1',
  '$$; select 1; $$',
  "\\'; delete from audit_log; --",
  "E'\\x00'",
  // HTML and script
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal's syntax, sent as text
  '${process.exit(1)}',
  // spreadsheets
  "=cmd|'/c calc'!A1",
  '+SUM(1+1)',
  '@IMPORT',
  // paths and templates
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '%s%s%s%n',
  '{requestId}',
  '{0}{1}',
  '__proto__',
  'constructor',
  'prototype',
  // Unicode that breaks naive code
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  'Å\u030A',
  'e\u0301\u0301\u0301\u0301',
  '👩🏽‍⚕️🏥',
  'ＳＥＬＥＣＴ',
  '\uD800',
  '\uDFFF',
  'a\uD83D',
  '\u0000',
  'nul\u0000byte',
  '\u0085\u2028\u2029',
  '\u001B[31mred',
  '\r\n\r\nSet-Cookie: x=y',
  // numbers, booleans and dates as text
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9'.repeat(400),
  'true',
  'null',
  'undefined',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '-001000-01-01',
  '+275760-09-13',
  // whitespace
  '',
  ' ',
  '   \t\n  ',
  'a'.repeat(10_001),
];

/** The fragments any free-text field accepts: no control characters, no lone surrogates, not blank. */
const printableFragments = fragments.filter(
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  (f) => f.trim() !== '' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Surrogate}/u.test(f),
);

/** Text a person could type: a word or a few, sometimes an SQL or HTML fragment that validation must let through. */
export function plainText(): fc.Arbitrary<string> {
  const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
  return fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 2, arbitrary: fc.array(word, { minLength: 2, maxLength: 5 }).map((w) => w.join(' ')) },
    { weight: 1, arbitrary: fc.constantFrom('Fall på avdelning 12', 'Läkemedel, fel dos', 'Øvre del') },
    { weight: 2, arbitrary: fc.constantFrom(...printableFragments) },
  );
}

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Text no validator should trust: SQL, markup, control characters, odd Unicode, very long text. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...fragments), weight: 5 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    {
      arbitrary: fc
        .array(fc.constantFrom(...fragments), { minLength: 2, maxLength: 4 })
        .map((a) => a.join(' ')),
      weight: 2,
    },
    { arbitrary: fc.string({ unit: controlChar, minLength: 1, maxLength: 8 }), weight: 1 },
  );
}

const oddNumbers: readonly number[] = [
  0,
  -1,
  -0,
  0.5,
  -(2 ** 31) - 1,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
];

/** Any JSON value, leaning to the ones that break code: wrong types, odd numbers, hostile text. */
export function junkValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, '', [], {}, [null], { '': '' }, '0', 'true'),
    fc.constantFrom(...oddNumbers),
    hostileText(),
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant(deepValue(300)),
  );
}

/** Nested arrays and objects, `depth` levels. */
function deepValue(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

// ---------------------------------------------------------------------------------------------
// Values from a schema

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function clip(text: string, min: number, max: number): string {
  let s = text;
  if (s.length < min) s = s.padEnd(min, 'x');
  return s.length > max ? s.slice(0, max) : s;
}

/** Mostly recent dates (so that a report's time passes its checks and reaches the use case), some from anywhere. */
function dateArb(): fc.Arbitrary<Date> {
  const now = Date.now();
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.date({
        min: new Date(now - 5 * 365 * 86_400_000),
        max: new Date(now - 60_000),
        noInvalidDate: true,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
    },
  );
}

/** The last year or so, as a report's time or an action's due date would be. */
function recentDate(): fc.Arbitrary<Date> {
  const now = Date.now();
  return fc.date({
    min: new Date(now - 300 * 86_400_000),
    max: new Date(now - 3_600_000),
    noInvalidDate: true,
  });
}

/** An existing row that fits the name (a random uuid when there is none). */
function pooledId(ids: IdSource, hints: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.uuid()).map(([i, fallback]) => {
    const pool = ids.idsFor(hints);
    return pool[i % Math.max(pool.length, 1)] ?? fallback;
  });
}

/** One id: mostly an existing row that fits the name, else a random or a boundary uuid. */
export function idArb(ids: IdSource, hints: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: pooledId(ids, hints) },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ),
    },
  );
}

function stringArb(
  schema: JsonSchema,
  ids: IdSource,
  hints: readonly string[],
  tone: Tone,
): fc.Arbitrary<string> {
  const recent = tone === 'plain';
  switch (schema.format) {
    case 'uuid':
      return recent ? pooledId(ids, hints) : idArb(ids, hints);
    case 'date':
      return recent
        ? recentDate().map((d) => d.toISOString().slice(0, 10))
        : fc.oneof(
            dateArb().map((d) => d.toISOString().slice(0, 10)),
            fc.constantFrom('0000-01-01', '9999-12-31', '1970-01-01', '2000-02-29', '2026-12-31'),
          );
    case 'date-time':
      return recent
        ? recentDate().map((d) => d.toISOString())
        : fc.oneof(
            dateArb().map((d) => d.toISOString()),
            fc.constantFrom(
              '0000-01-01T00:00:00Z',
              '9999-12-31T23:59:59.999999999Z',
              '2026-06-01T12:00:00+23:59',
              '2026-06-01T12:00:00-23:59',
              '1970-01-01T00:00:00.0000000000001Z',
            ),
          );
    case 'email':
      return recent
        ? fc.stringMatching(/^[a-z]{1,10}\.[a-z]{1,10}@[a-z]{2,10}\.se$/)
        : fc.oneof(
            fc.emailAddress(),
            fc.constantFrom('a@b.c', `${'x'.repeat(64)}@${'y'.repeat(180)}.se`, '"<script>"@example.se'),
          );
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // a pattern fast-check cannot generate from: hostile text below
    }
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 500;
  if (tone === 'plain') return plainText().map((s) => clip(s, Math.max(min, 1), max));
  return fc.oneof(
    { weight: 5, arbitrary: hostileText().map((s) => clip(s, min, max)) },
    // exactly as long as allowed, in characters that take more than one byte or code unit
    {
      weight: 1,
      arbitrary: fc.constantFrom('å', '👩🏽‍⚕️', 'x ', '<b>').map((s) => clip(s.repeat(max), min, max)),
    },
    { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 60) }) },
    // what a person would type, so that a hostile body's other fields are not all refused at once
    { weight: 2, arbitrary: plainText().map((s) => clip(s, min, max)) },
  );
}

/**
 * A value the schema allows (as far as a JSON schema can say), with hostile content inside the
 * rules, so that well-formed requests reach the use cases and the database.
 */
export function validValue(
  schema: JsonSchema,
  ids: IdSource,
  hints: readonly string[],
  tone: Tone = 'hostile',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  const inner = (s: JsonSchema, h: readonly string[] = hints): fc.Arbitrary<unknown> =>
    validValue(s, ids, h, tone, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && branches.length > 0) return fc.oneof(...branches.map((b) => inner(b)));
  if (schema.allOf && schema.allOf.length > 0) return inner(Object.assign({}, ...schema.allOf));
  const types = typesOf(schema);
  if (types.length === 0) return tone === 'plain' ? plainText() : junkValue();
  const plain = tone === 'plain';
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArb(schema, ids, hints, tone);
        case 'integer': {
          const min = schema.minimum ?? -(2 ** 31);
          const max = schema.maximum ?? 2 ** 31 - 1;
          // a plain number is a small one: a page, a count of days, a version
          if (plain)
            return fc.integer({
              min: Math.max(min, Math.min(1, max)),
              max: Math.min(max, Math.max(min, 1) + 9),
            });
          return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
        }
        case 'number':
          return fc.double({
            min: schema.minimum ?? (plain ? 0 : -1e12),
            max: schema.maximum ?? (plain ? 100 : 1e12),
            noNaN: true,
            noDefaultInfinity: true,
          });
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const item = inner(schema.items ?? {});
          const min = schema.minItems ?? 0;
          const max = Math.max(min, Math.min(schema.maxItems ?? 4, plain ? 2 : 4));
          return fc.array(item, { minLength: min, maxLength: max });
        }
        case 'object': {
          const properties = schema.properties ?? {};
          const required = (schema.required ?? []).filter((k) => k in properties);
          const shape = Object.fromEntries(
            Object.entries(properties).map(([k, v]) => [k, inner(v, [k, ...hints])]),
          );
          return fc.record(shape, { requiredKeys: required });
        }
        default:
          return plain ? plainText() : junkValue();
      }
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Corrupting a well-formed value

export type Path = Array<string | number>;

export function pathsIn(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (out.length > 200) return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) pathsIn(v, [...path, i], out);
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsIn(v, [...path, k], out);
  return out;
}

export function setAt(root: unknown, path: Path, replace: (old: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replace(root);
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? setAt(v, rest, replace) : v));
  if (root && typeof root === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(root)) {
      if (k !== head) {
        copy[k] = v;
        continue;
      }
      const next = setAt(v, rest, replace);
      if (next !== dropped) copy[k] = next;
    }
    return copy;
  }
  return root;
}
const dropped = Symbol('dropped');

/** Adds an own property, even one named __proto__ (a plain assignment would set the prototype). */
export function withKey(target: unknown, key: string, value: unknown): unknown {
  if (!target || typeof target !== 'object' || Array.isArray(target)) return target;
  const copy = { ...target };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const mutationKinds = ['drop', 'extra', 'wrongType', 'null', 'huge', 'deep'] as const;
type MutationKind = (typeof mutationKinds)[number];

export const hostileKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'id',
    'organisationId',
    'status',
    'version',
    'isAdmin',
    'role',
    '$where',
    '',
    'k'.repeat(1000),
  ),
  hostileText(),
);

function mutate(value: unknown, kind: MutationKind, at: number, key: string, junk: unknown): unknown {
  const paths = pathsIn(value);
  const path = paths[at % paths.length] ?? [];
  switch (kind) {
    case 'drop':
      return path.length === 0 ? undefined : setAt(value, path, () => dropped);
    case 'extra':
      return setAt(value, path, (old) =>
        old && typeof old === 'object' && !Array.isArray(old)
          ? withKey(old, key, junk)
          : withKey(value, key, junk),
      );
    case 'wrongType':
      return setAt(value, path, () => junk);
    case 'null':
      return setAt(value, path, () => null);
    case 'huge':
      return setAt(value, path, (old) =>
        typeof old === 'number' ? 1e308 : Array.isArray(old) ? Array(50_000).fill(0) : megabyteString,
      );
    case 'deep':
      return setAt(value, path, () => deepValue(1000));
  }
}

/** A well-formed value with one to three corruptions. */
export function mutatedValue(
  schema: JsonSchema,
  ids: IdSource,
  hints: readonly string[],
): fc.Arbitrary<unknown> {
  const mutation = fc.tuple(fc.constantFrom(...mutationKinds), fc.nat(), hostileKey, junkValue());
  return fc
    .tuple(validValue(schema, ids, hints), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, mutations]) =>
      mutations.reduce((v, [kind, at, key, junk]) => mutate(v, kind, at, key, junk), value as unknown),
    );
}
