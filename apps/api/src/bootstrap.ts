import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConsoleLogger, type DynamicModule, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { type DestinationStream, pino } from 'pino';
import { LogController } from 'fastify';
import {
  AllExceptionsFilter,
  type AppConfig,
  clientErrorHandler,
  frameworkErrorHandler,
  createValidationPipe,
  jsonBodyParser,
} from '#libs/shared';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { serveConsole } from './console.js';

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** A caller's request id is kept when it is sane; otherwise we make one. Stored on the raw request for the logger. */
function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

/** Routes live under /api, except the load balancer's /health. */
export function setApiPrefix(app: NestFastifyApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health'] });
}

export function buildOpenApiDocument(app: NestFastifyApplication) {
  const config = new DocumentBuilder()
    .setTitle('Tobacco retail distribution API')
    .setDescription(
      'Retailers, quotas (caps only), order-based supply, field work, three-role interaction and KPIs. ' +
        'Errors are `{statusCode, code, message, details?}` with stable codes.',
    )
    .setVersion('1.0')
    .setLicense('Proprietary: for the department’s own systems', '')
    .addServer('/', 'The server this document came from')
    .addBearerAuth()
    .addCookieAuth('session', { type: 'apiKey', in: 'cookie', name: 'session' }, 'session')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // A route without a role list is refused unless it is public (see Roles), so an operation that declares no
  // security is one anyone may call: say so explicitly.
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
  return document;
}

const NEST_LEVELS: Record<string, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

/**
 * Builds the HTTP application exactly as production runs it; tests use the same function.
 * `logDestination`: where the request log goes (stdout by default; tests read it).
 */
export function createApiApp(
  options: AppModuleOptions,
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  return createHttpApp(AppModule.forRoot(options), options.config, logDestination);
}

/** The HTTP pipeline every request goes through (adapter, logging, validation, errors, security, docs). */
export async function createHttpApp(
  rootModule: DynamicModule,
  config: AppConfig,
  logDestination?: DestinationStream,
): Promise<NestFastifyApplication> {
  // Bodies are never logged; should one ever be, no field carrying a password or token gets through.
  const secretFields = ['password', 'currentPassword', 'newPassword', 'accessToken'];
  const options = {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        ...secretFields,
        ...secretFields.map((field) => `*.${field}`),
      ],
      censor: '[redacted]',
    },
  };
  const logger = logDestination ? pino(options, logDestination) : pino(options);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Fastify's two lines per request are replaced by the one-line onResponse log below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    // What Node's HTTP parser refuses (431 headers too large, 400 malformed) answers with a code too.
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    genReqId: requestId,
    requestIdHeader: false,
    trustProxy: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: new ConsoleLogger({ json: true, logLevels: NEST_LEVELS[config.logLevel] }),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  setApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());

  const fastify = app.getHttpAdapter().getInstance();
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimitBytes }, jsonBodyParser(fastify));
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  // One line per request (never bodies, so credentials stay out of the logs).
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url !== '/health') {
      request.log.info(
        {
          method: request.method,
          url: request.url.split('?')[0],
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });
  await app.register(cors, {
    origin: config.corsOrigins,
    // Every method a route uses (the plugin's default, GET/HEAD/POST, fails the preflight of PUT and PATCH).
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH'],
    exposedHeaders: ['x-request-id', 'content-disposition'],
  });
  // The console's session cookie (libs/auth SessionCookies); unsigned: the JWT inside it is signed already.
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });

  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await serveConsole(app, config.webDir);
  await app.init();
  return app;
}
