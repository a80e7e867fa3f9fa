import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Roles } from '#libs/shared';
import { AuditService } from './audit.service.js';
import { AuditQuery } from './dto/audit-query.dto.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({ summary: 'The append-only audit trail (own department; admins: all)' })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery) {
    return this.audit.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({ summary: 'One audit entry with its before and after' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.audit.get(actor, id);
  }
}
