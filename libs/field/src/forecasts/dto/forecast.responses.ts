import { ApiProperty } from '@nestjs/swagger';
import type { ForecastTally, SpecForecastAccuracy } from '../../domain/index.js';
import type { AccuracyReport, AccuracySummary, TerritoryAccuracy } from '../accuracy-report.js';
import type { ForecastLineView, ForecastMonthView, ForecastView } from '../forecasts.service.js';

// What the forecast routes answer, for the OpenAPI document (each class implements the type the service
// returns, so the compiler keeps the two together).

const INSTANT = { type: String, format: 'date-time' } as const;

class ForecastLineResponse implements ForecastLineView {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Cartons 条' }) cartons: number;
}

export class ForecastResponse implements ForecastView {
  @ApiProperty() id: number;
  @ApiProperty() territoryId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty() submittedBy: number;
  @ApiProperty(INSTANT) createdAt: Date;
  @ApiProperty(INSTANT) updatedAt: Date;
  @ApiProperty() totalCartons: number;
  @ApiProperty({ type: [ForecastLineResponse] }) lines: ForecastLineResponse[];
}

class TerritoryForecastResponse extends ForecastResponse {
  @ApiProperty({ type: Number, nullable: true }) accountManagerId: number | null;
}

export class ForecastMonthResponse implements ForecastMonthView {
  @ApiProperty({ example: '2026-12' }) month: string;
  @ApiProperty({ description: 'The month has started: forecasts can no longer change' }) locked: boolean;
  @ApiProperty({ type: [TerritoryForecastResponse] }) items: TerritoryForecastResponse[];
  @ApiProperty({ type: [Number], description: 'Territories in scope without a forecast' })
  missingTerritoryIds: number[];
}

class Tally implements ForecastTally {
  @ApiProperty({ description: 'Σ A: demand before rationing' }) demandCartons: number;
  @ApiProperty({ description: 'Σ F' }) forecastCartons: number;
  @ApiProperty({ description: 'Σ |A − F|' }) errorCartons: number;
  @ApiProperty({ description: 'Supplied after rationing' }) orderedCartons: number;
}

class AccuracySummaryResponse extends Tally implements AccuracySummary {
  @ApiProperty({ type: Number, nullable: true, description: 'max(0, 1 − error ÷ demand); null: no demand' })
  accuracy: number | null;
}

class SpecAccuracyResponse extends AccuracySummaryResponse implements SpecForecastAccuracy {
  @ApiProperty() brandId: number;
  @ApiProperty({ description: 'Demanded but not forecast (counted as 0)' }) forecastMissing: boolean;
  @ApiProperty() isKeyBrand: boolean;
}

class TerritoryAccuracyResponse implements TerritoryAccuracy {
  @ApiProperty() territoryId: number;
  @ApiProperty() departmentId: number;
  @ApiProperty({ type: Number, nullable: true }) accountManagerId: number | null;
  @ApiProperty({ type: [SpecAccuracyResponse] }) specs: SpecAccuracyResponse[];
  @ApiProperty() overall: AccuracySummaryResponse;
  @ApiProperty() keyBrands: AccuracySummaryResponse;
}

export class AccuracyReportResponse implements AccuracyReport {
  @ApiProperty({ example: '2026-10' }) month: string;
  @ApiProperty({ type: [TerritoryAccuracyResponse] }) territories: TerritoryAccuracyResponse[];
  @ApiProperty({ description: 'Every line of the scope, weighted by demanded volume' })
  overall: AccuracySummaryResponse;
  @ApiProperty() keyBrands: AccuracySummaryResponse;
}
