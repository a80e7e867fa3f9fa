export * from './csv-writer.js';
export * from './excel.errors.js';
export * from './http.js';
export * from './xlsx-writer.js';
