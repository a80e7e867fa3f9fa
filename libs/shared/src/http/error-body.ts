import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The shape of every error response. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable, upper-snake error code' })
  code: string;

  @ApiProperty({ example: 'The request is invalid' })
  message: string;

  @ApiPropertyOptional({ description: 'Structured details, e.g. per-field validation errors' })
  details?: unknown;
}
