/** The file types the store knows, by what their bytes say. */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

/**
 * A file's type from its first bytes (its "magic number"), never from the name or the type the client
 * claims: JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF····WEBP`. Anything else is unknown (null).
 */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

/** What a kind of attachment accepts and what the store keeps of it. */
export interface AttachmentKindPolicy {
  /** Types accepted on upload (sniffed). */
  accepts: readonly MediaType[];
  /** Largest upload, in bytes. */
  maxBytes: number;
  /** The type it is re-encoded to (no metadata survives a re-encode). */
  storedAs: MediaType;
  /** Longest side kept, in pixels (larger images are scaled down). */
  maxSide: number;
}

export const ATTACHMENT_KINDS = ['photo', 'signature'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * A photo (a shelf, evidence) from a phone camera: JPEG, PNG or WebP up to 8 MB, kept as JPEG at most 1600 px
 * on its longest side. A signature drawn on screen: PNG up to 512 KB, kept as PNG (lines stay sharp).
 */
export const ATTACHMENT_KIND_POLICIES: Readonly<Record<AttachmentKind, AttachmentKindPolicy>> = {
  photo: {
    accepts: ['image/jpeg', 'image/png', 'image/webp'],
    maxBytes: 8 * 1024 * 1024,
    storedAs: 'image/jpeg',
    maxSide: 1600,
  },
  signature: { accepts: ['image/png'], maxBytes: 512 * 1024, storedAs: 'image/png', maxSide: 1200 },
};

export type UploadRefusal =
  | { code: 'ATTACHMENT_EMPTY' }
  | { code: 'ATTACHMENT_TOO_LARGE'; maxBytes: number; sizeBytes: number }
  | { code: 'ATTACHMENT_TYPE_NOT_ALLOWED'; detected: MediaType | null; allowed: readonly MediaType[] };

/** Why an upload of this kind is refused (size, then the sniffed type), or null when it may be stored. */
export function uploadRefusal(kind: AttachmentKind, bytes: Uint8Array): UploadRefusal | null {
  const policy = ATTACHMENT_KIND_POLICIES[kind];
  if (bytes.length === 0) return { code: 'ATTACHMENT_EMPTY' };
  if (bytes.length > policy.maxBytes) {
    return { code: 'ATTACHMENT_TOO_LARGE', maxBytes: policy.maxBytes, sizeBytes: bytes.length };
  }
  const detected = sniffMediaType(bytes);
  if (!detected || !policy.accepts.includes(detected)) {
    return { code: 'ATTACHMENT_TYPE_NOT_ALLOWED', detected, allowed: policy.accepts };
  }
  return null;
}
