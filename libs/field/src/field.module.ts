import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '#libs/audit';
import { AuthModule } from '#libs/auth';
import { AttachmentsModule } from '#libs/attachments';
import { CalendarModule } from '#libs/calendar';
import { CatalogModule } from '#libs/catalog';
import { OrgModule } from '#libs/org';
import { RetailersModule } from '#libs/retailers';
import { CallsController } from './calls/calls.controller.js';
import { CallsService } from './calls/calls.service.js';
import { fieldEntities } from './field.entities.js';
import { FieldFacts } from './facts/field-facts.js';
import { FieldScope } from './field-scope.js';
import { FieldWorkRecording } from './field-work-recording.js';
import { ACTUAL_VOLUMES } from './forecasts/actual-volumes.js';
import { ForecastsController } from './forecasts/forecasts.controller.js';
import { ForecastsService } from './forecasts/forecasts.service.js';
import { FieldLookups } from './lookups/field-lookups.js';
import { FieldPolicyController } from './policy/field-policy.controller.js';
import { FieldPolicyService } from './policy/field-policy.service.js';
import { FieldReportsService } from './visits/field-reports.service.js';
import { GuidanceSamples } from './visits/guidance-samples.js';
import { VisitsController } from './visits/visits.controller.js';
import { VisitsService } from './visits/visits.service.js';
import { VisitPhotos } from './visits/visit-photos.js';

export interface FieldModuleOptions {
  /**
   * Where forecast accuracy reads actual volumes (the ordering context). Left out, the accuracy endpoint
   * answers 503 FORECAST_ACTUALS_UNAVAILABLE: actuals are never estimated here.
   */
  actualVolumes?: { imports?: ModuleMetadata['imports']; useExisting: InjectionToken };
}

/** Field work (visits, guidance and its checks, price/shelf checks, awareness, calls, cadence, targets) and forecasts. */
@Module({})
export class FieldModule {
  private static readonly registered = new Map<InjectionToken | undefined, DynamicModule>();

  /**
   * The module wired to an actual-volumes provider. The same provider gives back the same module object, so
   * every context importing field work (the application, KPIs, reports) shares one instance: two would
   * declare the field routes twice.
   */
  static register(options: FieldModuleOptions = {}): DynamicModule {
    const key = options.actualVolumes?.useExisting;
    let module = FieldModule.registered.get(key);
    if (!module) {
      module = FieldModule.build(options);
      FieldModule.registered.set(key, module);
    }
    return module;
  }

  private static build(options: FieldModuleOptions): DynamicModule {
    const actualVolumes = options.actualVolumes;
    return {
      module: FieldModule,
      imports: [
        TypeOrmModule.forFeature(fieldEntities),
        AuditModule,
        AttachmentsModule,
        AuthModule,
        CalendarModule,
        CatalogModule,
        OrgModule,
        RetailersModule,
        ...(actualVolumes?.imports ?? []),
      ],
      providers: [
        FieldLookups,
        FieldScope,
        FieldPolicyService,
        FieldWorkRecording,
        VisitsService,
        VisitPhotos,
        FieldReportsService,
        GuidanceSamples,
        CallsService,
        ForecastsService,
        FieldFacts,
        ...(actualVolumes ? [{ provide: ACTUAL_VOLUMES, useExisting: actualVolumes.useExisting }] : []),
      ],
      controllers: [VisitsController, CallsController, ForecastsController, FieldPolicyController],
      exports: [FieldFacts],
    };
  }
}
