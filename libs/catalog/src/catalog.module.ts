import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Brand, KeyBrand } from './brand.entity.js';
import { BrandDirectory } from './brand-directory.js';

@Module({
  imports: [TypeOrmModule.forFeature([Brand, KeyBrand])],
  providers: [BrandDirectory],
  exports: [BrandDirectory],
})
export class CatalogModule {}
