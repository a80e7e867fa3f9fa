import sharp from 'sharp';
import { ATTACHMENT_KIND_POLICIES, type AttachmentKind, type MediaType } from './domain/media-type.rule.js';

export interface ReencodedImage {
  bytes: Buffer;
  mediaType: MediaType;
  width: number;
  height: number;
}

/** Images larger than this many pixels are refused before decoding (a "decompression bomb"). */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Decodes an image and encodes it again: only the pixels survive, never the metadata the file carried (EXIF
 * with the phone's position and serial number, XMP, ICC profiles, comments, trailing bytes). The EXIF
 * orientation is applied first, so a photo taken upright stays upright. Throws when the bytes do not decode.
 */
export async function reencodeImage(kind: AttachmentKind, input: Uint8Array): Promise<ReencodedImage> {
  const policy = ATTACHMENT_KIND_POLICIES[kind];
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: policy.maxSide, height: policy.maxSide, fit: 'inside', withoutEnlargement: true });
  const encoded =
    policy.storedAs === 'image/png'
      ? image.png({ compressionLevel: 9, palette: kind === 'signature' })
      : image.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { bytes: data, mediaType: policy.storedAs, width: info.width, height: info.height };
}
