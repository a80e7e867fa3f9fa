export * from './ordering.module.js';
export * from './ordering.entity.js';
export * from './order-cycles.service.js';
export { CyclePlanner, GENERATION_WEEKS } from './cycle-planner.service.js';
export * from './cycle-close.service.js';
export * from './ordering-facts.service.js';
export * from './ordering-reports.service.js';
