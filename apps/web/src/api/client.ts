// Provisional typed client, generated from the API's /docs-json with openapi-typescript (schema.d.ts) and
// openapi-fetch; the generated client with its drift check replaces both files.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };

export const api = createClient<paths>({ baseUrl: '' });
