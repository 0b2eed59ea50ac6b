// What the production build ships: office.js from Microsoft's CDN, pages that
// work under our Content-Security-Policy, and nothing from the local demo.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_CONFIGS, sourceMapsDirFor } from '../../../src/cli/package/build';
import { manifestUrls } from '../../../src/cli/package/outlook-manifest';
import { EXAMPLE_SHAREPOINT_SITE, securityHeaders } from '../../../src/cli/package/security-headers';
import type { Built } from '../support';
import { BUILD_TIMEOUT, ROOT, buildOnce, listFiles, packageOnce } from '../support';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

let built: Built;
let files: string[];
let maps: string[];
const text = (file: string, dir = built.siteDir): Promise<string> => readFile(join(dir, file), 'utf8');


/** The src attribute of every <script> in a page ('' for inline scripts). */
const scriptSources = (html: string): string[] => [...html.matchAll(/<script\b([^>]*)>/gi)].map(([, attrs]) => /\bsrc=["']([^"']+)["']/i.exec(attrs ?? '')?.[1] ?? '');

describe('production build', () => {
  beforeAll(async () => {
    built = await buildOnce();
    files = await listFiles(built.siteDir);
    maps = await listFiles(sourceMapsDirFor(built.siteDir));
  }, BUILD_TIMEOUT);

  it('ships no source maps, nor links to any; they are kept beside the site', async () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const linking: string[] = [];
    for (const f of files.filter((f) => /\.(js|css)$/.test(f))) if ((await text(f)).includes('sourceMappingURL')) linking.push(f);
    expect(linking).toEqual([]);
    expect(maps).toEqual(expect.arrayContaining(['outlook/launchevent.js.map']));
    expect(maps.filter((f) => f.startsWith('assets/') && f.endsWith('.js.map')).length).toBeGreaterThan(3);
  });


  it('contains the Teams tab and its sign-in redirect page, the add-in pages and launchevent.js', () => {
    expect(files).toEqual(expect.arrayContaining(['teams/index.html', 'teams/auth-end.html', 'outlook/taskpane.html', 'outlook/commands.html', 'outlook/launchevent.js']));
  });

  it('has no local-only pages', () => {
    expect(files.filter((f) => /^(dev|_dev|emulator)\//.test(f) || f.includes('compose.html'))).toEqual([]);
  });

  it.each(['/_dev', 'emulator', 'compose.html', 'localhost:4010'])('ships no code or link mentioning %s', async (needle) => {
    const shipped = files.filter((f) => /\.(html|js|css|json|xml)$/.test(f));
    const offending: string[] = [];
    for (const f of shipped) if ((await text(f)).toLowerCase().includes(needle.toLowerCase())) offending.push(f);
    expect(offending).toEqual([]);
  });

  it('bundles no module from src/dev or src/emulator (checked through the source maps)', async () => {
    const bundled: string[] = [];
    for (const f of maps) {
      const map = JSON.parse(await text(f, sourceMapsDirFor(built.siteDir))) as { sources?: string[] };
      bundled.push(...(map.sources ?? []).filter((s) => /(^|\/)src\/(dev|emulator)\//.test(s)));
    }
    expect(bundled).toEqual([]);
  });

  it("loads office.js from Microsoft's CDN, first, on every page Outlook hosts, and never a local copy", async () => {
    // The pages the add-in manifest has Outlook load (task pane, event runtime);
    // its SupportUrl is read in an ordinary browser and needs no office.js.
    const xml = await readFile(join(ROOT, 'manifest/outlook-addin.xml'), 'utf8');
    const support = /<SupportUrl\s+DefaultValue="([^"]+)"/.exec(xml)?.[1];
    const hosted = manifestUrls(xml).filter((u) => u.endsWith('.html') && u !== support).map((u) => new URL(u).pathname.slice(1));
    expect(hosted).toEqual(expect.arrayContaining(['outlook/taskpane.html', 'outlook/commands.html']));
    for (const page of hosted) {
      const sources = scriptSources(await text(page));
      // First, so it has run before launchevent.js or the pane's module uses Office.
      expect(sources[0], page).toBe(OFFICE_JS);
    }
    expect(files.filter((f) => /(^|\/)office(\.debug)?\.js$/.test(f))).toEqual([]);
  });

  it("bundles React's production build, not its development build", async () => {
    // The source maps name every module in the bundle, so they show which of
    // React's builds was chosen whatever the minifier did to its strings.
    const modules = new Set<string>();
    for (const f of maps.filter((f) => f.endsWith('.js.map'))) {
      const map = JSON.parse(await text(f, sourceMapsDirFor(built.siteDir))) as { sources?: string[] };
      for (const s of map.sources ?? []) if (s.includes('node_modules/')) modules.add(s.slice(s.lastIndexOf('node_modules/')));
    }
    expect([...modules].filter((m) => /\.development\.js$/.test(m))).toEqual([]);
    expect(modules).toContain('node_modules/react-dom/cjs/react-dom-client.production.js');
  });

  it('has no inline scripts or foreign script hosts, so the CSP (script-src self + Office CDN) holds', async () => {
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      for (const src of scriptSources(await text(page))) {
        expect(src, `inline <script> in ${page}`).not.toBe('');
        expect(src.startsWith('https://') ? src.startsWith('https://appsforoffice.microsoft.com/') : true, `${src} in ${page}`).toBe(true);
      }
    }
  });

  it('bakes in the school settings, not the demo ones', async () => {
    const js = (await Promise.all(files.filter((f) => f.startsWith('teams/') || f.startsWith('assets/')).filter((f) => f.endsWith('.js')).map((f) => text(f)))).join('\n');
    expect(js).toContain('3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21');
    expect(js).toContain('https://login.microsoftonline.com/9d4e6f21-3b7c-4a8e-8f1d-2c6b5a4e3d90');
  });
});

describe('packaged site', () => {
  it('carries the security headers for Azure Static Web Apps and IIS', async () => {
    const { outDir } = await packageOnce();
    const { env } = await packageOnce();
    expect(JSON.parse(await text('staticwebapp.config.json', outDir))).toEqual({ globalHeaders: securityHeaders(env.sharePointSite) });
    expect(await text('web.config', outDir)).toContain(`connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com ${new URL(env.sharePointSite).origin} `);
  });

  it('documents exactly the Content-Security-Policy it ships', async () => {
    const docs = await readFile(join(ROOT, 'docs/deployment.md'), 'utf8');
    expect(docs).toContain(securityHeaders(EXAMPLE_SHAREPOINT_SITE)['Content-Security-Policy']);
    expect(docs).not.toContain('*.sharepoint.com');
  });
});

describe('npm run build', () => {
  it('runs the same vite builds the packager runs', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const { config } of BUILD_CONFIGS.filter((c) => c.config !== 'vite.config.ts')) expect(pkg.scripts['build']).toContain(config);
  });
});
