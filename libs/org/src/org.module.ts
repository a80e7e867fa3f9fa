import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgUnit, TerritoryRoute } from './org-unit.entity.js';
import { OrgMoveParticipants } from './org-move-participants.js';
import { OrgService } from './org.service.js';
import { OrgController } from './org.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, TerritoryRoute]), AuditModule],
  providers: [OrgService, OrgMoveParticipants],
  controllers: [OrgController],
  exports: [OrgService, OrgMoveParticipants],
})
export class OrgModule {}
