import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, PageOf, Roles } from '#libs/shared';
import { AuditService } from './audit.service.js';
import { AuditQuery } from './dto/audit-query.dto.js';
import { AuditEntryResponse } from './dto/audit.responses.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({ summary: 'The append-only audit trail (own department; admins: all)' })
  @ApiOkResponse({ type: PageOf(AuditEntryResponse) })
  list(@CurrentActor() actor: Actor, @Query() query: AuditQuery) {
    return this.audit.list(actor, query);
  }

  @Get(':id')
  @Roles('admin', 'department_head', 'inspector')
  @ApiOperation({ summary: 'One audit entry with its before and after' })
  @ApiOkResponse({ type: AuditEntryResponse })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.audit.get(actor, id);
  }
}
