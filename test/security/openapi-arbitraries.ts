import fc from 'fast-check';
import { TEST_TODAY } from '../support/test-clock.js';

/**
 * fast-check arbitraries derived from the API's own OpenAPI document: plausible values per schema, hostile
 * values of the same JSON type ("edgy"), and bodies/queries that are definitely invalid (at least one
 * violation the schema forbids), each labelled with what was broken.
 */

export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  nullable?: boolean;
  $ref?: string;
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  example?: unknown;
  default?: unknown;
  description?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  'x-roles'?: string[];
  security?: unknown[];
  tags?: string[];
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path template, e.g. `/api/retailers/{id}`. */
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** The JSON body schema (resolved), if the operation takes a JSON body. */
  body?: Schema;
  multipart: boolean;
  /** Roles allowed (from the `x-roles` extension); empty for a public route. */
  roles: string[];
  tags: string[];
}

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        query: parameters.filter((p) => p.in === 'query'),
        body: json ? resolve(doc, json) : undefined,
        multipart: 'multipart/form-data' in content,
        roles: op['x-roles'] ?? [],
        tags: op.tags ?? [],
      });
    }
  }
  return operations;
}

/** Follows `$ref` and single-element `allOf` (how @nestjs/swagger wraps a described nested DTO). */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`unknown schema ${schema.$ref}`);
    return resolve(doc, { ...target, nullable: schema.nullable ?? target.nullable });
  }
  if (schema.allOf?.length === 1) {
    return resolve(doc, { ...schema.allOf[0], nullable: schema.nullable });
  }
  return schema;
}

export type JsonKind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';

/** The JSON type a value must have. A `string | null` property is reflected as `object` with a string example. */
export function kindOf(schema: Schema): JsonKind {
  if (schema.enum) return typeof schema.enum[0] === 'number' ? 'number' : 'string';
  if (schema.type === 'object' && !schema.properties) {
    if (typeof schema.example === 'string') return 'string';
    return 'unknown';
  }
  if (schema.type === 'integer') return 'number';
  if (
    schema.type === 'string' ||
    schema.type === 'number' ||
    schema.type === 'boolean' ||
    schema.type === 'array' ||
    schema.type === 'object'
  ) {
    return schema.type;
  }
  return 'unknown';
}

// ---------------------------------------------------------------- hostile building blocks

/** SQL metacharacters. Lower case on purpose: the leak check looks for the server's own upper-case SQL. */
export const SQL_STRINGS = [
  `'`,
  `''`,
  `' or '1'='1`,
  `'; drop table retailers; --`,
  `1; delete from users --`,
  `" or ""="`,
  `\\`,
  `\\'`,
  `%`,
  `_%_`,
  `$1`,
  `$$ language plpgsql $$`,
  `1::regclass`,
  `') union all select null, pg_sleep(5) --`,
  `E'\\x00'`,
];

export const UNICODE_STRINGS = [
  '零售户名称🚬',
  '\u202Eevil\u202C',
  'a\u200Bb\u200Dc\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  'Ω≈ç√∫˜µ≤≥÷',
  'ﷺ'.repeat(50),
  '𠜎𠜱𠝹𠱓',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻ͣ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0003\u001f\u007f',
  '\r\n\t\v\f',
  '\u2028\u2029',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${7*7}{{7*7}}<%= 7*7 %>',
  '<script>alert(1)</script>',
  ' ',
  '',
  '   padded   ',
];

/** Date-like strings that are malformed or out of any sensible range. */
export const BAD_DATES = [
  '0000-00-00',
  '0000-01-01',
  '9999-12-31',
  '99999-12-31',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-11-31',
  '1900-01-01',
  '1969-12-31T23:59:59Z',
  '275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-11-28T25:61:61+08:00',
  '2026-11-28T10:30:00+99:00',
  '2026-11-28T10:30:00',
  'infinity',
  '-infinity',
  'epoch',
  'now',
  'today',
  '2026/11/28',
  '28.11.2026',
  '2026-W48',
  '2026-11',
  '202611',
  '1e10',
];

export const EDGY_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -2.5,
  1e-300,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e20,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

const hugeString = fc
  .tuple(fc.constantFrom('x', '零', '🚬', "'", '\\', '\u0000', 'ab'), fc.integer({ min: 5_000, max: 60_000 }))
  .map(([unit, n]) => unit.repeat(n));

/** Hostile strings short enough for a URL (the huge ones go into bodies). */
export const hostileShortString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 500, max: 3000 }).map((n) => 'x'.repeat(n)) },
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: hostileShortString },
  { weight: 1, arbitrary: hugeString },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGY_NUMBERS) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
);

/** Arrays nested `depth` deep around a value: `[[[...x...]]]`. */
export function nestedArrays(depth: number, inner: unknown = 1): unknown {
  let value: unknown = inner;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

/** Objects nested `depth` deep: `{"a":{"a":...}}`. */
export function nestedObjects(depth: number, key = 'a'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = { [key]: value };
  return value;
}

// ---------------------------------------------------------------- per-schema values

const TODAY = TEST_TODAY;

function looksLikeDate(name: string, schema: Schema): boolean {
  const text = `${name} ${schema.description ?? ''}`;
  return (
    schema.format === 'date-time' ||
    /(date|At|month|weekStart|birthday|valid(From|To))$/i.test(name) ||
    /YYYY|date/i.test(text) ||
    (typeof schema.example === 'string' && /^\d{4}-\d{2}/.test(schema.example))
  );
}

function plausibleString(name: string, schema: Schema): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  const options: fc.Arbitrary<string>[] = [];
  if (typeof schema.example === 'string') options.push(fc.constant(schema.example));
  if (looksLikeDate(name, schema)) {
    options.push(fc.constantFrom(TODAY, `${TODAY.slice(0, 7)}`, `${TODAY}T02:00:00Z`));
  }
  const minLength = schema.minLength ?? 1;
  const maxLength = Math.min(schema.maxLength ?? 20, minLength + 20);
  options.push(fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }));
  return fc.oneof(...options);
}

function plausibleNumber(name: string, schema: Schema): fc.Arbitrary<number> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as number[]));
  if (/Ids?$/.test(name)) return fc.integer({ min: 1, max: 60 });
  const min = schema.minimum ?? 0;
  const max = schema.maximum ?? min + 1000;
  const options: fc.Arbitrary<number>[] = [fc.integer({ min: Math.ceil(min), max: Math.floor(max) })];
  if (typeof schema.example === 'number') options.push(fc.constant(schema.example));
  return fc.oneof(...options);
}

/** A value that probably passes validation (ids small, examples, strings within their lengths). */
export function plausible(doc: OpenApiDocument, raw: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  switch (kindOf(schema)) {
    case 'string':
      return plausibleString(name, schema);
    case 'number':
      return plausibleNumber(name, schema);
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items
        ? plausible(doc, schema.items, name.replace(/s$/, ''), depth + 1)
        : fc.integer();
      return fc.array(items, { minLength: 1, maxLength: 3 });
    }
    case 'object':
      return depth > 6 ? fc.constant({}) : plausibleObject(doc, schema, depth);
    default:
      return schema.example !== undefined ? fc.constant(schema.example) : fc.constant(null);
  }
}

function plausibleObject(
  doc: OpenApiDocument,
  schema: Schema,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(properties)) record[key] = plausible(doc, sub, key, depth + 1);
  return fc.record(record, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** Same JSON type as the schema, hostile content: huge/unicode/SQL/control strings, extreme numbers, big arrays. */
export function edgy(doc: OpenApiDocument, raw: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  const sane = plausible(doc, schema, name, depth);
  switch (kindOf(schema)) {
    case 'string':
      return fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: sane });
    case 'number':
      return fc.oneof({ weight: 3, arbitrary: hostileNumber }, { weight: 1, arbitrary: sane });
    case 'array': {
      const items = schema.items ? edgy(doc, schema.items, name.replace(/s$/, ''), depth + 1) : hostileNumber;
      const plainItems = schema.items ? plausible(doc, schema.items, name, depth + 1) : fc.integer();
      return fc.oneof(
        fc.constant([]),
        fc.array(items, { minLength: 1, maxLength: 4 }),
        // Many items (the same one repeated, so duplicates too).
        fc.tuple(plainItems, fc.integer({ min: 200, max: 3000 })).map(([item, n]) => Array(n).fill(item)),
      );
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        record[key] = edgy(doc, sub, key, depth + 1);
      }
      return fc.oneof(
        { weight: 3, arbitrary: fc.record(record, { requiredKeys: schema.required ?? [] }) },
        { weight: 1, arbitrary: sane },
      );
    }
    default:
      return sane;
  }
}

/** Plausible or edgy, mostly edgy: the noise around a definite violation. */
function anyValue(doc: OpenApiDocument, schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: plausible(doc, schema, name, depth) },
    { weight: 2, arbitrary: edgy(doc, schema, name, depth) },
  );
}

// ---------------------------------------------------------------- definitely invalid

/** Values of another JSON type than the schema's (each refused by the type validator of the field). */
export function wrongType(kind: JsonKind): fc.Arbitrary<unknown> {
  const deep = fc.integer({ min: 20, max: 300 }).map((depth) => nestedArrays(depth));
  switch (kind) {
    case 'string':
      return fc.oneof(fc.constantFrom(0, 1, -1, 1.5, true, false, [], ['a'], {}, { $ne: null }), deep);
    case 'number':
      return fc.oneof(
        fc.constantFrom('1', '', 'abc', '1e3', '0x10', ' 1', true, false, [], [1], {}, { $gt: 0 }),
        deep,
      );
    case 'boolean':
      return fc.constantFrom('true', 'false', 1, 0, 'yes', '', [], [true], {});
    case 'array':
      return fc.oneof(fc.constantFrom({}, 'a', 1, true, { 0: 1, length: 1 }), fc.constant(nestedObjects(50)));
    case 'object':
      return fc.oneof(fc.constantFrom('x', 1, 0, true, false, [], [{}], [1, 2]), deep);
    default:
      return fc.constant(undefined);
  }
}

/** Key names the DTOs do not declare (business no-gos, privilege fields, noise). */
const EXTRA_KEYS = fc.oneof(
  fc.constantFrom(
    'floor',
    'minimumVolume',
    'purchaseObligation',
    'isAdmin',
    'role_',
    'id',
    'createdAt',
    'updatedBy',
    '$where',
    'a.b',
    '',
    ' ',
    '零',
    'constructor_',
  ),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' }),
);

/** A body with the violation described by `violation`. */
export interface InvalidCase {
  violation: string;
  body: unknown;
}

/** Values refused by a declared bound (length, range, enum); none when the schema declares none. */
function outOfRange(schema: Schema, kind: JsonKind): fc.Arbitrary<unknown> | undefined {
  const options: fc.Arbitrary<unknown>[] = [];
  if (schema.enum) {
    const allowed = new Set(schema.enum);
    options.push(
      fc
        .oneof(fc.constantFrom('UNKNOWN', 'Urban', 'self ', '零', 'null'), fc.string())
        .filter((v) => !allowed.has(v)),
    );
  }
  if (kind === 'number') {
    if (schema.minimum !== undefined) {
      const min = schema.minimum;
      options.push(fc.constantFrom(min - 1, min - 0.5, min - 2 ** 31, -1e308).filter((v) => v < min));
    }
    if (schema.maximum !== undefined) {
      const max = schema.maximum;
      options.push(fc.constantFrom(max + 1, max + 0.5, max + 2 ** 31, 1e308));
    }
  }
  if (kind === 'string') {
    if (schema.maxLength !== undefined) {
      const max = schema.maxLength;
      options.push(fc.integer({ min: max + 1, max: max + 5000 }).map((n) => 'x'.repeat(n)));
    }
    if (schema.minLength !== undefined && schema.minLength > 0) {
      options.push(fc.constant('x'.repeat(schema.minLength - 1)));
    }
  }
  return options.length ? fc.oneof(...options) : undefined;
}

/**
 * An object that breaks the schema at least once, at this level or inside a nested object, with plausible or
 * hostile values everywhere else.
 */
export function invalidObject(
  doc: OpenApiDocument,
  raw: Schema,
  depth = 0,
  at = '',
): fc.Arbitrary<InvalidCase> {
  const schema = resolve(doc, raw);
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const base = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([key, sub]) => [key, anyValue(doc, sub, key, depth + 1)]),
    ),
    { requiredKeys: [...required] },
  ) as fc.Arbitrary<Record<string, unknown>>;
  const here = (path: string) => (at ? `${at}.${path}` : path);

  const mutations: fc.Arbitrary<InvalidCase>[] = [];
  mutations.push(
    fc
      .tuple(
        base,
        EXTRA_KEYS.filter((k) => !(k in properties)),
        fc.oneof(hostileString, hostileNumber),
      )
      .map(([body, key, value]) => ({
        violation: `extra field ${here(JSON.stringify(key))}`,
        body: { ...body, [key]: value },
      })),
  );
  for (const [key, rawSub] of Object.entries(properties)) {
    const sub = resolve(doc, rawSub);
    const kind = kindOf(sub);
    if (kind !== 'unknown') {
      mutations.push(
        fc.tuple(base, wrongType(kind)).map(([body, value]) => ({
          violation: `wrong type at ${here(key)} (expects ${kind})`,
          body: { ...body, [key]: value },
        })),
      );
    }
    if (!sub.nullable) {
      mutations.push(
        base.map((body) => ({
          violation: `null at non-nullable ${here(key)}`,
          body: { ...body, [key]: null },
        })),
      );
    }
    if (required.has(key)) {
      mutations.push(
        base.map((body) => {
          const copy = { ...body };
          delete copy[key];
          return { violation: `missing required ${here(key)}`, body: copy };
        }),
      );
    }
    const bad = outOfRange(sub, kind);
    if (bad) {
      mutations.push(
        fc.tuple(base, bad).map(([body, value]) => ({
          violation: `out of range at ${here(key)}`,
          body: { ...body, [key]: value },
        })),
      );
    }
    if (depth < 3 && kind === 'object' && sub.properties) {
      mutations.push(
        fc.tuple(base, invalidObject(doc, sub, depth + 1, here(key))).map(([body, inner]) => ({
          violation: inner.violation,
          body: { ...body, [key]: inner.body },
        })),
      );
    }
    if (depth < 3 && kind === 'array' && sub.items) {
      const items = resolve(doc, sub.items);
      if (kindOf(items) === 'object' && items.properties) {
        mutations.push(
          fc
            .tuple(
              base,
              fc.array(plausible(doc, items, key, depth + 1), { maxLength: 2 }),
              invalidObject(doc, items, depth + 1, `${here(key)}[]`),
            )
            .map(([body, good, inner]) => ({
              violation: inner.violation,
              body: { ...body, [key]: [...good, inner.body] },
            })),
        );
      } else if (kindOf(items) !== 'unknown') {
        mutations.push(
          fc
            .tuple(
              base,
              fc.array(plausible(doc, items, key, depth + 1), { maxLength: 2 }),
              wrongType(kindOf(items)),
            )
            .filter(([, , value]) => value !== undefined)
            .map(([body, good, value]) => ({
              violation: `wrong item type in ${here(key)}[]`,
              body: { ...body, [key]: [...good, value] },
            })),
        );
      }
    }
  }
  return fc.oneof(...mutations);
}

/** A JSON body that is definitely invalid for the schema, including non-objects at the top. */
export function invalidBody(doc: OpenApiDocument, schema: Schema): fc.Arbitrary<InvalidCase> {
  return fc.oneof(
    { weight: 8, arbitrary: invalidObject(doc, schema) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom([], [{}], 'text', 0, 1.5, true, null, nestedArrays(200))
        .map((body) => ({ violation: `top-level ${Array.isArray(body) ? 'array' : typeof body}`, body })),
    },
  );
}

// ---------------------------------------------------------------- query strings and path params

export interface QueryCase {
  /** Raw `key=value` pairs (already percent-encoded). */
  pairs: string[];
  /** Set when at least one pair is definitely invalid. */
  violation?: string;
}

/**
 * Percent-encodes like encodeURIComponent; a lone surrogate (which has no UTF-8 form) becomes the bytes of its
 * code unit, `%ED%A0%80`, i.e. invalid UTF-8 on the wire, which is a hostile case of its own.
 */
export function enc(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.codePointAt(0)!;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

function queryValue(name: string, schema: Schema): fc.Arbitrary<{ value: string; invalid?: string }> {
  const kind = kindOf(schema);
  const options: fc.Arbitrary<{ value: string; invalid?: string }>[] = [
    plausible({ paths: {}, components: { schemas: {} } }, schema, name).map((v) => ({ value: String(v) })),
    hostileShortString.map((value) => ({ value })),
    hostileNumber.map((v) => ({ value: String(v) })),
  ];
  if (kind === 'number') {
    options.push(
      fc
        .constantFrom('abc', '', '1e400', 'NaN', 'Infinity', '1,2', '--1', '١٢')
        .map((value) => ({ value, invalid: `non-numeric ${name}` })),
    );
  }
  if (kind === 'boolean') {
    options.push(
      fc
        .constantFrom('maybe', '2', 'TRUE ', 'null')
        .map((value) => ({ value, invalid: `non-boolean ${name}` })),
    );
  }
  if (schema.enum) {
    const allowed = new Set(schema.enum.map(String));
    options.push(
      fc
        .oneof(fc.constantFrom('zzz', 'ASC', "' or 1=1"), fc.string({ maxLength: 8 }))
        .filter((v) => !allowed.has(v))
        .map((value) => ({ value, invalid: `not in enum ${name}` })),
    );
  }
  if (kind === 'number' && schema.maximum !== undefined) {
    options.push(fc.constant({ value: String(schema.maximum + 1), invalid: `above maximum ${name}` }));
  }
  if (kind === 'number' && schema.minimum !== undefined) {
    options.push(fc.constant({ value: String(schema.minimum - 1), invalid: `below minimum ${name}` }));
  }
  return fc.oneof(...options);
}

/**
 * A query string over the declared parameters plus, sometimes, undeclared or prototype-polluting keys.
 * Definite violations: a declared parameter with a value of the wrong type, out of its range or enum, or an
 * undeclared parameter on a route that declares its parameters (the query DTO is whitelisted).
 * Prototype keys are not counted (they are dropped, never applied); the run checks Object.prototype instead.
 */
export function queryCase(params: Parameter[]): fc.Arbitrary<QueryCase> {
  const declared = params.length > 0;
  const perParam = params.map((p) =>
    fc.option(
      fc
        .tuple(queryValue(p.name, p.schema ?? {}), fc.boolean(), fc.integer({ min: 0, max: 9 }))
        .map(([v, twice, brackets]) => {
          if (brackets === 0) {
            // `name[]=…` is another (undeclared) name.
            return { pairs: [`${enc(p.name)}[]=${enc(v.value)}`], invalid: `undeclared ${p.name}[]` };
          }
          const pairs = [`${enc(p.name)}=${enc(v.value)}`];
          if (twice) pairs.push(`${enc(p.name)}=${enc(v.value)}`);
          return { pairs, invalid: v.invalid };
        }),
      { freq: 2 },
    ),
  );
  const extras = fc.option(
    fc.constantFrom(
      { pair: '__proto__[polluted]=yes', invalid: undefined },
      { pair: 'constructor[prototype][polluted]=yes', invalid: undefined },
      { pair: '__proto__=x', invalid: undefined },
      { pair: `floor=1`, invalid: 'undeclared floor' },
      { pair: `${enc("'; drop table users; --")}=1`, invalid: 'undeclared parameter' },
      { pair: `x=${'y'.repeat(4000)}`, invalid: 'undeclared x' },
    ),
    { freq: 3 },
  );
  return fc.tuple(fc.tuple(...perParam), extras).map(([values, extra]) => {
    const pairs: string[] = [];
    let violation: string | undefined;
    for (const v of values) {
      if (!v) continue;
      pairs.push(...v.pairs);
      violation ??= v.invalid;
    }
    if (extra) {
      pairs.push(extra.pair);
      if (declared) violation ??= extra.invalid;
    }
    return { pairs, violation };
  });
}

export const INVALID_IDS = [
  '0',
  '-1',
  '1.5',
  'abc',
  '1e3',
  '0x10',
  '2147483648',
  '99999999999999999999',
  '%20',
  '1%00',
  '%F0%9F%9A%AC',
  'null',
  'undefined',
  '__proto__',
  "1'%20or%20'1'%3D'1",
  '1;%20drop%20table%20users',
];

const INVALID_MONTHS = [
  '2026-13',
  '2026-00',
  '26-11',
  '2026-1',
  '999999-01',
  'abc',
  '2026-11-01',
  '-1',
  '%00',
];
const INVALID_YEARS = ['abc', '-1', '1.5', '99999999999', '%00', '2026-11', '0'];

/** A path value that no route accepts for this parameter, or undefined when its format is unknown. */
export function invalidPathValue(param: Parameter): fc.Arbitrary<string> | undefined {
  if (kindOf(param.schema ?? {}) === 'number') return fc.constantFrom(...INVALID_IDS);
  if (param.name === 'month') return fc.constantFrom(...INVALID_MONTHS);
  if (param.name === 'year') return fc.constantFrom(...INVALID_YEARS);
  return undefined;
}

/** A path value that may well be accepted (small ids, this month/year, hostile text for free strings). */
export function plausiblePathValue(param: Parameter): fc.Arbitrary<string> {
  if (kindOf(param.schema ?? {}) === 'number') {
    return fc.oneof(fc.integer({ min: 1, max: 60 }).map(String), fc.constant('2147483647'));
  }
  // A name from a closed list (a job of the schedule table): one of the list.
  if (param.schema?.enum) return fc.constantFrom(...param.schema.enum.map(String));
  if (param.name === 'month') return fc.constantFrom(TODAY.slice(0, 7), '2026-11', '2020-01');
  if (param.name === 'year') return fc.constantFrom(TODAY.slice(0, 4), '2030', '1999');
  return fc.oneof(
    fc.constantFrom('residential', 'hospital'),
    hostileShortString.map((s) => enc(s.slice(0, 80))),
  );
}
