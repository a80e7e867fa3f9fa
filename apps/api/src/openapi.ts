import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '#libs/shared';
import { AppModule } from './app.module.js';
import { buildOpenApiDocument, setApiPrefix } from './bootstrap.js';

/**
 * Writes the OpenAPI document the server serves at /docs-json, without a database or a port: the modules are
 * only scanned (Nest's preview mode instantiates nothing). `node dist/apps/api/src/openapi.js [file]`
 * (stdout without a file); `npm run lint:api` and `npm run api:client` use it.
 */
async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', JWT_SECRET: undefined });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl: 'postgres://unused/openapi' }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  setApiPrefix(app);
  const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  const file = process.argv[2];
  if (file) writeFileSync(file, json);
  else process.stdout.write(json);
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
