import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '#libs/attachments';
import { AuditModule } from '#libs/audit';
import { OrderingModule } from '#libs/ordering';
import { OrgModule } from '#libs/org';
import { deliveryEntities } from './delivery.entity.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryFeedbackService } from './delivery-feedback.service.js';
import { DeliveryPlanningService } from './delivery-planning.service.js';
import { PunctualityService } from './punctuality.service.js';
import { DeliveryJobs } from './delivery.jobs.js';
import { DeliveryOrgMove } from './delivery-org-move.js';
import { DoorCodes } from './door-codes.js';
import {
  DeliveriesController,
  DeliveryFeedbackController,
  DeliveryRunsController,
} from './deliveries.controller.js';

@Module({
  imports: [
    TypeOrmModule.forFeature(deliveryEntities),
    AttachmentsModule,
    AuditModule,
    OrderingModule,
    OrgModule,
  ],
  providers: [
    DeliveriesService,
    DeliveryFeedbackService,
    DeliveryPlanningService,
    PunctualityService,
    DeliveryJobs,
    DeliveryOrgMove,
    DoorCodes,
  ],
  controllers: [DeliveriesController, DeliveryRunsController, DeliveryFeedbackController],
  exports: [PunctualityService, DeliveryPlanningService],
})
export class DeliveryModule {}
