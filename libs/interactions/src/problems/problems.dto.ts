import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BooleanText, IntegerText, IsOmittable, PageQuery } from '#libs/shared';
import {
  CASE_ANSWER_HOURS_MAX,
  CASE_STATES,
  type CaseState,
  PROBLEM_KINDS,
  type ProblemKind,
  THREE_ROLES,
  type ThreeRole,
} from '../domain/index.js';

export class RaiseProblemDto {
  @ApiProperty({ description: 'The retailer where it happened (in the raiser’s scope)' })
  @IsInt()
  @Min(1)
  retailerId: number;

  @ApiProperty({ enum: PROBLEM_KINDS })
  @IsIn(PROBLEM_KINDS)
  kind: ProblemKind;

  @ApiPropertyOptional({
    enum: THREE_ROLES,
    description: 'The role the problem is about: required for `other`, else the kind’s (may be repeated)',
  })
  @IsOmittable()
  @IsIn(THREE_ROLES)
  aboutRole?: ThreeRole;

  @ApiProperty({ minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  description: string;
}

export class AnswerProblemDto {
  @ApiProperty({ minLength: 2, maxLength: 2000, description: 'What was found and what is done about it' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  answer: string;
}

export class ProblemQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATES })
  @IsOmittable()
  @IsIn(CASE_STATES)
  status?: CaseState;

  @ApiPropertyOptional({ description: 'Only problems still waiting for their answer (open or escalated)' })
  @IsOmittable()
  @BooleanText()
  @IsBoolean()
  awaitingAnswer?: boolean;

  @ApiPropertyOptional()
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  retailerId?: number;
}

export class ProblemPolicyDto {
  @ApiPropertyOptional({ description: 'Admins name the department; others work on their own' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  departmentId?: number;

  @ApiProperty({ minimum: 1, maximum: CASE_ANSWER_HOURS_MAX, example: 48 })
  @IsInt()
  @Min(1)
  @Max(CASE_ANSWER_HOURS_MAX)
  answerHours: number;
}

export class ProblemPolicyQuery {
  @ApiPropertyOptional({ description: 'Admins name the department' })
  @IsOmittable()
  @IntegerText()
  @IsInt()
  @Min(1)
  departmentId?: number;
}
