import { IsOmittable } from '../http/validation.js';
import { applyDecorators, StreamableFile } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { excelError } from './excel.errors.js';
import { attachment, readUploadedXlsx, type UploadedFile, wantsXlsx } from './http.js';
import { importErrorDetails, importErrorWorkbook } from './import-report.js';
import type { RowError } from './table-import.js';
import { XLSX_CONTENT_TYPE } from './xlsx-writer.js';
import type { SheetRow } from './xlsx-reader.js';

export class ImportQuery {
  @ApiPropertyOptional({
    enum: ['json', 'xlsx'],
    description: 'How a refused import is reported: JSON (default) or the file back with an error column',
  })
  @IsOmittable()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

/** An all-or-nothing import: its summary, or every row problem with the rows as uploaded. */
export type ImportOutcome<S> =
  { ok: true; summary: S } | { ok: false; errors: RowError[]; header: string[]; rows: SheetRow[] };

/** OpenAPI for a route taking one file as multipart field `file` (an .xlsx import, a photo, a signature). */
export const ApiFileUpload = () =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary' } },
      },
    }),
  );

/** OpenAPI for a route taking one .xlsx as multipart field `file`. */
export const ApiXlsxUpload = ApiFileUpload;

/** OpenAPI for a route answering an .xlsx file. */
export const ApiXlsxResponse = () =>
  applyDecorators(
    ApiProduces(XLSX_CONTENT_TYPE),
    ApiOkResponse({ content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } } }),
  );

/** An .xlsx answered as a download named `name` (`asciiName` for clients that cannot read RFC 5987). */
export function xlsxFile(content: Uint8Array | Readable, name: string, asciiName: string): StreamableFile {
  const options = { type: XLSX_CONTENT_TYPE, disposition: attachment(name, asciiName) };
  // Two constructor overloads, one for each kind of content.
  return content instanceof Uint8Array
    ? new StreamableFile(content, options)
    : new StreamableFile(content, options);
}

/**
 * An import route's whole work: reads the .xlsx uploaded as multipart field `file`, runs the import on it and
 * answers as {@link answerImport}.
 */
export async function xlsxImport<S>(
  request: FastifyRequest,
  query: ImportQuery,
  reply: FastifyReply,
  errorFile: { name: string; asciiName: string },
  run: (file: UploadedFile) => Promise<ImportOutcome<S>>,
): Promise<S | StreamableFile> {
  return answerImport(await run(await readUploadedXlsx(request)), request, query, reply, errorFile);
}

/**
 * How every import answers: the summary when it went through; otherwise 400 IMPORT_ROWS_INVALID listing every
 * problem — as JSON, or (`?format=xlsx` / an Accept header asking for .xlsx) the uploaded sheet with an error column.
 */
export function answerImport<S>(
  outcome: ImportOutcome<S>,
  request: FastifyRequest,
  query: ImportQuery,
  reply: FastifyReply,
  errorFile: { name: string; asciiName: string },
): S | StreamableFile {
  if (outcome.ok) return outcome.summary;
  if (wantsXlsx(query.format, request.headers.accept)) {
    void reply.status(400).header('x-error-code', 'IMPORT_ROWS_INVALID');
    return xlsxFile(
      importErrorWorkbook(outcome.header, outcome.rows, outcome.errors).output,
      errorFile.name,
      errorFile.asciiName,
    );
  }
  throw excelError('IMPORT_ROWS_INVALID', importErrorDetails(outcome.errors, outcome.rows.length));
}
