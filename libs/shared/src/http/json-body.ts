import type { FastifyInstance, FastifyRequest } from 'fastify';
import { commonError } from '../errors/index.js';

/**
 * The deepest JSON nesting a request body may have. The deepest DTO is 3 levels; every recursive step after
 * parsing (prototype-key stripping, class-transformer, class-validator) walks the whole tree, and ten thousand
 * levels overflow the stack there: a 500 from a 20 kB body.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether the JSON text nests arrays/objects deeper than `max` (brackets inside strings do not count). */
export function jsonNestsDeeperThan(text: string | Buffer, max: number): boolean {
  // Buffer or string alike: the bytes that matter are ASCII, never part of a multi-byte UTF-8 sequence.
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c /* \ */) i += 1;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth -= 1;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The JSON body parser for `app.useBodyParser('application/json', …)`: Fastify's own (prototype poisoning
 * refused) behind a nesting-depth check, so a body nested deeper than MAX_JSON_DEPTH answers 400 BODY_TOO_DEEP
 * before it is parsed.
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(commonError('BODY_TOO_DEEP', { maxDepth: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parse(request, body as unknown as string, done);
  };
}
