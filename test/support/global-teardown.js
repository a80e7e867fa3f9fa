import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export default async function globalTeardown() {
  await globalThis.embeddedTestServer?.stop();
  // The browser tests' screenshots of each main screen, for a person to look at.
  const screens = join(process.cwd(), 'test-results/screens');
  if (existsSync(screens)) {
    const files = readdirSync(screens)
      .filter((name) => name.endsWith('.png'))
      .sort();
    if (files.length)
      console.log(`\nscreenshots (${screens}):\n${files.map((name) => `  ${name}`).join('\n')}`);
  }
}
