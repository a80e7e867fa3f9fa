import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgUnit, TerritoryRoute } from './org-unit.entity.js';
import { OrgService } from './org.service.js';
import { OrgController } from './org.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnit, TerritoryRoute]), AuditModule],
  providers: [OrgService],
  controllers: [OrgController],
  exports: [OrgService],
})
export class OrgModule {}
