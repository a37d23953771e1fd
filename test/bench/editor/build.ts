/** Builds the benchmark page with Vite into a temp folder and serves it on 127.0.0.1 (not shipped). */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AddressInfo } from 'node:net';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const HERE = dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export type BenchPage = { url: string; close(): Promise<void> };

/** Builds the page in `root` (an index.html and what it loads): the editor's by default. */
export async function buildAndServeBenchPage(root: string = HERE): Promise<BenchPage> {
  const outDir = mkdtempSync(join(tmpdir(), 'tandem-bench-editor-'));
  await build({
    configFile: false, root, base: './', logLevel: 'error', plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, modulePreload: { polyfill: false }, minify: process.env.BENCH_MINIFY !== '0' },
  });
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(outDir, path || 'index.html');
    if (!file.startsWith(outDir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
