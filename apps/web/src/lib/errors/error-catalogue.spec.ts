import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { CATALOGUE_CODES, errorSentence, hasSentence } from './error-catalogue';

const root = join(process.cwd(), 'libs');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every module of every lib that declares error codes (`defineErrors({...})`), found by reading the sources. */
const declaring = sourceFiles(root).filter((file) =>
  /\bdefineErrors\(\s*\{/.test(readFileSync(file, 'utf8')),
);

/** The codes those modules export: every export made by `defineErrors` carries its `specs`. */
async function declaredCodes(): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (const file of declaring) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      const specs = (value as { specs?: Record<string, unknown> } | null)?.specs;
      if (typeof value === 'function' && specs) {
        for (const code of Object.keys(specs)) codes.set(code, relative(process.cwd(), file));
      }
    }
  }
  return codes;
}

describe('the Chinese error catalogue', () => {
  it('finds the declaring modules of the libs and the shared kernel', () => {
    const names = declaring.map((file) => relative(root, file));
    expect(names).toEqual(
      expect.arrayContaining([
        'shared/src/errors/domain-error.ts',
        'shared/src/idempotency/idempotency.interceptor.ts',
        'ordering/src/ordering.errors.ts',
        'quotas/src/quota.errors.ts',
        'auth/src/auth.errors.ts',
      ]),
    );
  });

  it('has a sentence for every error code any lib declares', async () => {
    const codes = await declaredCodes();
    expect(codes.size).toBeGreaterThan(140);
    const missing = [...codes]
      .filter(([code]) => !hasSentence(code))
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('keeps no sentence for a code no lib declares', async () => {
    const codes = await declaredCodes();
    expect(CATALOGUE_CODES.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('reads as Simplified Chinese, never as the English message', () => {
    for (const code of CATALOGUE_CODES) {
      expect(errorSentence(code, {})).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('works the details in: cartons left, the limit and which specification', () => {
    expect(
      errorSentence('QUOTA_EXCEEDED', { requested: 9, remaining: 5, monthlyRemaining: 13, cap: 13 }),
    ).toBe('超出本周期可订量：本次申报 9 条，本周期最多还可订 5 条（本月剩余 13 条）。');
    expect(
      errorSentence('SCARCE_LIMIT_EXCEEDED', { brandId: 1, limit: 2, requested: 3, grade: 8 }, (id) =>
        id === 1 ? '中华(软)' : undefined,
      ),
    ).toBe('“中华(软)”超出限量：8 档每周期限 2 条，本次申报 3 条。');
    expect(errorSentence('TOO_MANY_ATTEMPTS', { retryAfterSeconds: 290 })).toBe(
      '登录失败次数过多，请 5 分钟后再试。',
    );
  });

  it('names the fields a validation failure lists, in Chinese, once each', () => {
    const details = [
      { field: 'lines[0].cartons', errors: ['cartons must not be less than 1'] },
      { field: 'lines[1].cartons', errors: ['cartons must not be less than 1'] },
      { field: 'newPassword', errors: ['too short'] },
    ];
    expect(errorSentence('VALIDATION_FAILED', details)).toBe('填写有误，请检查：数量（条）、新密码。');
  });

  it('still answers in Chinese for a code it does not know, naming the code', () => {
    expect(errorSentence('SOMETHING_NEW', {})).toBe(
      '操作未成功（错误代码 SOMETHING_NEW），请稍后重试或联系管理员。',
    );
  });
});
