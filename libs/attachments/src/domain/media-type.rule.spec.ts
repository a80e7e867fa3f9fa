import { describe, expect, it } from '@jest/globals';
import { ATTACHMENT_KIND_POLICIES, sniffMediaType, uploadRefusal } from './media-type.rule.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
const WEBP = Uint8Array.from(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'));

describe('sniffMediaType', () => {
  it('reads JPEG, PNG and WebP from their first bytes', () => {
    expect(sniffMediaType(JPEG)).toBe('image/jpeg');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(WEBP)).toBe('image/webp');
  });

  it('knows nothing else, however it is named: HTML, SVG, PDF, a RIFF that is not WebP, a truncated header', () => {
    for (const text of [
      '<html><script>',
      '<svg xmlns="http://www.w3.org/2000/svg">',
      '%PDF-1.7',
      'RIFF\0\0\0\0WAVEfmt ',
      'GIF89a',
    ]) {
      expect(sniffMediaType(Uint8Array.from(Buffer.from(text, 'latin1')))).toBeNull();
    }
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMediaType(PNG.slice(0, 7))).toBeNull();
    expect(sniffMediaType(bytes())).toBeNull();
  });
});

describe('uploadRefusal', () => {
  it('takes a photo as JPEG, PNG or WebP and a signature only as PNG', () => {
    expect(uploadRefusal('photo', JPEG)).toBeNull();
    expect(uploadRefusal('photo', PNG)).toBeNull();
    expect(uploadRefusal('photo', WEBP)).toBeNull();
    expect(uploadRefusal('signature', PNG)).toBeNull();
    expect(uploadRefusal('signature', JPEG)).toEqual({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      detected: 'image/jpeg',
      allowed: ['image/png'],
    });
    expect(uploadRefusal('photo', Uint8Array.from(Buffer.from('<svg/>')))).toEqual({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      detected: null,
      allowed: ['image/jpeg', 'image/png', 'image/webp'],
    });
  });

  it('refuses an empty file and one over the kind’s limit, at the byte', () => {
    expect(uploadRefusal('photo', bytes())).toEqual({ code: 'ATTACHMENT_EMPTY' });
    const limit = ATTACHMENT_KIND_POLICIES.signature.maxBytes;
    const atLimit = new Uint8Array(limit);
    atLimit.set(PNG);
    expect(uploadRefusal('signature', atLimit)).toBeNull();
    const over = new Uint8Array(limit + 1);
    over.set(PNG);
    expect(uploadRefusal('signature', over)).toEqual({
      code: 'ATTACHMENT_TOO_LARGE',
      maxBytes: limit,
      sizeBytes: limit + 1,
    });
  });
});
