// The built Teams tab for end-to-end tests: one `vite build --mode demo` per
// test run into a temp folder, served by a tiny static server on a free
// port. The emulator's URL is chosen per test with `?graph=`, so one build
// serves every emulator a suite starts.
import { build } from 'vite';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.map': 'application/json', '.xml': 'application/xml',
};

let built: Promise<string> | undefined;

/** Builds the demo app once per process; returns the output folder. */
export function buildApp(): Promise<string> {
  built ??= (async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'aup-guard-app-'));
    // Vitest sets NODE_ENV=test, which would make vite bundle React's development
    // build; the app under test must be the optimised one users get.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'demo',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: false },
      // Only the Teams tab's page: other pages are other suites' business, and a
      // half-finished one elsewhere must not fail these tests.
      plugins: [{ name: 'aup-guard:teams-page-only', options: (o) => ({ ...o, input: { 'teams/index': join(ROOT, 'src/teams/index.html') } }) }],
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    process.once('exit', () => { void rm(outDir, { recursive: true, force: true }); });
    return outDir;
  })();
  return built;
}

export interface ServedApp {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly outDir: string;
  /** The Teams tab's address, talking to the given emulator, optionally in a forced theme. */
  teamsUrl(graphUrl: string, theme?: 'light' | 'dark' | 'contrast'): string;
  close(): Promise<void>;
}

export async function serveApp(): Promise<ServedApp> {
  const outDir = await buildApp();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(outDir, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(outDir + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
        res.end(await readFile(file));
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    outDir,
    teamsUrl: (graphUrl, theme) => `${url}/teams/index.html?graph=${encodeURIComponent(graphUrl)}${theme ? `&theme=${theme}` : ''}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
