import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { OrgModule } from '#libs/org';
import { catalogEntities } from './brand.entity.js';
import { BrandsService } from './brands.service.js';
import { BrandsController, FocusTiersController, KeyBrandsController } from './catalog.controller.js';
import { BrandExcelService } from './excel/brand-excel.service.js';
import { FocusTiersService } from './focus-tiers.service.js';
import { KeyBrandsService } from './key-brands.service.js';
import { BrandDirectory } from './brand-directory.js';

@Module({
  imports: [TypeOrmModule.forFeature(catalogEntities), AuditModule, OrgModule],
  providers: [BrandsService, KeyBrandsService, FocusTiersService, BrandExcelService, BrandDirectory],
  controllers: [BrandsController, KeyBrandsController, FocusTiersController],
  exports: [FocusTiersService, BrandDirectory],
})
export class CatalogModule {}
