// Bundle sizes: a production build into a temp folder, gzip sizes of what
// each page loads, beside the targets of issues 4 and 6. Staff first load is
// the entry and its modulepreloads; MSAL and teams-js come on sign-in or in a
// host; manager and admin code only for those views (and must not be in the
// staff view's first load).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { initialJs, lazyJs, type JsSet } from '../../support/bundle';
import { printTable, verdict } from '../table';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LAUNCHEVENT_CONFIG = join(ROOT, 'src/outlook/vite.launchevent.config.ts');
const KB = 1024;

async function buildProduction(outDir: string): Promise<void> {
  // A production bundle (React's optimised build), whatever NODE_ENV the caller runs with.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true } });
    if (existsSync(LAUNCHEVENT_CONFIG)) {
      await build({ configFile: LAUNCHEVENT_CONFIG, mode: 'production', logLevel: 'error', build: { outDir: join(outDir, 'outlook'), emptyOutDir: false, sourcemap: false } });
    }
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

const kb = (bytes: number): number => bytes / KB;
const names = (set: JsSet): string => set.files.map((f) => f.file.replace(/^assets\//, '')).join(' ');

export async function run(): Promise<void> {
  const outDir = await mkdtemp(join(tmpdir(), 'aup-bench-sizes-'));
  try {
    await buildProduction(outDir);
    const staff = await initialJs(outDir, 'teams/index.html');
    const loaded = staff.files.map((f) => f.file);
    const msal = await lazyJs(outDir, 'ui/auth/msal.ts', loaded);
    // Also imported statically by the admin view, so the manifest names it as a shared chunk.
    const renderer = await lazyJs(outDir, 'ui/markdown.ts', loaded).catch(() => lazyJs(outDir, '_markdown', loaded));
    const teamsJs = await lazyJs(outDir, '@microsoft/teams-js/dist/esm/packages/teams-js/src/index.js', loaded);
    const manager = await lazyJs(outDir, 'teams/manager/ManagerView.tsx', loaded).catch(() => null);
    const admin = await lazyJs(outDir, 'teams/admin/AdminView.tsx', loaded).catch(() => null);
    const splitOff = (set: JsSet | null): boolean => set !== null && set.files.length > 0 && !set.files.some((f) => loaded.includes(f.file));
    const taskpane = existsSync(join(outDir, 'outlook/taskpane.html')) ? await initialJs(outDir, 'outlook/taskpane.html') : null;
    const launchPath = join(outDir, 'outlook/launchevent.js');
    const launch = existsSync(launchPath) ? await readFile(launchPath) : null;

    const row = (what: string, set: JsSet | null, target: string, ok: boolean | null): (string | number)[] =>
      set === null ? [what, '-', '-', target, 'not built', ''] : [what, kb(set.gzipBytes), kb(set.bytes), target, ok === null ? '' : verdict(ok), names(set)];
    printTable('Bundle sizes (production build, gzip -9, KB)', ['what', 'gzip KB', 'raw KB', 'target', '', 'files'], [
      row('Teams tab, staff first load (entry + modulepreloads)', staff, '<= 250', staff.gzipBytes <= 250 * KB),
      row('+ MSAL, on sign-in', msal, '', null),
      row('+ teams-js, inside a host', teamsJs, '', null),
      row('+ policy renderer (marked, DOMPurify), beside the text', renderer, '', null),
      ['= staff view in Teams with the policy shown', kb(staff.gzipBytes + msal.gzipBytes + teamsJs.gzipBytes + renderer.gzipBytes), kb(staff.bytes + msal.bytes + teamsJs.bytes + renderer.bytes), '', '', ''],
      row('Manager view (lazy)', manager, 'not in first load', splitOff(manager)),
      row('Admin view (lazy)', admin, 'not in first load', splitOff(admin)),
      row('Outlook task pane first load', taskpane, '<= 250', taskpane ? taskpane.gzipBytes <= 250 * KB : null),
      launch
        ? ['Outlook launchevent.js', kb(gzipSync(launch, { level: 9 }).length), kb(launch.length), '<= 60', verdict(gzipSync(launch, { level: 9 }).length <= 60 * KB), 'outlook/launchevent.js']
        : ['Outlook launchevent.js', '-', '-', '<= 60', 'not built', ''],
    ]);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
