import { Call } from './calls/call.entity.js';
import { Forecast, ForecastLine } from './forecasts/forecast.entity.js';
import { FieldPolicy } from './policy/field-policy.entity.js';
import { GuidanceCheckSample, GuidanceSampleFreeze } from './visits/guidance-sample.entity.js';
import { Visit, VisitCheck, VisitPriceCheck, VisitShelfItem } from './visits/visit.entity.js';

export const fieldEntities = [
  FieldPolicy,
  Visit,
  VisitPriceCheck,
  VisitShelfItem,
  VisitCheck,
  GuidanceSampleFreeze,
  GuidanceCheckSample,
  Call,
  Forecast,
  ForecastLine,
];
