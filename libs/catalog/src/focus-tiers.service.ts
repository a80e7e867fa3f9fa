import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Actor, TransactionRunner } from '#libs/shared';
import { AuditService } from '#libs/audit';
import { OrgDirectory } from '#libs/org';
import { DEFAULT_FOCUS_TIERS, type FocusMarket, type FocusTiers } from './domain/index.js';
import { FocusTier } from './brand.entity.js';
import { catalogError } from './catalog.errors.js';
import type { FocusTiersDto } from './dto/brand.dto.js';

export interface FocusTiersView {
  departmentId: number | null;
  urban: { minFenPerPack: number; maxFenPerPack: number | null; source: 'default' | 'department' };
  rural: { minFenPerPack: number; maxFenPerPack: number | null; source: 'default' | 'department' };
}

const MARKETS: FocusMarket[] = ['urban', 'rural'];

/** Cultivation focus price tiers per department, falling back to the domain's defaults. */
@Injectable()
export class FocusTiersService {
  constructor(
    @InjectRepository(FocusTier) private readonly tiers: Repository<FocusTier>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgDirectory,
  ) {}

  /** The tiers in force for a department (null: the defaults). */
  async tiersFor(departmentId: number | null): Promise<FocusTiers> {
    const view = await this.view(departmentId);
    return {
      urban: { minFenPerPack: view.urban.minFenPerPack, maxFenPerPack: view.urban.maxFenPerPack },
      rural: { minFenPerPack: view.rural.minFenPerPack, maxFenPerPack: view.rural.maxFenPerPack },
    };
  }

  /** The tiers a caller reads: its department's, or for an admin the named one's (none named: the defaults). */
  async viewFor(actor: Actor, requested?: number): Promise<FocusTiersView> {
    return this.view((await this.org.departmentFilter(actor, requested)) ?? null);
  }

  private async view(departmentId: number | null): Promise<FocusTiersView> {
    const rows = departmentId === null ? [] : await this.tiers.findBy({ departmentId });
    const pick = (market: FocusMarket) => {
      const row = rows.find((r) => r.market === market);
      return row
        ? {
            minFenPerPack: row.minFenPerPack,
            maxFenPerPack: row.maxFenPerPack,
            source: 'department' as const,
          }
        : { ...DEFAULT_FOCUS_TIERS[market], source: 'default' as const };
    };
    return { departmentId, urban: pick('urban'), rural: pick('rural') };
  }

  async set(actor: Actor, dto: FocusTiersDto): Promise<FocusTiersView> {
    const departmentId = await this.org.resolveDepartment(actor, dto.departmentId);
    for (const market of MARKETS) {
      const { minFenPerPack, maxFenPerPack } = dto[market];
      if (maxFenPerPack !== null && maxFenPerPack < minFenPerPack) {
        throw catalogError('FOCUS_TIER_INVALID', { market, minFenPerPack, maxFenPerPack });
      }
    }
    const before = await this.view(departmentId);
    await this.transactions.run(async (manager) => {
      await manager.upsert(
        FocusTier,
        MARKETS.map((market) => ({
          departmentId,
          market,
          minFenPerPack: dto[market].minFenPerPack,
          maxFenPerPack: dto[market].maxFenPerPack,
          updatedBy: actor.userId,
        })),
        ['departmentId', 'market'],
      );
      await this.audit.record(manager, actor, {
        action: 'focus_tiers.set',
        entityType: 'focus_tiers',
        entityId: departmentId,
        before: { urban: before.urban, rural: before.rural },
        after: { urban: dto.urban, rural: dto.rural },
        departmentId,
      });
    });
    return this.view(departmentId);
  }
}
