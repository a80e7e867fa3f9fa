import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { commonError } from '../errors/index.js';

/**
 * Answers what Node's HTTP parser refuses before any route runs (a request line or headers over the size
 * limit, malformed framing, bytes that are not HTTP, a client too slow to send its headers) in the API's
 * error shape `{statusCode, code, message}`, like every other error. Fastify's default answers without a code.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection is gone: nothing to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const failure =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? commonError('REQUEST_TIMEOUT')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? commonError('HEADERS_TOO_LARGE')
        : commonError('BAD_REQUEST', undefined, 'The request is not valid HTTP');
  if (socket.writable) {
    const body = JSON.stringify({ statusCode: failure.status, code: failure.code, message: failure.message });
    socket.write(
      `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
