export * from './cycle-schedule.rule.js';
export * from './demand.lifecycle.js';
export * from './largest-remainder.rule.js';
export * from './order-anomaly.rule.js';
export * from './order-cycle.lifecycle.js';
export * from './state-machine.js';
export * from './cycle-placement.rule.js';
export * from './demand-window.rule.js';
