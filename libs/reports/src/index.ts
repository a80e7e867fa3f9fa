export * from './reports.module.js';
export * from './kpi-workbook/kpi-workbook.entity.js';
export * from './kpi-workbook/kpi-workbook.builder.js';
export * from './month-close/month-close.service.js';
