import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const SOURCES = [join(ROOT, 'apps/web')];
const BUILT_PAGE = join(ROOT, 'dist/web/index.html');
const LOCK = join(ROOT, 'dist/.web-build.lock');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function isStale(): boolean {
  if (!existsSync(BUILT_PAGE)) return true;
  const built = statSync(BUILT_PAGE).mtimeMs;
  return SOURCES.some((source) => newestSource(source) > built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The browser tests run against the built console: build it when it is missing or older than its sources
 * (a fresh clone's `npm test` included). Test files run in parallel workers, so one builds while the others wait.
 */
export async function ensureConsoleBuilt(): Promise<void> {
  for (let waited = 0; waited < 300_000; waited += 500) {
    if (!isStale()) return;
    try {
      mkdirSync(join(ROOT, 'dist'), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // Another worker is building; a lock older than 5 minutes belongs to a build that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000)
        rmSync(LOCK, { recursive: true });
      await sleep(500);
      continue;
    }
    try {
      if (isStale()) execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
  throw new Error('the console build did not finish in 5 minutes');
}
