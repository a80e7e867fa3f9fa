import { defineErrors } from '../errors/domain-error.js';

/** Codes of every spreadsheet import, whatever is imported. */
export const excelError = defineErrors({
  IMPORT_FILE_MISSING: {
    status: 400,
    message: 'Send the spreadsheet as multipart/form-data in the field "file"',
  },
  IMPORT_UPLOAD_MALFORMED: {
    status: 400,
    message: 'The upload is not well-formed multipart/form-data (boundary, parts or end missing)',
  },
  IMPORT_FILE_NOT_XLSX: { status: 400, message: 'The file is not an Excel .xlsx workbook' },
  IMPORT_FILE_EMPTY: { status: 400, message: 'The first sheet has no header row or no data rows' },
  IMPORT_TOO_MANY_ROWS: { status: 400, message: 'The sheet has more rows than one import accepts' },
  IMPORT_HEADERS_INVALID: {
    status: 400,
    message: 'The header row does not match the template; nothing was imported',
  },
  IMPORT_ROWS_INVALID: { status: 400, message: 'Some rows are invalid; nothing was imported' },
});
