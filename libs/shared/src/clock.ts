import { Injectable } from '@nestjs/common';

/**
 * The time, injected, so rules that depend on it (cutoffs, locks, deadlines) are tested without waiting.
 * Tests replace `now` on the app's instance.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
