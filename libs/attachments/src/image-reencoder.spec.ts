import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { reencodeImage } from './image-reencoder.js';

/** A phone photo as cameras write it: EXIF with a GPS position, the camera's serial, rotated by orientation 6. */
async function cameraJpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3060c0' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Model X', Copyright: 'SECRET-SERIAL-123' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 15/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '120/1 10/1 0/1',
      },
    })
    .toBuffer();
}

describe('reencodeImage', () => {
  it('keeps the pixels of a camera JPEG and none of its metadata, turned upright', async () => {
    const input = await cameraJpeg();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    expect(input.includes('SECRET-SERIAL-123')).toBe(true);

    const out = await reencodeImage('photo', input);
    const meta = await sharp(out.bytes).metadata();
    expect(out.mediaType).toBe('image/jpeg');
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(out.bytes.includes('SECRET-SERIAL-123')).toBe(false);
    expect(out.bytes.includes('PhoneMaker')).toBe(false);
    // Orientation 6 (rotate 90°) applied: 64×48 becomes 48×64.
    expect({ width: out.width, height: out.height }).toEqual({ width: 48, height: 64 });
  });

  it('drops what a PNG carries beside its pixels (text chunks, bytes after the end) and keeps it a PNG for a signature', async () => {
    const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: '#00000000' } })
      .png()
      .withMetadata({ exif: { IFD0: { Artist: 'WHO-SIGNED' } } })
      .toBuffer();
    const withTrailer = Buffer.concat([png, Buffer.from('<script>alert(1)</script>')]);
    const out = await reencodeImage('signature', withTrailer);
    expect(out.mediaType).toBe('image/png');
    expect((await sharp(out.bytes).metadata()).format).toBe('png');
    expect(out.bytes.includes('WHO-SIGNED')).toBe(false);
    expect(out.bytes.includes('<script>')).toBe(false);
    expect({ width: out.width, height: out.height }).toEqual({ width: 300, height: 120 });
  });

  it('scales a large photo down to 1600 px on its longest side, never up', async () => {
    const big = await sharp({ create: { width: 3200, height: 1800, channels: 3, background: '#808080' } })
      .jpeg()
      .toBuffer();
    expect(await reencodeImage('photo', big)).toMatchObject({ width: 1600, height: 900 });
    const small = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#808080' } })
      .png()
      .toBuffer();
    expect(await reencodeImage('photo', small)).toMatchObject({
      width: 20,
      height: 10,
      mediaType: 'image/jpeg',
    });
  });

  it('throws on bytes that only look like an image', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg')]);
    await expect(reencodeImage('photo', fake)).rejects.toThrow();
  });
});
