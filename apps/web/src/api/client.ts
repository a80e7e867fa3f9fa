// The typed client: schema.d.ts is generated from the API's OpenAPI document (`npm run api:client`; CI fails
// when it differs from what the routes and DTOs produce) and openapi-fetch calls the API with its types.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };

export const api = createClient<paths>({ baseUrl: '' });
