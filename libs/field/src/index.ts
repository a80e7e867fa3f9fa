export * from './field.module.js';
export * from './field.entities.js';
export * from './field.errors.js';
export * from './forecasts/actual-volumes.js';
export * from './forecasts/forecast.entity.js';
export * from './visits/visit.entity.js';
export * from './calls/call.entity.js';
export * from './policy/field-policy.entity.js';
export * from './policy/field-policy.values.js';
export * from './domain/index.js';
export * from './facts/field-facts.js';
export type {
  AccuracyReport,
  TerritoryAccuracy,
  SpecAccuracy,
  AccuracySummary,
} from './forecasts/accuracy-report.js';
