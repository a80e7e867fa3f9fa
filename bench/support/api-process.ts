import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { freePort } from '#libs/shared';

const MAIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/api/src/main.js');

export interface ApiProcess {
  url: string;
  pid: number;
  /** Resident set size now, in MB (from /proc). */
  rssMb: () => number;
  stop: () => Promise<void>;
}

/** Starts the real API as its own process (as production runs it), so load generators do not share its CPU time. */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-of-at-least-32-characters',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('the API exited during start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  };
  return {
    url,
    pid: child.pid!,
    rssMb,
    stop: () =>
      new Promise((resolveStop) => {
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

/** Samples a process's RSS while work runs; returns the peak in MB. */
export async function peakRss<T>(
  api: ApiProcess,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number }> {
  let peakMb = api.rssMb();
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, api.rssMb());
  }, 50);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peakMb, api.rssMb()) };
  } finally {
    clearInterval(timer);
  }
}
