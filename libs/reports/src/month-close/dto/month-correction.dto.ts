import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { IntegerText, IsMonthText, IsOmittable } from '#libs/shared';
import { KPI_CORRECTION_STATES, type KpiCorrectionState } from '#libs/kpi';

export class OpenCorrectionDto {
  @ApiProperty({
    minLength: 4,
    maxLength: 1000,
    example: '城关一组 11 月 12 日查实的线索结果在月结后才录入，查实率少计一条',
  })
  @IsString()
  @MinLength(4)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class DecideCorrectionDto {
  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiPropertyOptional({ maxLength: 1000, example: '已核对线索记录，同意重算' })
  @IsOmittable()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RejectCorrectionDto {
  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiProperty({ minLength: 2, maxLength: 1000, example: '结果录入有误，不予更正' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  note: string;
}

export class CorrectionQuery {
  @ApiPropertyOptional({ example: '2026-11' })
  @IsOmittable()
  @IsMonthText()
  month?: string;

  @ApiPropertyOptional({ enum: KPI_CORRECTION_STATES })
  @IsOmittable()
  @IsIn(KPI_CORRECTION_STATES)
  status?: KpiCorrectionState;

  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class MonthVersionQuery {
  @ApiPropertyOptional({ description: 'Admins: the department (required when there are several)' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}

export class CorrectionView {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty()
  departmentId: number;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: KPI_CORRECTION_STATES })
  status: KpiCorrectionState;

  @ApiProperty({ example: '待审批' })
  statusLabel: string;

  @ApiProperty()
  openedBy: number;

  @ApiProperty()
  openedAt: Date;

  @ApiProperty({ type: Number, nullable: true })
  decidedBy: number | null;

  @ApiProperty({ type: Date, nullable: true })
  decidedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  decisionNote: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The version an approval produced' })
  version: number | null;
}

export class CorrectionPage {
  @ApiProperty({ type: [CorrectionView] })
  items: CorrectionView[];
}

export class MonthVersionView {
  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty()
  closedAt: Date;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Who closed it by hand or approved the correction',
  })
  closedBy: number | null;

  @ApiProperty({
    type: CorrectionView,
    nullable: true,
    description: 'The correction that made it (version > 1)',
  })
  correction: CorrectionView | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The newer version that replaced it' })
  supersededBy: number | null;

  @ApiProperty({ description: 'Hex SHA-256 of the stored workbook (its ETag)' })
  workbookSha256: string;
}

export class MonthVersionsView {
  @ApiProperty({ example: '2026-11' })
  month: string;

  @ApiProperty()
  departmentId: number;

  @ApiProperty({ type: [MonthVersionView], description: 'Oldest first; the last is the month’s figure' })
  versions: MonthVersionView[];
}
