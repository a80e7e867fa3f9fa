import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrations } from './migrations/index.js';

describe('db/migrations/index.ts', () => {
  it('lists every migration file, in timestamp order', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
    const files = readdirSync(dir)
      .filter((f) => /^\d{13}-.+\.ts$/.test(f))
      .sort();
    const timestamps = migrations.map((m) => m.name.match(/(\d{13})$/)?.[1]);
    expect(timestamps).toEqual(files.map((f) => f.slice(0, 13)));
  });
});
