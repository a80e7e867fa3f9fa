import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { type Actor, notFound, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { DistrictType } from './retailer.entity.js';
import { retailersError } from './retailers.errors.js';
import type { CreateDistrictTypeDto, UpdateDistrictTypeDto } from './dto/retailer.dto.js';

/** The configurable list of business-district types 商圈类型. */
@Injectable()
export class DistrictTypesService {
  constructor(
    @InjectRepository(DistrictType) private readonly types: Repository<DistrictType>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  list(includeRetired = false, manager: EntityManager = this.types.manager): Promise<DistrictType[]> {
    return manager.find(DistrictType, {
      where: includeRetired ? {} : { active: true },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
  }

  /** Throws unless `code` names an active type (a retired one stays valid on retailers that have it). */
  async assertUsable(manager: EntityManager, code: string | null | undefined, current?: string | null) {
    if (code === null || code === undefined || code === current) return;
    const type = await manager.findOneBy(DistrictType, { code });
    if (!type || !type.active) throw retailersError('RETAILER_DISTRICT_TYPE_UNKNOWN', { districtType: code });
  }

  async create(actor: Actor, dto: CreateDistrictTypeDto): Promise<DistrictType> {
    return this.transactions.run(async (manager) => {
      const taken = await manager
        .createQueryBuilder(DistrictType, 'd')
        .where('d.code = :code OR d.name = :name', { code: dto.code, name: dto.name })
        .getExists();
      if (taken) throw retailersError('DISTRICT_TYPE_CODE_TAKEN', { code: dto.code, name: dto.name });
      const type = manager.create(DistrictType, { ...dto, sortOrder: dto.sortOrder ?? 0, active: true });
      await manager.insert(DistrictType, type);
      await this.audit.record(manager, actor, {
        action: 'district_type.create',
        entityType: 'district_type',
        entityId: type.code,
        after: { ...type },
      });
      return type;
    });
  }

  async update(actor: Actor, code: string, dto: UpdateDistrictTypeDto): Promise<DistrictType> {
    return this.transactions.run(async (manager) => {
      const type = await manager.findOne(DistrictType, {
        where: { code },
        lock: { mode: 'pessimistic_write' },
      });
      if (!type) throw notFound('district type', code);
      const before = { ...type };
      if (dto.name !== undefined && dto.name !== type.name) {
        if (await manager.existsBy(DistrictType, { name: dto.name })) {
          throw retailersError('DISTRICT_TYPE_CODE_TAKEN', { name: dto.name });
        }
        type.name = dto.name;
      }
      if (dto.sortOrder !== undefined) type.sortOrder = dto.sortOrder;
      if (dto.active !== undefined) type.active = dto.active;
      await manager.save(type);
      await this.audit.record(manager, actor, {
        action: 'district_type.update',
        entityType: 'district_type',
        entityId: code,
        before,
        after: { ...type },
      });
      return type;
    });
  }
}
