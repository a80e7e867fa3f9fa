import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HTTP_CODE_METADATA, METHOD_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { Ajv } from 'ajv';
import type { Response } from 'supertest';
import { Clock } from '#libs/shared';
import { bearer, startDemoApp, type DemoApp } from './support/demo.js';
import { insertBrands, insertRetailers, ROUND_QUOTA_POLICY } from './support/fixtures.js';

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** OpenAPI 3.0's `nullable` (which also covers a nullable `allOf` reference) as JSON Schema, for Ajv. */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Schema;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, jsonSchema(value)]));
  return nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

/** What a route answers on success: its @HttpCode, else 201 for POST and 200 for the rest (Nest's default). */
function routeStatuses(modules: ModulesContainer): Map<string, number> {
  const statuses = new Map<string, number>();
  for (const module of modules.values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
          continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        const code = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
        statuses.set(`${metatype.name}_${name}`, code ?? (method === RequestMethod.POST ? 201 : 200));
      }
    }
  }
  return statuses;
}

describe('the OpenAPI document', () => {
  let t: DemoApp;
  let doc: Document;
  let ajv: Ajv;

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    const ref = schema?.$ref as string | undefined;
    return ref ? doc.components.schemas[ref.replace('#/components/schemas/', '')] : schema;
  };
  /** A success body the document describes: 204, a file, or JSON whose (item) schema names its properties. */
  const describesSuccess = (operation: Operation): boolean =>
    Object.entries(operation.responses).some(([status, response]) => {
      if (!status.startsWith('2')) return false;
      if (status === '204') return true;
      return Object.entries(response.content ?? {}).some(([type, { schema }]) => {
        if (type !== 'application/json') return schema?.format === 'binary';
        let body = resolve(schema);
        if (body?.type === 'array') body = resolve(body.items as Schema);
        return Object.keys((body?.properties as object | undefined) ?? {}).length > 0;
      });
    });

  /** Checks a real answer against what the document says the operation answers with that status. */
  const expectDocumented = (method: string, path: string, res: Response) => {
    const operation = doc.paths[path]?.[method];
    expect(operation).toBeDefined();
    const schema = operation.responses[String(res.status)]?.content?.['application/json']?.schema;
    expect({ status: res.status, documented: schema !== undefined }).toEqual({
      status: res.status,
      documented: true,
    });
    const validate = ajv.compile(jsonSchema({ ...schema, components: doc.components }) as Schema);
    const valid = validate(res.body);
    expect({ path, errors: validate.errors ?? [] }).toEqual({ path, errors: [] });
    expect(valid).toBe(true);
  };

  beforeAll(async () => {
    t = await startDemoApp();
    doc = (await t.http.get('/docs-json').expect(200)).body;
    ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('describes the success body of every operation', () => {
    const missing = operations()
      .filter(({ operation }) => !describesSuccess(operation))
      .map(({ key }) => key);
    expect(missing).toEqual([]);
  });

  it('documents the status each route answers with on success', () => {
    const statuses = routeStatuses(t.app.get(ModulesContainer));
    expect(statuses.size).toBe(operations().length);
    const wrong = operations().flatMap(({ key, operation }) => {
      const documented = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      const actual = statuses.get(operation.operationId);
      return documented.length === 0 || documented.every((status) => Number(status) === actual)
        ? []
        : [`${key}: documents ${documented.join(', ')}, answers ${actual}`];
    });
    expect(wrong).toEqual([]);
  });

  it('matches real answers of the console’s routes', async () => {
    const admin = bearer(await t.token('admin'));
    const head = bearer(await t.token('head'));
    const clock = jest.spyOn(t.app.get(Clock), 'now');
    clock.mockReturnValue(new Date('2026-12-10T02:00:00Z'));
    const [retailer] = await insertRetailers(t, [
      { licenseNo: '230000000001', territory: 'T001', grade: 20, withUser: true },
    ]);
    const [brand] = await insertBrands(t, [{ code: 'OA1', priceClass: 3, wholesalePriceFen: 4000 }]);
    await t.http
      .put('/api/quota-policies')
      .set(bearer(await t.token('head')))
      .send(ROUND_QUOTA_POLICY)
      .expect(200);

    expectDocumented('get', '/api/retailers', await t.http.get('/api/retailers').set(admin).expect(200));
    expectDocumented('get', '/api/retailers/{id}', await t.http.get(`/api/retailers/${retailer}`).set(admin));
    expectDocumented(
      'get',
      '/api/retailers/classifications',
      await t.http.get('/api/retailers/classifications').set(admin),
    );
    expectDocumented(
      'get',
      '/api/retailers/{id}/grades',
      await t.http.get(`/api/retailers/${retailer}/grades`).set(admin),
    );
    expectDocumented(
      'get',
      '/api/retailers/{id}/big-account',
      await t.http.get(`/api/retailers/${retailer}/big-account`).set(admin),
    );
    expectDocumented(
      'get',
      '/api/retailers/{id}/quota',
      await t.http.get(`/api/retailers/${retailer}/quota?month=2026-12`).set(admin).expect(200),
    );
    expectDocumented(
      'get',
      '/api/quota-policies',
      await t.http
        .get('/api/quota-policies')
        .set(bearer(await t.token('head')))
        .expect(200),
    );
    expectDocumented('get', '/api/brands', await t.http.get('/api/brands').set(admin).expect(200));
    expectDocumented(
      'get',
      '/api/key-brands',
      await t.http
        .get('/api/key-brands')
        .set(bearer(await t.token('head')))
        .expect(200),
    );
    expectDocumented('get', '/api/visits', await t.http.get('/api/visits').set(admin).expect(200));
    expectDocumented(
      'get',
      '/api/visits/overdue',
      await t.http.get('/api/visits/overdue').set(admin).expect(200),
    );
    expectDocumented(
      'get',
      '/api/forecasts/{month}',
      await t.http.get('/api/forecasts/2026-12').set(admin).expect(200),
    );
    expectDocumented(
      'get',
      '/api/kpi/definitions',
      await t.http.get('/api/kpi/definitions').set(head).expect(200),
    );
    expectDocumented(
      'get',
      '/api/kpi/account-managers',
      await t.http.get('/api/kpi/account-managers?month=2026-11').set(head).expect(200),
    );
    expectDocumented(
      'get',
      '/api/cultivation/tasks',
      await t.http.get('/api/cultivation/tasks').set(head).expect(200),
    );
    expectDocumented('get', '/health', await t.http.get('/health').expect(200));
    expectDocumented(
      'get',
      '/api/org-units/territories',
      await t.http.get('/api/org-units/territories').set(admin).expect(200),
    );
    expectDocumented('get', '/api/users', await t.http.get('/api/users').set(admin).expect(200));
    expectDocumented('get', '/api/audit', await t.http.get('/api/audit').set(admin).expect(200));
    expectDocumented(
      'get',
      '/api/calendar/years/{year}',
      await t.http.get('/api/calendar/years/2026').set(head).expect(200),
    );
    expectDocumented('get', '/api/deliveries', await t.http.get('/api/deliveries').set(admin).expect(200));
    expectDocumented(
      'get',
      '/api/delivery-runs',
      await t.http.get('/api/delivery-runs?date=2026-12-15').set(admin).expect(200),
    );
    expectDocumented(
      'get',
      '/api/deliveries/punctuality',
      await t.http.get('/api/deliveries/punctuality?month=2026-11').set(admin).expect(200),
    );
    expectDocumented('get', '/api/leads', await t.http.get('/api/leads').set(admin).expect(200));
    expectDocumented('get', '/api/district-types', await t.http.get('/api/district-types').set(admin));

    const cycle = await t.http
      .post('/api/order-cycles')
      .set(admin)
      .send({
        territoryId: await t.unitId('T001'),
        orderDate: '2026-12-14',
        opensAt: '2026-12-13T04:00:00Z',
        cutoffAt: '2026-12-14T08:00:00Z',
      })
      .expect(201);
    expectDocumented('post', '/api/order-cycles', cycle);
    expectDocumented(
      'get',
      '/api/order-cycles',
      await t.http.get('/api/order-cycles').set(admin).expect(200),
    );
    clock.mockReturnValue(new Date('2026-12-14T02:00:00Z'));
    const shop = bearer(await t.token('230000000001'));
    const demand = await t.http
      .post('/api/demands')
      .set(shop)
      .send({ retailerId: retailer, channel: 'self', lines: [{ brandId: brand, cartons: 5 }] })
      .expect(201);
    expectDocumented('post', '/api/demands', demand);
    expectDocumented('get', '/api/demands', await t.http.get('/api/demands').set(shop).expect(200));
    expectDocumented(
      'get',
      '/api/demands/{id}',
      await t.http.get(`/api/demands/${demand.body.id}`).set(shop),
    );
    expectDocumented(
      'post',
      '/api/demands/{id}/cancel',
      await t.http.post(`/api/demands/${demand.body.id}/cancel`).set(shop).expect(200),
    );
    clock.mockRestore();
  });
});
