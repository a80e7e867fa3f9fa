import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '../../dist/web');

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((file) => `${name}/${file}`) : [name];
  });
}

/**
 * After the build: the service worker gets the list of the app shell to precache, and every text asset gets
 * .br and .gz twins that the API serves as they are (no compression per request).
 */
function shellAndCompression(): Plugin {
  return {
    name: 'console-shell-and-compression',
    apply: 'build',
    closeBundle() {
      const files = filesUnder(outDir).filter((file) => !/\.(br|gz|map)$/.test(file));
      const shell = files.filter(
        (file) =>
          file !== 'sw.js' &&
          // Fonts are the last fallback (phones have their own Chinese fonts): cached when used, not up front.
          !file.startsWith('assets/noto-sans-sc') &&
          /\.(html|js|css|svg|png|webmanifest)$/.test(file),
      );
      const version = shell.map((file) => `${file}:${statSync(join(outDir, file)).size}`).join('|');
      const template = readFileSync(join(here, 'service-worker.js'), 'utf8');
      writeFileSync(
        join(outDir, 'sw.js'),
        template
          .replace(
            'const SHELL = __SHELL__;',
            `const SHELL = ${JSON.stringify(shell.map((file) => (file === 'index.html' ? '/' : `/${file}`)))};`,
          )
          .replace('const CACHE = `console-${__VERSION__}`;', `const CACHE = 'console-${hash(version)}';`),
      );
      for (const file of [...files, 'sw.js']) {
        if (!/\.(html|js|css|svg|json|webmanifest)$/.test(file)) continue;
        const body = readFileSync(join(outDir, file));
        if (body.length < 1024) continue;
        writeFileSync(join(outDir, `${file}.gz`), gzipSync(body, { level: 9 }));
        writeFileSync(
          join(outDir, `${file}.br`),
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
      console.log(`console: ${relative(process.cwd(), outDir)}, ${shell.length} files in the app shell`);
    },
  };
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

export default defineConfig({
  root: here,
  plugins: [react(), shellAndCompression()],
  resolve: { alias: { '@': join(here, 'src') } },
  // The API replaces this placeholder with a fresh nonce per response (its Content-Security-Policy names it).
  html: { cspNonce: 'CSP_NONCE' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: {
      '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false },
      '/health': { target: process.env.API_URL ?? 'http://localhost:3000' },
    },
  },
});
