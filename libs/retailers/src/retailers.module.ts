import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { AuthModule } from '#libs/auth';
import { OrgModule } from '#libs/org';
import { BigAccountsService } from './big-accounts.service.js';
import { DistrictTypesController } from './district-types.controller.js';
import { DistrictTypesService } from './district-types.service.js';
import { RetailerExportService } from './excel/retailer-export.service.js';
import { RetailerImportService } from './excel/retailer-import.service.js';
import { retailerEntities } from './retailer.entity.js';
import { RetailerGradesService } from './retailer-grades.service.js';
import { RetailerJobs } from './retailer-jobs.js';
import { RetailersController } from './retailers.controller.js';
import { RetailersService } from './retailers.service.js';
import { RetailerDirectory } from './retailer-directory.js';
import { RetailersOrgMove } from './retailers-org-move.js';

@Module({
  imports: [TypeOrmModule.forFeature(retailerEntities), AuditModule, OrgModule, AuthModule],
  providers: [
    RetailersService,
    RetailerGradesService,
    BigAccountsService,
    DistrictTypesService,
    RetailerImportService,
    RetailerExportService,
    RetailerJobs,
    RetailerDirectory,
    RetailersOrgMove,
  ],
  controllers: [DistrictTypesController, RetailersController],
  exports: [RetailerGradesService, BigAccountsService, RetailerDirectory],
})
export class RetailersModule {}
