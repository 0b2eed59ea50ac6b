// One production build for the whole packaging suite: building is the slow
// part, so packaging.test.ts registers every suite in one file and they share
// this module's cached promises.
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseEnv } from 'node:util';
import { idsFor, writeArtefacts } from '../../src/cli/package/artefacts';
import type { ArtefactSummary } from '../../src/cli/package/artefacts';
import { buildSite, viteEnv } from '../../src/cli/package/build';
import { validateEnv } from '../../src/cli/package/env';
import type { PackageEnv } from '../../src/cli/package/env';
import { readVersion } from '../../src/cli/package/run';

export const ROOT = join(import.meta.dirname, '../..');
export const ENV_EXAMPLE = join(ROOT, '.env.example');

/** Generous: a cold production build of React + Fluent. */
export const BUILD_TIMEOUT = 120_000;

export interface Built {
  readonly env: PackageEnv;
  readonly version: string;
  /** The production site, exactly as the build left it. */
  readonly siteDir: string;
}

export interface Packaged extends Built, ArtefactSummary {
  /** A copy of the site with the artefacts written into it, as `npm run package` leaves dist/. */
  readonly outDir: string;
}

export const sampleEnv = async (): Promise<PackageEnv> => validateEnv(parseEnv(await readFile(ENV_EXAMPLE, 'utf8')), ENV_EXAMPLE);

let built: Promise<Built> | undefined;
let packaged: Promise<Packaged> | undefined;

/** The production build with .env.example's settings (the same steps `npm run package` takes). */
export function buildOnce(): Promise<Built> {
  built ??= (async () => {
    const env = await sampleEnv();
    const siteDir = join(await mkdtemp(join(tmpdir(), 'aup-build-')), 'site');
    await buildSite(ROOT, siteDir, viteEnv(env, idsFor(env)));
    return { env, version: await readVersion(ROOT), siteDir };
  })();
  return built;
}

/**
 * The build plus the packaging artefacts. Kept apart from buildOnce so a
 * packaging failure fails the packaging tests with its own message while the
 * build checks still run.
 */
export function packageOnce(): Promise<Packaged> {
  packaged ??= (async () => {
    const b = await buildOnce();
    const outDir = join(await mkdtemp(join(tmpdir(), 'aup-package-')), 'dist');
    await cp(b.siteDir, outDir, { recursive: true });
    const summary = await writeArtefacts(ROOT, outDir, b.env, b.version);
    return { ...b, ...summary, outDir };
  })();
  return packaged;
}

/** Every file under a folder, as forward-slash paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}
