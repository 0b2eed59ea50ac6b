// `npm run package` end to end: check .env, build the site with the school's
// settings, add the artefacts, and only then replace dist/. Any failure leaves
// dist/ exactly as it was.
import { readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeArtefacts, idsFor } from './artefacts';
import type { ArtefactSummary } from './artefacts';
import { buildSite, viteEnv } from './build';
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
  await rm(staging, { recursive: true, force: true });
  try {
    await build(options.rootDir, staging, viteEnv(env, idsFor(env)));
    const summary = await writeArtefacts(options.rootDir, staging, env, version);
    await rm(previous, { recursive: true, force: true });
    await rename(options.outDir, previous).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(staging, options.outDir);
    await rm(previous, { recursive: true, force: true });
    return { ...summary, env, version, outDir: options.outDir };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
