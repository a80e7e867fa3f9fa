import { ApiProperty } from '@nestjs/swagger';

class DatabaseHealthResponse {
  @ApiProperty({ enum: ['up'] }) status: 'up';
  @ApiProperty({ description: 'How long a trivial query took' }) latencyMs: number;
}

/** GET /health when the API and its database answer, for the OpenAPI document. */
export class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty() database: DatabaseHealthResponse;
  @ApiProperty() uptimeSeconds: number;
}
