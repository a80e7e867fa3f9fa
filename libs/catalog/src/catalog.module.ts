import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Brand, KeyBrand } from './brand.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Brand, KeyBrand])],
})
export class CatalogModule {}
