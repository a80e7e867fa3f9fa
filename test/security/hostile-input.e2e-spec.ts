import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '#libs/shared';
import { bearer, type DemoApp, startDemoApp, TEST_DEMO_RETAILERS } from '../support/demo.js';
import { insertVisit } from '../field/field-fixtures.js';
import {
  edgy,
  invalidBody,
  invalidPathValue,
  listOperations,
  type OpenApiDocument,
  type Operation,
  plausible,
  plausiblePathValue,
  queryCase,
} from './openapi-arbitraries.js';

/**
 * Hostile input against the real API: bodies and query strings derived from its own OpenAPI document and
 * broken on purpose, plus raw malformed HTTP. Every answer must be < 500, every 4xx must carry a `code`, no
 * answer may show a stack trace or SQL, and a refused request writes nothing.
 * HOSTILE_SEED / HOSTILE_RUNS (a multiplier) reproduce or widen a run.
 */
const SEED = Number(process.env.HOSTILE_SEED ?? 20261111);
const SCALE = Number(process.env.HOSTILE_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
/**
 * A test that sweeps every operation. It takes one to four minutes on a loaded two-core machine, and one that
 * timed out would go on writing while the next test counts rows, so each has room well beyond that.
 */
const sweep = (name: string, body: () => Promise<void>) => it(name, body, 600_000 * SCALE);

/** A demo user per role (README); the retailer's is looked up (username = its licence number). */
const USER_OF_ROLE: Record<string, string> = {
  admin: 'admin',
  department_head: 'head',
  inspector: 'insp1',
  market_manager: 'mm1',
  account_manager: 'am01',
  supply_clerk: 'clerk1',
  enforcement_officer: 'eo1',
  delivery_staff: 'ds1',
};

/**
 * Tables a refused request may legitimately write:
 * - login_throttle: a failed login is counted per username and client on purpose (brute-force throttling);
 *   hostile login bodies that get as far as a password check are exactly such failures.
 */
const WRITTEN_ON_REFUSAL = new Set(['login_throttle']);

const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)|\bat file:\/\/|node:internal|\n\s+at /],
  ['source position', /\.(?:ts|js|mjs|cjs):\d+/],
  ['SQL', /\bSELECT |\bINSERT INTO|\bDELETE FROM|\bUPDATE "?\w+"? SET/],
  [
    'database message',
    /relation "|syntax error at|violates (?:not-null|check|foreign key|unique|exclusion)|QueryFailedError|duplicate key value|invalid input syntax/,
  ],
];

type Counts = Record<string, number>;

interface Sent {
  method: string;
  url: string;
  role?: string;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** The arbitraries' business no-go keys that every quota route screens for with its own codes (rule 1). */
const QUOTA_NO_GOS = new Set(['floor', 'minimumVolume', 'purchaseObligation']);

/** Every key of a JSON value, at any depth. */
function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysIn(inner)]);
}

/**
 * Password lengths: the DTO caps the text (256), the password policy (8–128, with its own codes) is checked
 * after the user it is for is found and the caller's current password verified, so those refusals come first.
 */
const PASSWORD_FIELD = /^(?:out of range|too long|too short)[^:]* at (?:password|newPassword)\b/;

/**
 * What a definitely invalid request is refused with: validation, unless the body nests too deep first, a
 * quota route's screen names a floor or a per-spec agreement (rule 1's own codes), or the violation is a
 * password's length (the policy's codes, after the user it is for is found).
 */
function violationRefusals(op: Operation, violation: string, body: unknown, query?: string[]): string[] {
  if (body !== undefined && jsonNestsDeeperThan(JSON.stringify(body), MAX_JSON_DEPTH))
    return ['BODY_TOO_DEEP'];
  const named = [...keysIn(body), ...(query ?? []).map((pair) => pair.split('=')[0])];
  if (op.tags.includes('quotas') && named.some((key) => QUOTA_NO_GOS.has(key)))
    return ['QUOTA_FLOOR_FORBIDDEN', 'QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN'];
  if (PASSWORD_FIELD.test(violation))
    return [
      'VALIDATION_FAILED',
      'PASSWORD_TOO_SHORT',
      'PASSWORD_TOO_LONG',
      'NOT_FOUND',
      'INVALID_CREDENTIALS',
    ];
  return ['VALIDATION_FAILED'];
}

/** What each malformed request is refused with; a servable one is answered 2xx. */
const RAW_REFUSALS: Record<string, string[]> = {
  '100 kB query string': ['HEADERS_TOO_LARGE'], // Node's parser counts the request line with the headers
  '20 kB path': ['HEADERS_TOO_LARGE'],
  // Over the router's parameter limit: 414, or 404 where the console's catch-all route takes the path instead.
  'long path parameter': ['URI_TOO_LONG', 'NOT_FOUND'],
  'long unknown path': ['NOT_FOUND'],
  '40 kB header': ['HEADERS_TOO_LARGE'],
  'raw invalid UTF-8 in the URL': ['BAD_REQUEST'],
  'percent-encoded invalid UTF-8 in the path': ['BAD_REQUEST'],
  'broken percent-encoding in the path': ['BAD_REQUEST'],
  'NUL in the path': ['VALIDATION_FAILED'],
  'dot segments': ['NOT_FOUND'],
  'asterisk target': ['NOT_FOUND'],
  'garbage request line': ['BAD_REQUEST'],
  'unknown method': ['BAD_REQUEST'],
  TRACE: ['NOT_FOUND'],
  'HTTP/9.9': ['BAD_REQUEST'],
  'NUL in a header': ['BAD_REQUEST'],
  'header without a colon': ['BAD_REQUEST'],
  'bare LF line ends': ['BAD_REQUEST'],
  'content-length and chunked together': ['BAD_REQUEST'],
  'two content lengths': ['BAD_REQUEST'],
  'bad chunk size': ['BAD_REQUEST'],
  'negative content length': ['BAD_REQUEST'],
  'declared length over the limit': ['PAYLOAD_TOO_LARGE'],
  'garbage bearer token': ['UNAUTHENTICATED'],
  'huge bearer token': ['TOKEN_INVALID'],
  'hostile idempotency key': ['IDEMPOTENCY_KEY_INVALID'],
};

const truncate = (text: string, n = 300) => (text.length > n ? `${text.slice(0, n)}…(${text.length})` : text);

describe('hostile input', () => {
  let t: DemoApp;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let port: number;
  let tables: string[];
  const tokens = new Map<string, string>();
  const statuses = new Map<number, number>();
  let requests = 0;
  let accepted = 0;
  const started = Date.now();
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    t = await startDemoApp({ retailers: TEST_DEMO_RETAILERS });
    // Listening ourselves: supertest reuses the address, and the raw-socket cases need a port.
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    doc = (await t.http.get('/docs-json').expect(200)).body;
    operations = listOperations(doc);
    const { rows } = await t.db.query(
      `SELECT username FROM users WHERE role = 'retailer' AND status = 'active' ORDER BY id LIMIT 1`,
    );
    const users = { ...USER_OF_ROLE, retailer: rows[0].username as string };
    for (const [role, username] of Object.entries(users)) tokens.set(role, await t.token(username));
    tables = (
      await t.db.query(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
      )
    ).rows
      .map((r: { table_name: string }) => r.table_name)
      .filter((name: string) => !WRITTEN_ON_REFUSAL.has(name));
    console.log(
      `hostile input: seed ${SEED} (HOSTILE_SEED=${SEED} reproduces), ${operations.length} operations`,
    );
  });

  afterAll(async () => {
    const byStatus = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `hostile input: ${requests} requests tried in ${Math.round((Date.now() - started) / 1000)} s ` +
        `(seed ${SEED}); accepted hostile-but-well-typed writes: ${accepted}; statuses ${byStatus.join(' ')}`,
    );
    await t?.close();
  });

  async function counts(): Promise<Counts> {
    const sql = tables
      .map((name) => `SELECT '${name}' AS t, count(*)::int AS n FROM "${name}"`)
      .join(' UNION ALL ');
    const { rows } = await t.db.query(sql);
    return Object.fromEntries(rows.map((r: { t: string; n: number }) => [r.t, r.n]));
  }

  function diff(before: Counts, after: Counts): string[] {
    return Object.keys(after)
      .filter((name) => after[name] !== before[name])
      .map((name) => `${name} ${before[name]} → ${after[name]}`);
  }

  function record(status: number) {
    requests += 1;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }

  /** What is wrong with an answer: 5xx, a 4xx without a code, a stack trace or SQL anywhere in it. */
  function problems(status: number, headers: Record<string, unknown>, text: string): string[] {
    const found: string[] = [];
    if (status >= 500) found.push(`status ${status}: ${truncate(text)}`);
    if (status >= 400 && status < 500) {
      const code = codeOf(status, headers, text);
      if (typeof code !== 'string' || !/^[A-Z][A-Z0-9_]+$/.test(code)) {
        found.push(`${status} without a code: ${truncate(text)}`);
      }
    }
    for (const [name, pattern] of LEAKS) {
      if (pattern.test(text)) found.push(`${name} in the answer: ${truncate(text)}`);
    }
    return found;
  }

  const textOf = (res: Response) =>
    res.text ?? (Buffer.isBuffer(res.body) ? '' : JSON.stringify(res.body ?? ''));

  /** The stable `code` of a refusal (JSON body, or the header a refused .xlsx import answers with). */
  function codeOf(status: number, headers: Record<string, unknown>, text: string): string | undefined {
    if (status < 400) return undefined;
    try {
      return JSON.parse(text).code;
    } catch {
      return headers['x-error-code'] as string | undefined;
    }
  }

  /**
   * A refusal must be the one the case provokes, not any 4xx: a `null` that slips past validation and comes
   * back as a database conflict is a finding, even though it is coded.
   */
  function refusedOtherwise(sent: { res: Response }, expected: readonly string[]): string[] {
    const { status, headers } = sent.res;
    if (status < 400) return [`accepted (${status})`];
    const code = codeOf(status, headers, textOf(sent.res));
    return code && expected.includes(code)
      ? []
      : [`refused with ${status} ${code}, expected ${expected.join(' or ')}`];
  }

  async function send(req: Sent): Promise<{ res: Response; problems: string[] }> {
    let call = t.http[req.method as 'get'](req.url);
    if (req.role) call = call.set(bearer(tokens.get(req.role)!));
    for (const [name, value] of Object.entries(req.headers ?? {})) call = call.set(name, value);
    if (req.contentType) call = call.set('content-type', req.contentType);
    if (req.body !== undefined) call = call.send(req.body);
    const res = await call;
    record(res.status);
    return { res, problems: problems(res.status, res.headers, textOf(res)) };
  }

  const describeOp = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;

  function fillPath(op: Operation, values: Record<string, string>): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
  }

  /** Path values: plausible ones, or (`invalid`) at least one that no route accepts. */
  function pathValues(
    op: Operation,
    invalid: boolean,
  ): fc.Arbitrary<{ values: Record<string, string>; broken?: string }> {
    const plain = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, plausiblePathValue(p)])));
    const breakable = op.pathParams.filter((p) => invalidPathValue(p));
    if (!invalid || breakable.length === 0) return plain.map((values) => ({ values }));
    return fc.tuple(plain, fc.constantFrom(...breakable)).chain(([values, param]) =>
      invalidPathValue(param)!.map((bad) => ({
        values: { ...values, [param.name]: bad },
        broken: `path ${param.name}=${bad}`,
      })),
    );
  }

  const roleOf = (op: Operation) => (op.roles.length ? fc.constantFrom(...op.roles) : fc.constant(undefined));

  async function check<T>(
    label: string,
    arbitrary: fc.Arbitrary<T>,
    numRuns: number,
    predicate: (value: T) => Promise<string[]>,
    findings: string[],
  ) {
    const result = await fc.check(
      fc.asyncProperty(arbitrary, async (value) => {
        const found = await predicate(value);
        if (found.length) throw new Error(found.join('\n'));
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
    if (result.failed) {
      findings.push(
        `${label}: ${(result.errorInstance as Error)?.message}\n  counterexample: ${truncate(
          JSON.stringify(result.counterexample),
          600,
        )}`,
      );
    }
  }

  it('finds every operation with its roles in the OpenAPI document', () => {
    const withInput = operations.filter((op) => op.body || op.query.length || op.pathParams.length);
    expect(withInput.length).toBeGreaterThan(100);
    const unroled = operations.filter((op) => op.roles.length === 0).map(describeOp);
    // Public: health, login and logout (it only clears the console's cookies) only; everything else names who may call it.
    expect(unroled.sort()).toEqual(['GET /health', 'POST /api/auth/login', 'POST /api/auth/logout']);
  });

  sweep('refuses definitely invalid bodies and path values with a coded 4xx and writes nothing', async () => {
    const findings: string[] = [];
    const targets = operations.filter(
      (op) => op.method !== 'get' && (op.body || op.pathParams.some((p) => invalidPathValue(p))),
    );
    for (const op of targets) {
      const before = await counts();
      const bodyCase = op.body
        ? fc.oneof(
            invalidBody(doc, op.body).map((c) => ({ ...c, valid: false })),
            plausible(doc, op.body).map((body) => ({ violation: '', body, valid: true })),
          )
        : fc.constant({ violation: '', body: undefined, valid: true });
      const arbitrary = fc
        .tuple(
          bodyCase,
          pathValues(op, false),
          pathValues(op, true),
          roleOf(op),
          fc.option(fc.uuid(), { freq: 4 }),
        )
        // At least one definite violation: in the body, or (for a valid-looking body) in a path value.
        .filter(([body, , broken]) => !body.valid || broken.broken !== undefined)
        .map(([body, okPath, brokenPath, role, idempotencyKey]) => {
          const path = body.valid ? brokenPath : okPath;
          return {
            violation: body.valid ? path.broken! : body.violation,
            url: fillPath(op, path.values),
            body: body.body,
            role,
            idempotencyKey,
          };
        });
      await check(
        describeOp(op),
        arbitrary,
        runs(op.body ? 30 : 12),
        async (c) => {
          const sent = await send({
            method: op.method,
            url: c.url,
            role: c.role,
            contentType: c.body === undefined ? undefined : 'application/json',
            body: c.body === undefined ? undefined : JSON.stringify(c.body),
            headers: c.idempotencyKey ? { 'idempotency-key': c.idempotencyKey } : undefined,
          });
          const found = sent.problems;
          if (sent.res.status < 500) {
            for (const f of refusedOtherwise(sent, violationRefusals(op, c.violation, c.body)))
              found.push(`${f} despite ${c.violation}: ${truncate(textOf(sent.res))}`);
          }
          return found.map((f) => `${f} [${c.violation}; as ${c.role}]`);
        },
        findings,
      );
      const written = diff(before, await counts());
      if (written.length)
        findings.push(`${describeOp(op)}: refused requests wrote rows: ${written.join(', ')}`);
    }
    expect(findings).toEqual([]);
  });

  sweep('answers hostile values of the right type without a 5xx, and a refusal writes nothing', async () => {
    const findings: string[] = [];
    // Bodies that keep every field's JSON type but carry huge, unicode, control, SQL, out-of-range content.
    // Some may be valid (then they are written, which is fine); any refusal must leave every table as it was.
    const targets = operations.filter(
      (op) => op.method !== 'get' && op.body && !op.path.startsWith('/api/users/{id}'),
    );
    for (const op of targets) {
      let before = await counts();
      const arbitrary = fc.record({
        body: edgy(doc, op.body!),
        path: pathValues(op, false),
        role: roleOf(op),
      });
      await check(
        describeOp(op),
        arbitrary,
        runs(12),
        async (c) => {
          const sent = await send({
            method: op.method,
            url: fillPath(op, c.path.values),
            role: c.role,
            contentType: 'application/json',
            body: JSON.stringify(c.body),
          });
          const after = await counts();
          const found = sent.problems.map((f) => `${f} [as ${c.role}]`);
          if (sent.res.status >= 400) {
            const written = diff(before, after);
            if (written.length) found.push(`refused (${sent.res.status}) but wrote: ${written.join(', ')}`);
          } else {
            accepted += 1;
          }
          before = after;
          return found;
        },
        findings,
      );
    }
    expect(findings).toEqual([]);
  });

  sweep('answers hostile queries and path values on reads without a 5xx and writes nothing', async () => {
    const findings: string[] = [];
    const before = await counts();
    const reads = operations.filter((op) => op.method === 'get' && (op.query.length || op.pathParams.length));
    for (const op of reads) {
      const exports = /export|reports/.test(op.path);
      const arbitrary = fc.record({
        query: queryCase(op.query),
        path: fc.oneof(pathValues(op, false), pathValues(op, true)),
        role: roleOf(op),
      });
      await check(
        describeOp(op),
        arbitrary,
        runs(exports ? 8 : 20),
        async (c) => {
          const url =
            fillPath(op, c.path.values) + (c.query.pairs.length ? `?${c.query.pairs.join('&')}` : '');
          const sent = await send({ method: 'get', url, role: c.role });
          const found = sent.problems;
          const violation = c.path.broken ?? c.query.violation;
          if (violation && sent.res.status < 500)
            for (const f of refusedOtherwise(
              sent,
              violationRefusals(op, violation, undefined, c.query.pairs),
            ))
              found.push(`${f} despite ${violation}`);
          return found.map((f) => `${f} [GET ${truncate(url, 200)} as ${c.role}]`);
        },
        findings,
      );
    }
    const written = diff(before, await counts());
    if (written.length) findings.push(`reads wrote rows: ${written.join(', ')}`);
    expect(findings).toEqual([]);
  });

  const MALFORMED_JSON = [
    '{',
    '{"a":}',
    "{'a':1}",
    '{"a":1,}',
    'NaN',
    '[1,2',
    '{"a":1}{"b":2}',
    '{"a":01}',
    '/* comment */ {}',
    '{"a":"\\u12"}',
    '{"a":"unterminated}',
    'undefined',
    '',
    ' ',
  ];

  sweep('refuses malformed JSON, prototype keys, wrong content types, oversized, deep bodies', async () => {
    const findings: string[] = [];
    const before = await counts();
    const bodyOps = operations.filter((op) => op.body);
    const limit = t.config.bodyLimitBytes;
    // Built as text: JSON.stringify itself overflows the stack on 10k levels.
    const deepArrays = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const deepObjects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    // `emptyish`: may be read as no body or `{}` (a BOM is skipped; a multipart body is not JSON's to parse),
    // so sent only where the body has required fields and `{}` is itself invalid.
    const cases: {
      name: string;
      contentType?: string;
      emptyish?: boolean;
      body: (op: Operation) => string | Buffer;
      /** The codes this case may be refused with. */
      refusal: string[];
    }[] = [
      ...MALFORMED_JSON.map((text) => ({
        name: `malformed ${JSON.stringify(text)}`,
        contentType: 'application/json',
        body: () => text,
        refusal: ['BAD_REQUEST'],
      })),
      // Well-formed JSON (a lone surrogate is a valid escape), just not an object the route accepts.
      {
        name: 'lone surrogate',
        contentType: 'application/json',
        body: () => '"\\ud800"',
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: '__proto__ key',
        contentType: 'application/json',
        body: () => '{"__proto__":{"polluted":"yes"}}',
        refusal: ['BAD_REQUEST'],
      },
      {
        name: 'constructor.prototype key',
        contentType: 'application/json',
        body: () => '{"constructor":{"prototype":{"polluted":"yes"}}}',
        refusal: ['BAD_REQUEST'],
      },
      {
        name: 'nested __proto__',
        contentType: 'application/json',
        body: () =>
          '{"lines":[{"__proto__":{"polluted":"yes"},"brandId":1,"cartons":1}],"a":{"__proto__":{"polluted":1}}}',
        refusal: ['BAD_REQUEST'],
      },
      {
        name: 'BOM then {}',
        contentType: 'application/json',
        emptyish: true,
        body: () => '\uFEFF{}',
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: 'text/plain',
        contentType: 'text/plain',
        body: () => '{"a":1}',
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: 'xml',
        contentType: 'application/xml',
        body: () => '<a>1</a>',
        refusal: ['UNSUPPORTED_MEDIA_TYPE'],
      },
      {
        name: 'form',
        contentType: 'application/x-www-form-urlencoded',
        body: () => 'a=1&__proto__[polluted]=yes',
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: 'multipart to JSON',
        contentType: 'multipart/form-data; boundary=x',
        emptyish: true,
        body: () => '--x\r\n\r\n--x--',
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: 'latin1 charset',
        contentType: 'application/json; charset=latin1',
        body: () => '{"a":"\xe9"}',
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: 'utf-16 charset',
        contentType: 'application/json; charset=utf-16',
        body: () => Buffer.from('{}', 'utf16le'),
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: 'no content type',
        emptyish: true,
        body: () => Buffer.from('{"a":1}'),
        refusal: ['UNSUPPORTED_MEDIA_TYPE'],
      },
      {
        name: 'invalid UTF-8',
        contentType: 'application/json',
        body: () =>
          Buffer.concat([
            Buffer.from('{"name":"'),
            Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
            Buffer.from('"}'),
          ]),
        refusal: ['VALIDATION_FAILED'],
      },
      {
        name: `over the ${limit}-byte limit`,
        contentType: 'application/json',
        body: () => `{"a":"${'x'.repeat(limit)}"}`,
        refusal: ['PAYLOAD_TOO_LARGE'],
      },
      {
        name: '10k nested arrays',
        contentType: 'application/json',
        body: () => deepArrays,
        refusal: ['BODY_TOO_DEEP'],
      },
      {
        name: '10k nested objects',
        contentType: 'application/json',
        body: () => deepObjects,
        refusal: ['BODY_TOO_DEEP'],
      },
      {
        name: '10k nested under a real field',
        contentType: 'application/json',
        body: (op) => {
          const field = Object.keys(op.body?.properties ?? { a: 1 })[0];
          return `{"${field}":${deepArrays}}`;
        },
        refusal: ['BODY_TOO_DEEP'],
      },
    ];
    for (const op of bodyOps) {
      for (const c of cases) {
        if (c.emptyish && !op.body?.required?.length) continue;
        const role = op.roles.includes('admin') ? 'admin' : op.roles[0];
        const url = fillPath(
          op,
          Object.fromEntries(
            op.pathParams.map((p) => [
              p.name,
              p.name === 'month' ? '2026-11' : p.name === 'year' ? '2030' : '1',
            ]),
          ),
        );
        const sent = await send({
          method: op.method,
          url,
          role,
          contentType: c.contentType,
          body: c.body(op),
        });
        const found = sent.problems;
        if (sent.res.status < 500) found.push(...refusedOtherwise(sent, c.refusal));
        for (const f of found) findings.push(`${describeOp(op)} ${c.name}: ${f}`);
      }
    }
    const written = diff(before, await counts());
    if (written.length) findings.push(`refused bodies wrote rows: ${written.join(', ')}`);
    expect(findings).toEqual([]);
  });

  sweep('refuses multipart garbage on upload routes with a coded 4xx and writes nothing', async () => {
    const findings: string[] = [];
    // A visit of am01's to photograph: the upload itself is what is refused.
    const visitId = await insertVisit(t, {
      retailerId: (
        await t.db.query(
          `SELECT r.id FROM retailers r JOIN org_units u ON u.id = r.territory_id WHERE u.code = 'T001' LIMIT 1`,
        )
      ).rows[0].id,
      accountManager: 'am01',
      on: '2026-11-20',
    });
    // A collected demand am01 is waiting to have signed, in a cycle of its own (the upload is refused first).
    const cycle = await t.http
      .post('/api/order-cycles')
      .set(bearer(tokens.get('admin')!))
      .send({
        territoryId: await t.unitId('T001'),
        orderDate: '2027-03-01',
        opensAt: '2027-02-28T04:00:00Z',
        cutoffAt: '2027-03-01T08:00:00Z',
      });
    if (cycle.status !== 201) throw new Error(`cycle: ${cycle.status} ${JSON.stringify(cycle.body)}`);
    const demandId = (
      await t.db.query(
        `INSERT INTO demands (cycle_id, retailer_id, territory_id, service_center_id, department_id, channel, status,
                              total_cartons, submitted_by, submitted_by_role)
         SELECT $1, r.id, r.territory_id, r.service_center_id, r.department_id, 'collected', 'pending_confirmation',
                1, u.id, 'account_manager'
           FROM retailers r JOIN org_units o ON o.id = r.territory_id AND o.code = 'T001'
           JOIN users u ON u.username = 'am01'
          ORDER BY r.id LIMIT 1 RETURNING id`,
        [cycle.body.id],
      )
    ).rows[0].id;
    // A lead eo1 (squad of T001) has recorded the result of, to add photos to.
    const leadId = (
      await t.db.query(
        `INSERT INTO leads (kind, importance, status, description, retailer_id, territory_id, service_center_id,
                            department_id, squad_id, reported_by, reporter_role, reported_at, deadline_at,
                            assigned_to, assigned_at, verification_result, verification_note, verified_by, verified_at)
         SELECT 'other', 'normal', 'verified', '多点经营', r.id, r.territory_id, r.service_center_id, r.department_id,
                eo.org_unit_id, am.id, 'account_manager', now(), now() + interval '7 days',
                eo.id, now(), 'confirmed', '已查实', eo.id, now()
           FROM retailers r JOIN org_units o ON o.id = r.territory_id AND o.code = 'T001'
           JOIN users am ON am.username = 'am01' JOIN users eo ON eo.username = 'eo1'
          ORDER BY r.id LIMIT 1 RETURNING id`,
      )
    ).rows[0].id;
    // A stop of ds1's route (R1-1) it has completed, for the retailer's signature.
    const deliveryId = (
      await t.db.query(
        `WITH run AS (
           INSERT INTO delivery_runs (route_id, delivery_date, service_center_id, department_id)
           SELECT id, '2026-11-20', service_center_id, department_id FROM org_units WHERE code = 'R1-1'
           RETURNING id, route_id)
         INSERT INTO deliveries (run_id, route_id, delivery_date, position, retailer_id, territory_id,
                                 service_center_id, department_id, supply_point_id, order_date, cartons, lines,
                                 window_start, window_end, status, arrived_at, recorded_at, time_source, receiver,
                                 completed_by, completed_at)
         SELECT run.id, run.route_id, '2026-11-20', 1, r.id, r.territory_id, r.service_center_id, r.department_id,
                sp.id, '2026-11-19', 1, '[]', now(), now() + interval '1 hour', 'delivered', now(), now(), 'server',
                'retailer', ds.id, now()
           FROM run
           JOIN retailers r ON r.territory_id = (SELECT id FROM org_units WHERE code = 'T001')
           JOIN org_units sp ON sp.type = 'supply_point' AND sp.parent_id = r.service_center_id
           JOIN users ds ON ds.username = 'ds1'
          ORDER BY r.id LIMIT 1 RETURNING id`,
      )
    ).rows[0].id;
    const before = await counts();
    const uploads = operations.filter((op) => op.multipart);
    expect(uploads.map(describeOp).sort()).toEqual([
      'POST /api/brands/import',
      'POST /api/calendar/years/{year}/import',
      'POST /api/deliveries/{id}/signature',
      'POST /api/demands/{id}/signature',
      'POST /api/leads/{id}/photos',
      'POST /api/retailers/import',
      'POST /api/visits/{id}/photo',
    ]);
    // A year's calendar of the admin's chosen department; am01's own visit and collected demand.
    const uploadTarget = async (path: string): Promise<{ url: string; role: string }> => {
      if (path.includes('{year}')) {
        return {
          url: `${path.replace('{year}', '2027')}?departmentId=${await t.unitId('D01')}&`,
          role: 'admin',
        };
      }
      if (path.startsWith('/api/visits/')) {
        return { url: `${path.replace('{id}', String(visitId))}?`, role: 'account_manager' };
      }
      if (path.startsWith('/api/leads/')) {
        return { url: `${path.replace('{id}', String(leadId))}?`, role: 'enforcement_officer' };
      }
      if (path.startsWith('/api/deliveries/')) {
        return { url: `${path.replace('{id}', String(deliveryId))}?`, role: 'delivery_staff' };
      }
      if (path.startsWith('/api/demands/')) {
        return { url: `${path.replace('{id}', String(demandId))}?`, role: 'account_manager' };
      }
      return { url: `${path}?`, role: 'admin' };
    };
    const part = (boundary: string, headers: string, content: string | Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
        Buffer.from(content),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const file = (name = 'file', filename = 'a.xlsx') =>
      `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream`;
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array(60).fill(0)]);
    // Broken framing is the parser's (IMPORT_UPLOAD_MALFORMED); a well-framed upload that is not a workbook
    // is the import's own refusal. The attachment routes answer the same cases with their own codes.
    const cases: {
      name: string;
      contentType: string;
      body: string | Buffer;
      refusal: string;
      attachment: string;
    }[] = [
      {
        name: 'no boundary',
        contentType: 'multipart/form-data',
        body: part('b', file(), 'x'),
        refusal: 'IMPORT_UPLOAD_MALFORMED',
        attachment: 'ATTACHMENT_UPLOAD_MALFORMED',
      },
      {
        name: 'boundary mismatch',
        contentType: 'multipart/form-data; boundary=other',
        body: part('b', file(), 'x'),
        refusal: 'IMPORT_UPLOAD_MALFORMED',
        attachment: 'ATTACHMENT_UPLOAD_MALFORMED',
      },
      {
        name: 'truncated',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', file(), 'PK\x03\x04').subarray(0, 60),
        refusal: 'IMPORT_UPLOAD_MALFORMED',
        attachment: 'ATTACHMENT_UPLOAD_MALFORMED',
      },
      {
        name: 'no closing boundary',
        contentType: 'multipart/form-data; boundary=b',
        body: `--b\r\n${file()}\r\n\r\nabc`,
        refusal: 'IMPORT_UPLOAD_MALFORMED',
        attachment: 'ATTACHMENT_UPLOAD_MALFORMED',
      },
      {
        name: 'garbage',
        contentType: 'multipart/form-data; boundary=b',
        body: Buffer.from([0, 1, 2, 0xff, 13, 10, 45, 45]),
        refusal: 'IMPORT_UPLOAD_MALFORMED',
        attachment: 'ATTACHMENT_UPLOAD_MALFORMED',
      },
      {
        name: 'empty',
        contentType: 'multipart/form-data; boundary=b',
        body: '',
        refusal: 'IMPORT_FILE_MISSING',
        attachment: 'ATTACHMENT_MISSING',
      },
      {
        name: 'only the end',
        contentType: 'multipart/form-data; boundary=b',
        body: '--b--\r\n',
        refusal: 'IMPORT_FILE_MISSING',
        attachment: 'ATTACHMENT_MISSING',
      },
      {
        name: 'field not a file',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', 'Content-Disposition: form-data; name="file"', 'x'),
        refusal: 'IMPORT_FILE_MISSING',
        attachment: 'ATTACHMENT_MISSING',
      },
      {
        name: 'other field name',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', file('upload'), zipHeader),
        refusal: 'IMPORT_FILE_MISSING',
        attachment: 'ATTACHMENT_MISSING',
      },
      {
        name: 'empty file',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', file(), ''),
        refusal: 'IMPORT_FILE_NOT_XLSX',
        attachment: 'ATTACHMENT_EMPTY',
      },
      {
        name: 'text file',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', file('file', 'a.txt'), 'hello'),
        refusal: 'IMPORT_FILE_NOT_XLSX',
        attachment: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      },
      {
        name: 'zip header, no zip',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', file(), zipHeader),
        refusal: 'IMPORT_FILE_NOT_XLSX',
        attachment: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      },
      {
        name: 'hostile filename',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', file('file', `../../${"'; drop table brands; --"}\u0000.xlsx`), zipHeader),
        refusal: 'IMPORT_FILE_NOT_XLSX',
        attachment: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      },
      {
        name: 'no disposition',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', 'Content-Type: application/octet-stream', zipHeader),
        refusal: 'IMPORT_FILE_MISSING',
        attachment: 'ATTACHMENT_MISSING',
      },
      {
        name: 'two files',
        contentType: 'multipart/form-data; boundary=b',
        body: Buffer.concat([
          part('b', file(), zipHeader).subarray(0, -6),
          Buffer.from('\r\n'),
          part('b', file(), zipHeader),
        ]),
        refusal: 'IMPORT_FILE_NOT_XLSX',
        attachment: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      },
      {
        name: 'huge header',
        contentType: 'multipart/form-data; boundary=b',
        body: part('b', `${file()}\r\nX-Pad: ${'p'.repeat(200_000)}`, zipHeader),
        refusal: 'IMPORT_FILE_NOT_XLSX',
        attachment: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      },
      {
        name: 'JSON instead',
        contentType: 'application/json',
        body: '{"file":"x"}',
        refusal: 'IMPORT_FILE_MISSING',
        attachment: 'ATTACHMENT_MISSING',
      },
    ];
    for (const op of uploads) {
      const target = await uploadTarget(op.path);
      // Only the imports take a query (`format`); an attachment route reads none.
      const attachment = !op.path.includes('/import');
      for (const c of cases) {
        for (const query of attachment ? [''] : ['', 'format=xlsx', 'format=csv']) {
          const sent = await send({
            method: 'post',
            url: target.url + query,
            role: target.role,
            contentType: c.contentType,
            body: c.body,
          });
          const found = sent.problems;
          // The import takes no `format=csv`: that query is refused before the upload is read.
          const refusal = attachment
            ? c.attachment
            : query === 'format=csv'
              ? 'VALIDATION_FAILED'
              : c.refusal;
          if (sent.res.status < 500) found.push(...refusedOtherwise(sent, [refusal]));
          for (const f of found) findings.push(`${describeOp(op)}?${query} ${c.name}: ${f}`);
        }
      }
    }
    const written = diff(before, await counts());
    if (written.length) findings.push(`refused uploads wrote rows: ${written.join(', ')}`);
    expect(findings).toEqual([]);
  });

  /** Sends raw bytes (what no HTTP client would) and reads the answer until the server closes. */
  function raw(
    bytes: Buffer | string,
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const response = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = response.split('\r\n\r\n');
        const [statusLine, ...headerLines] = head.split('\r\n');
        const headers = Object.fromEntries(
          headerLines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        let text = rest.join('\r\n\r\n');
        if (headers['transfer-encoding'] === 'chunked') {
          text = text.replace(/(?:^|\r\n)[0-9a-f]+\r\n/gi, '').replace(/\r\n$/, '');
        }
        record(Number(statusLine.split(' ')[1]));
        resolve({ status: Number(statusLine.split(' ')[1]), headers, text });
      });
      // Not end(): a half-closed socket may be closed by the server before it answers.
      socket.write(bytes);
    });
  }

  it('answers malformed HTTP (huge URLs and headers, bad bytes, bad framing) with a coded 4xx', async () => {
    const findings: string[] = [];
    const before = await counts();
    const auth = `Authorization: Bearer ${tokens.get('admin')}\r\n`;
    const get = (target: string | Buffer, extra = '') =>
      Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(target),
        Buffer.from(` HTTP/1.1\r\nHost: x\r\n${auth}${extra}Connection: close\r\n\r\n`),
      ]);
    // Well-formed enough to be served (a 2xx is fine); everything else must be refused with a code.
    const servable = new Set([
      '500 headers',
      'percent-encoded invalid UTF-8 in the query',
      'broken percent-encoding',
      'absolute URL form',
      'hostile request id',
    ]);
    const cases: [string, Buffer | string][] = [
      ['100 kB query string', get(`/api/retailers?search=${'a'.repeat(100_000)}`)],
      ['20 kB path', get(`/api/retailers/${'1'.repeat(20_000)}`)],
      ['long path parameter', get(`/api/retailers/${'1'.repeat(500)}`)],
      ['long unknown path', get(`/api/${'x/'.repeat(2000)}`)],
      ['40 kB header', get('/api/retailers', `X-Pad: ${'p'.repeat(40_000)}\r\n`)],
      [
        '500 headers',
        get('/api/retailers', Array.from({ length: 500 }, (_, i) => `X-H${i}: v\r\n`).join('')),
      ],
      [
        'raw invalid UTF-8 in the URL',
        get(
          Buffer.from([
            0x2f, 0x61, 0x70, 0x69, 0x2f, 0x62, 0x72, 0x61, 0x6e, 0x64, 0x73, 0x3f, 0x73, 0x65, 0x61, 0x72,
            0x63, 0x68, 0x3d, 0xff, 0xfe,
          ]),
        ),
      ],
      ['percent-encoded invalid UTF-8 in the path', get('/api/retailers/%FF%FE')],
      ['percent-encoded invalid UTF-8 in the query', get('/api/retailers?search=%FF%FE%C3%28')],
      ['broken percent-encoding', get('/api/retailers?search=%E4%')],
      ['broken percent-encoding in the path', get('/api/brands/%')],
      ['NUL in the path', get('/api/retailers/1%00')],
      ['dot segments', get('/api/../../etc/passwd')],
      ['absolute URL form', get('http://evil.example/api/retailers')],
      ['asterisk target', get('*')],
      ['garbage request line', 'GARBAGE\r\n\r\n'],
      ['unknown method', `BREW /api/retailers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
      ['TRACE', `TRACE /api/retailers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
      ['HTTP/9.9', `GET /api/retailers HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n`],
      ['NUL in a header', get('/api/retailers', 'X-A: a\u0000b\r\n')],
      ['header without a colon', get('/api/retailers', 'NoColonHere\r\n')],
      ['bare LF line ends', `GET /api/retailers HTTP/1.1\nHost: x\nConnection: close\n\n`],
      [
        'content-length and chunked together',
        `POST /api/brands HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`,
      ],
      [
        'two content lengths',
        `POST /api/brands HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}`,
      ],
      [
        'bad chunk size',
        `POST /api/brands HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      ],
      [
        'negative content length',
        `POST /api/brands HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n{}`,
      ],
      [
        'declared length over the limit',
        `POST /api/brands HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\n{}`,
      ],
      [
        'garbage bearer token',
        `GET /api/retailers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${"'; drop table users; --"}\r\nConnection: close\r\n\r\n`,
      ],
      [
        'huge bearer token',
        `GET /api/retailers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'e'.repeat(8000)}.${'e'.repeat(4000)}.x\r\nConnection: close\r\n\r\n`,
      ],
      ['hostile request id', get('/api/retailers', `X-Request-Id: ${"'; drop table users; --"}\r\n`)],
      [
        'hostile idempotency key',
        `POST /api/demands HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.get('retailer')}\r\nIdempotency-Key: ${'k'.repeat(5000)}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      ],
    ];
    for (const [name, bytes] of cases) {
      const res = await raw(bytes);
      const found = problems(res.status, res.headers, res.text);
      const code = codeOf(res.status, res.headers, res.text);
      const expected = servable.has(name) ? ['a 2xx'] : RAW_REFUSALS[name];
      if (servable.has(name) ? res.status >= 300 : !expected.includes(code!))
        found.push(`answered ${res.status} ${code}, expected ${expected.join(' or ')}`);
      for (const f of found) findings.push(`${name}: ${f}`);
    }
    // A path id that is not a positive 32-bit integer never reaches the database (ParseIdPipe).
    for (const op of operations.filter((o) => o.pathParams.some((p) => invalidPathValue(p)))) {
      const role = op.roles.includes('admin') ? 'admin' : op.roles[0];
      for (const bad of ['-1', '0', '1.5', '2147483648', '99999999999999999999', 'abc', '0x1']) {
        const values = Object.fromEntries(
          op.pathParams.map((p) => [p.name, invalidPathValue(p) ? bad : '1']),
        );
        const sent = await send({
          method: op.method,
          url: fillPath(op, values),
          role,
          contentType: 'application/json',
          body: '{}',
        });
        const found = sent.problems;
        if (sent.res.status < 500) found.push(...refusedOtherwise(sent, ['VALIDATION_FAILED']));
        for (const f of found) findings.push(`${describeOp(op)} path ${bad}: ${f}`);
      }
    }
    // The server still answers normally afterwards.
    const health = await send({ method: 'get', url: '/api/retailers?pageSize=1', role: 'admin' });
    if (health.res.status !== 200) findings.push(`the API no longer answers: ${health.res.status}`);
    const written = diff(before, await counts());
    if (written.length) findings.push(`malformed requests wrote rows: ${written.join(', ')}`);
    expect(findings).toEqual([]);
  });

  it('leaves Object.prototype unpolluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(requests).toBeGreaterThan(1000);
  });
});
