import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { DomainError } from '../errors/domain-error.js';
import { excelError } from './excel.errors.js';

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the real (Chinese) name in RFC 5987
 * form, which every current browser uses.
 */
export function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The client asked for a spreadsheet answer: `?format=xlsx`, or an Accept header naming .xlsx first. */
export function wantsXlsx(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'xlsx';
  return (accept ?? '').split(',')[0]?.trim().startsWith('application/vnd.openxmlformats') ?? false;
}

export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

/**
 * The multipart parser's own failures: size limits keep their coded 413 (`FST_…` errors with a status, mapped
 * by the filter); anything else it throws (no boundary, a truncated body, a missing end) is the client's
 * malformed upload, not an internal error.
 */
function malformedUpload(error: unknown): unknown {
  const status = (error as { statusCode?: number })?.statusCode;
  if (error instanceof DomainError || status === 413) return error;
  return excelError('IMPORT_UPLOAD_MALFORMED');
}

/** The .xlsx sent as multipart field `file` (size limited by the multipart plugin: 413 above it). */
export async function readUploadedXlsx(request: FastifyRequest): Promise<UploadedFile> {
  if (!request.isMultipart()) throw excelError('IMPORT_FILE_MISSING');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  let buffer: Buffer;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') throw excelError('IMPORT_FILE_MISSING');
    buffer = await part.toBuffer();
  } catch (error) {
    throw malformedUpload(error);
  }
  // Every .xlsx is a zip archive: it starts with a local file header "PK\3\4".
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    throw excelError('IMPORT_FILE_NOT_XLSX', { filename: part.filename });
  }
  return { filename: part.filename, buffer };
}
