export * from './cell.js';
export * from './excel.errors.js';
export * from './http.js';
export * from './table-import.js';
export * from './xlsx-reader.js';
export * from './xlsx-writer.js';
export * from './import-report.js';
export * from './import-endpoint.js';
