// The task pane as the packager builds it for a school: the production page
// loads office.js from Microsoft's CDN in <head> and the pane waits for
// Office.onReady, with no harness bridge. The CDN request is answered with the
// fake Office (no network here), and any other non-loopback request fails the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { buildSite, viteEnv } from '../../src/cli/package/build';
import { idsFor } from '../../src/cli/package/artefacts';
import { validateEnv } from '../../src/cli/package/env';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let server: PreviewServer;
let browser: LaunchedBrowser;
let baseUrl = '';
let officeStub = '';

/** The fake Office as one classic script, as office.js is. */
async function buildOfficeStub(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'aup-guard-office-stub-'));
  await build({
    configFile: false, logLevel: 'silent', publicDir: false,
    build: { outDir, emptyOutDir: true, sourcemap: false, lib: { entry: join(ROOT, 'test/e2e/support/office-from-cdn.ts'), name: 'OfficeStub', formats: ['iife'], fileName: () => 'office.js' } },
  });
  return readFile(join(outDir, 'office.js'), 'utf8');
}

beforeAll(async () => {
  const envFile = join(ROOT, '.env.example');
  const env = validateEnv(parseEnv(await readFile(envFile, 'utf8')), envFile);
  const siteDir = join(await mkdtemp(join(tmpdir(), 'aup-guard-prod-')), 'site');
  await buildSite(ROOT, siteDir, viteEnv(env, idsFor(env)));
  officeStub = await buildOfficeStub();
  server = await preview({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: siteDir }, preview: { port: 0, strictPort: false } });
  baseUrl = server.resolvedUrls?.local[0] ?? '';
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('production task pane', () => {
  it("loads office.js from Microsoft's CDN, waits for Office.onReady, and checks the open draft", async () => {
    const page = await browser.context.newPage();
    const requested: string[] = [];
    const foreign: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) {
        requested.push(url);
        return route.fulfill({ contentType: 'text/javascript', body: officeStub });
      }
      if (new URL(url).hostname === 'localhost' || new URL(url).hostname === '127.0.0.1') return route.continue();
      foreign.push(url);
      return route.abort();
    });
    await page.goto(`${baseUrl}outlook/taskpane.html`);
    await page.getByRole('heading', { name: 'AUP Guard' }).waitFor();
    await expect.poll(() => page.locator('body').textContent()).toMatch(/sensitive pupil data/i);
    expect(requested).toEqual([OFFICE_JS]);
    expect(foreign).toEqual([]);
    await page.close();
  });
});
