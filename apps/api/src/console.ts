import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/**
 * The console's Content-Security-Policy: scripts and styles only from this server and only with the page's
 * nonce (no inline script, no other host); fonts, icons and images from here too.
 */
export function consolePolicy(nonce: string): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `worker-src 'self'`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

/** Paths that belong to the API, never to the console's client-side routes. */
const API_PATH = /^\/(api|docs|health)(\/|$|\?|-)/;

/**
 * Serves the built console at `/` (when `webDir` holds a build): hashed assets cached for good, precompressed
 * (.br/.gz made by the build), and every other GET that is not the API's answered with the app's page, so the
 * console's own routes survive a reload. Without a build the API runs alone.
 */
export async function serveConsole(app: NestFastifyApplication, webDir: string): Promise<boolean> {
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const page = readFileSync(indexFile, 'utf8');

  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The page is answered below with its nonce; the placeholder copy is never served as it is.
    allowedPath: (path) => path !== '/index.html',
    setHeaders: (res, path) => {
      const immutable = path.startsWith(join(root, 'assets'));
      void res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  const fastify = app.getHttpAdapter().getInstance();
  const sendPage = (reply: FastifyReply) => {
    const nonce = randomBytes(16).toString('base64');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', consolePolicy(nonce))
      .send(page.replaceAll('CSP_NONCE', nonce));
  };
  fastify.get('/', (_request, reply) => sendPage(reply));
  fastify.get('/*', (request, reply) => {
    if (API_PATH.test(request.url)) return reply.callNotFound();
    return sendPage(reply);
  });
  return true;
}
