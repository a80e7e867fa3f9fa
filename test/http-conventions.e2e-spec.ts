import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import supertest from 'supertest';
import {
  defineErrors,
  IsOmittable,
  loadConfig,
  MAX_JSON_DEPTH,
  PageQuery,
  pageOf,
  ParseIdPipe,
} from '#libs/shared';
import { createHttpApp } from '../apps/api/src/bootstrap.js';

const probeError = defineErrors({
  PROBE_REFUSED: { status: 409, message: 'The probe refused' },
});

class ProbeLine {
  @IsInt()
  @Min(1)
  cartons: number;
}

class ProbeBody {
  @IsString()
  @MaxLength(10)
  name: string;

  @IsInt()
  @Min(0)
  @Max(100)
  count: number;

  @ValidateNested()
  @Type(() => ProbeLine)
  line: ProbeLine;

  @IsOmittable()
  @IsString()
  note?: string;
}

class ProbeOptional {
  @IsOmittable()
  @IsString()
  note?: string;
}

@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeBody) {
    return { received: body, isInstance: body instanceof ProbeBody };
  }

  @Post('optional')
  optional(@Body() body: ProbeOptional) {
    return body;
  }

  @Get('items/:id')
  item(@Param('id', ParseIdPipe) id: number) {
    return { id };
  }

  @Get('list')
  list(@Query() query: PageQuery) {
    return pageOf([], 0, query);
  }

  @Get('refuse')
  refuse() {
    throw probeError('PROBE_REFUSED', { why: 'test' });
  }

  @Get('boom')
  boom() {
    throw new Error('select * from secret_table -- internal detail');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** The HTTP pipeline (validation, error shape, codes) on a probe controller, without a database. */
describe('HTTP conventions', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof supertest>;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BODY_LIMIT_BYTES: '2048' });
    app = await createHttpApp({ module: ProbeModule }, config);
    await app.getHttpAdapter().getInstance().ready();
    http = supertest(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
  });

  it('accepts a valid body and hands the controller a typed DTO', async () => {
    const res = await http
      .post('/api/probe')
      .send({ name: 'ok', count: 3, line: { cartons: 2 } })
      .expect(201);
    expect(res.body).toEqual({ received: { name: 'ok', count: 3, line: { cartons: 2 } }, isInstance: true });
  });

  it('answers invalid fields with VALIDATION_FAILED and per-field details', async () => {
    const res = await http
      .post('/api/probe')
      .send({ name: 'far too long a name', count: -1, line: { cartons: 0 } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.statusCode).toBe(400);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['count', 'line.cartons', 'name']);
  });

  it('refuses a body that is JSON null or not an object, even where every field is optional', async () => {
    await http.post('/api/probe/optional').send({}).expect(201);
    for (const body of ['null', '[]', '"x"', '3']) {
      const res = await http.post('/api/probe/optional').set('content-type', 'application/json').send(body);
      expect([body, res.status, res.body.code]).toEqual([body, 400, 'VALIDATION_FAILED']);
    }
  });

  it('refuses unknown fields, also nested ones', async () => {
    const res = await http
      .post('/api/probe')
      .send({ name: 'a', count: 1, line: { cartons: 1, floor: 3 }, role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['line.floor', 'role']);
  });

  it('maps a domain error to its declared status and code', async () => {
    const res = await http.get('/api/probe/refuse').expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      code: 'PROBE_REFUSED',
      message: 'The probe refused',
      details: { why: 'test' },
    });
  });

  it('answers an unexpected error with a bare INTERNAL_ERROR (no stack, no SQL)', async () => {
    const res = await http.get('/api/probe/boom').expect(500);
    expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error' });
    expect(JSON.stringify(res.body)).not.toMatch(/secret_table|at .*\.ts/);
  });

  it('limits the body size with a coded 413', async () => {
    const res = await http
      .post('/api/probe')
      .send({ name: 'x'.repeat(5000), count: 1, line: { cartons: 1 } });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an optional field may be left out but not sent as null', async () => {
    await http
      .post('/api/probe')
      .send({ name: 'a', count: 1, line: { cartons: 1 } })
      .expect(201);
    await http
      .post('/api/probe')
      .send({ name: 'a', count: 1, line: { cartons: 1 }, note: 'n' })
      .expect(201);
    const res = await http.post('/api/probe').send({ name: 'a', count: 1, line: { cartons: 1 }, note: null });
    expect([res.status, res.body.code, res.body.details[0].field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'note',
    ]);
  });

  it('takes a path id only as plain digits (no hex, exponent or sign)', async () => {
    expect((await http.get('/api/probe/items/17').expect(200)).body).toEqual({ id: 17 });
    for (const id of ['0x11', '1e3', '-1', '1.5', '2147483648', '+1']) {
      const res = await http.get(`/api/probe/items/${id}`);
      expect([id, res.status, res.body.code]).toEqual([id, 400, 'VALIDATION_FAILED']);
    }
  });

  it('refuses a JSON body nested deeper than the cap with BODY_TOO_DEEP, before parsing it', async () => {
    const nested = (depth: number) =>
      `{"name":"a","count":1,"line":{"cartons":1},"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    // Within the cap the body is parsed and validated (refused for the unknown field, not for its depth).
    const within = await http
      .post('/api/probe')
      .set('content-type', 'application/json')
      .send(nested(MAX_JSON_DEPTH - 1));
    expect([within.status, within.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // 900 levels: as deep as the probe's 2 kB body limit allows (the real API's is 1 MB).
    for (const depth of [MAX_JSON_DEPTH, 900]) {
      const res = await http.post('/api/probe').set('content-type', 'application/json').send(nested(depth));
      expect([res.status, res.body.code]).toEqual([400, 'BODY_TOO_DEEP']);
    }
    // Brackets inside strings are text, not nesting.
    const text = `{"name":"${'['.repeat(9)}","count":1,"line":{"cartons":1}}`;
    await http.post('/api/probe').set('content-type', 'application/json').send(text).expect(201);
  });

  it('answers what the HTTP parser refuses (headers too large) with a code', async () => {
    const res = await http.get('/api/probe/list').set('x-pad', 'p'.repeat(20_000));
    expect(res.status).toBe(431);
    expect(res.body).toEqual({
      statusCode: 431,
      code: 'HEADERS_TOO_LARGE',
      message: 'The request line or headers are too large',
    });
  });

  it('paginates with defaults and caps the page size', async () => {
    expect((await http.get('/api/probe/list').expect(200)).body).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
    });
    const res = await http.get('/api/probe/list?pageSize=500').expect(400);
    expect(res.body.details[0].field).toBe('pageSize');
    const wrongType = await http.get('/api/probe/list?page=abc').expect(400);
    expect(wrongType.body.code).toBe('VALIDATION_FAILED');
  });
});
