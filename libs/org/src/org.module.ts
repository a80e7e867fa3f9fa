import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgUnit, TerritoryRoute } from './org-unit.entity.js';
import { OrgMoveParticipants } from './org-move-participants.js';
import { OrgService } from './org.service.js';
import { OrgController } from './org.controller.js';
import { OrgDirectory } from './ports/org.directory.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, TerritoryRoute]), AuditModule],
  providers: [OrgService, OrgDirectory, OrgMoveParticipants],
  controllers: [OrgController],
  exports: [OrgDirectory, OrgMoveParticipants],
})
export class OrgModule {}
