import { Injectable } from '@nestjs/common';

/** The current instant, injected so tests can stand at a month boundary without waiting for it. */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
