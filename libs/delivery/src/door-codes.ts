import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/shared';

/**
 * The one-time door code 到户确认码 a retailer gives the driver: six digits derived from the stop and its
 * delivery date with a server-side key, so it is good for that stop on that day only and nothing is stored;
 * it is used once because a stop is completed once.
 */
@Injectable()
export class DoorCodes {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update('delivery door code').digest();
  }

  codeOf(deliveryId: number, deliveryDate: string): string {
    const digest = createHmac('sha256', this.key).update(`${deliveryId}:${deliveryDate}`).digest();
    return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  }

  verifies(deliveryId: number, deliveryDate: string, code: string): boolean {
    const expected = Buffer.from(this.codeOf(deliveryId, deliveryDate));
    const given = Buffer.from(code);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
