import { Injectable } from '@nestjs/common';

/** How many order cycles a territory has left in a month at an instant, the next one included (pacing). */
export type CyclesLeftCounter = (territoryId: number, month: string, now: Date) => Promise<number>;

/**
 * Where the quota explanation reads the cycles left in a month: from the ordering context, which owns the
 * cycles and counts them the way the reservation does (one count, holidays and moves included). Ordering
 * provides the counter from its module's `onModuleInit`: quotas cannot import ordering, which reserves quota.
 */
@Injectable()
export class CyclesLeft {
  private counter: CyclesLeftCounter | null = null;

  provide(counter: CyclesLeftCounter): void {
    this.counter = counter;
  }

  inMonth(territoryId: number, month: string, now: Date): Promise<number> {
    if (!this.counter) throw new Error('no cycles-left counter: the ordering module provides it');
    return this.counter(territoryId, month, now);
  }
}
