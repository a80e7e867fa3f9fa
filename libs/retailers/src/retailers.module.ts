import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Retailer, RetailerGrade } from './retailer.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Retailer, RetailerGrade])],
})
export class RetailersModule {}
