import type { TestApp } from '../support/test-app.js';
import { TEST_TODAY } from '../support/test-clock.js';

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

export interface DocumentedRoute {
  /** `METHOD /path`, as the expectation tables name routes. */
  key: string;
  method: string;
  path: string;
  operation: OpenApiOperation;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The app's own OpenAPI document and every operation in it: new routes are covered without being listed. */
export async function documentedRoutes(
  t: Pick<TestApp, 'http'>,
): Promise<{ doc: OpenApiDocument; routes: DocumentedRoute[] }> {
  const res = await t.http.get('/docs-json');
  if (res.status !== 200) throw new Error(`/docs-json answered ${res.status}`);
  const doc = res.body as OpenApiDocument;
  const routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, operation })),
  );
  return { doc, routes };
}

/** Today in the business time zone, as the API's pinned clock reads it. */
export const TODAY = TEST_TODAY;

function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Values for the required query parameters of any route, for a caller of this month, department and cycle. */
export function requiredQueryValues(scope: {
  month: string | number;
  department: string | number;
  cycle: string | number;
  territory: string | number;
}): Record<string, string | number> {
  return {
    month: scope.month,
    date: TODAY,
    weekStart: mondayOf(TODAY),
    departmentId: scope.department,
    cycleId: scope.cycle,
    territoryId: scope.territory,
  };
}
