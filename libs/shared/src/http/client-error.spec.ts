import { describe, expect, it } from '@jest/globals';
import type { Socket } from 'node:net';
import { clientErrorHandler } from './client-error.js';

function fakeSocket(state: { destroyed?: boolean; writable?: boolean } = {}) {
  const written: string[] = [];
  let destroyedWith: unknown;
  const socket = {
    destroyed: state.destroyed ?? false,
    writable: state.writable ?? true,
    write: (text: string) => written.push(text),
    destroy: (error: unknown) => {
      destroyedWith = error;
    },
  };
  return { socket: socket as unknown as Socket, written, destroyed: () => destroyedWith };
}

function answer(written: string[]) {
  const [head, body] = written[0].split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, body: JSON.parse(body) };
}

describe('clientErrorHandler', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 'HTTP/1.1 431 Request Header Fields Too Large', 431, 'HEADERS_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 'HTTP/1.1 408 Request Timeout', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 'HTTP/1.1 400 Bad Request', 400, 'BAD_REQUEST'],
    [undefined, 'HTTP/1.1 400 Bad Request', 400, 'BAD_REQUEST'],
  ])('answers %s as %s with the code %s', (code, statusLine, status, errorCode) => {
    const { socket, written, destroyed } = fakeSocket();
    const error = Object.assign(new Error('parse error'), { code });
    clientErrorHandler(error, socket);
    const res = answer(written);
    expect(res.statusLine).toBe(statusLine);
    expect(res.body).toMatchObject({ statusCode: status, code: errorCode });
    expect(res.head).toMatch(/Content-Type: application\/json/);
    expect(res.head).toContain(`Content-Length: ${Buffer.byteLength(JSON.stringify(res.body))}`);
    expect(destroyed()).toBe(error);
  });

  it('writes nothing to a reset or unwritable connection', () => {
    const reset = fakeSocket();
    clientErrorHandler(Object.assign(new Error('reset'), { code: 'ECONNRESET' }), reset.socket);
    const gone = fakeSocket({ writable: false });
    clientErrorHandler(Object.assign(new Error('x'), { code: 'HPE_INVALID_METHOD' }), gone.socket);
    expect([reset.written, gone.written]).toEqual([[], []]);
  });
});
