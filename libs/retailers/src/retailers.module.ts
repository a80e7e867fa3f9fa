import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Retailer, RetailerGrade } from './retailer.entity.js';
import { RetailerDirectory } from './retailer-directory.js';

@Module({
  imports: [TypeOrmModule.forFeature([Retailer, RetailerGrade])],
  providers: [RetailerDirectory],
  exports: [RetailerDirectory],
})
export class RetailersModule {}
