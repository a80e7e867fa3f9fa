import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, ParseIdPipe, Roles } from '#libs/shared';
import { FieldPolicyService } from './field-policy.service.js';
import { UpdateFieldPolicyDto } from './dto/field-policy.dto.js';
import { FieldPolicyResponse } from './dto/field-policy.responses.js';

@ApiTags('field work')
@Controller('field-policies')
export class FieldPolicyController {
  constructor(private readonly policies: FieldPolicyService) {}

  @Get(':departmentId')
  @Roles('admin', 'department_head', 'inspector', 'market_manager', 'account_manager')
  @ApiOperation({
    summary: 'A department’s visit cadence, visit/call targets, price tolerance and backdating window',
  })
  @ApiOkResponse({ type: FieldPolicyResponse })
  get(@CurrentActor() actor: Actor, @Param('departmentId', ParseIdPipe) departmentId: number) {
    return this.policies.get(actor, departmentId);
  }

  @Patch(':departmentId')
  @Roles('admin', 'department_head')
  @ApiOperation({ summary: 'Change the department’s field policy (audited)' })
  @ApiOkResponse({ type: FieldPolicyResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('departmentId', ParseIdPipe) departmentId: number,
    @Body() dto: UpdateFieldPolicyDto,
  ) {
    return this.policies.update(actor, departmentId, dto);
  }
}
