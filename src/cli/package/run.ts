// `npm run package` end to end: check .env, build the site with the school's
// settings, add the artefacts, and only then replace dist/. Any failure leaves
// dist/ exactly as it was.
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeArtefacts, idsFor } from './artefacts';
import type { ArtefactSummary } from './artefacts';
import { buildSite, sourceMapsDirFor, viteEnv } from './build';
import { loadEnvFile } from './env';
import type { PackageEnv } from './env';

export interface PackageOptions {
  /** The repository root (package.json, manifest/, assets/). */
  readonly rootDir: string;
  readonly envFile: string;
  /** Where the finished site goes; replaced only when everything succeeded. */
  readonly outDir: string;
  /** Swappable for tests; defaults to the real vite builds. */
  readonly build?: (rootDir: string, outDir: string, variables: Record<string, string>) => Promise<void>;
}

export interface PackageResult extends ArtefactSummary {
  readonly env: PackageEnv;
  readonly version: string;
  readonly outDir: string;
}

export async function readVersion(rootDir: string): Promise<string> {
  const pkg = JSON.parse(await readFile(join(rootDir, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error('package.json has no version');
  return pkg.version;
}

export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  // Validate first: a bad .env must stop us before anything is written.
  const env = await loadEnvFile(options.envFile);
  const version = await readVersion(options.rootDir);
  const build = options.build ?? buildSite;

  // Stage beside the destination so the final rename stays on one filesystem.
  const staging = join(dirname(options.outDir), `.${basename(options.outDir)}.staging-${process.pid}`);
  const previous = join(dirname(options.outDir), `.${basename(options.outDir)}.previous-${process.pid}`);
  const cleanUp = (dir: string): Promise<void> => Promise.all([dir, sourceMapsDirFor(dir)].map((d) => rm(d, { recursive: true, force: true }))).then(() => undefined);
  await cleanUp(staging);
  try {
    await build(options.rootDir, staging, viteEnv(env, idsFor(env)));
    const summary = await writeArtefacts(options.rootDir, staging, env, version);
    await cleanUp(previous);
    // The site and its source maps (kept beside dist/, never deployed) are swapped together.
    for (const [from, to] of [[options.outDir, previous], [sourceMapsDirFor(options.outDir), sourceMapsDirFor(previous)]] as const) {
      await rename(from, to).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
    await rename(staging, options.outDir);
    await rename(sourceMapsDirFor(staging), sourceMapsDirFor(options.outDir)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await cleanUp(previous);
    return { ...summary, env, version, outDir: options.outDir };
  } catch (err) {
    await cleanUp(staging);
    throw err;
  }
}
