// `npm run package` as an admin meets it: both artefacts from the sample
// .env, and a clear refusal that writes nothing when .env is wrong.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeArtefacts } from '../../../src/cli/package/artefacts';
import { sourceMapsDirFor } from '../../../src/cli/package/build';
import { packageApp } from '../../../src/cli/package/run';
import type { Packaged } from '../support';
import { BUILD_TIMEOUT, ENV_EXAMPLE, ROOT, buildOnce, packageOnce, sampleEnv } from '../support';

const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs the CLI with an env file written from `content`, into an out dir holding a marker file. */
async function runCli(content: string): Promise<{ status: number | null; stderr: string; outDir: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'aup-cli-'));
  const envFile = join(dir, '.env');
  const outDir = join(dir, 'dist');
  await writeFile(envFile, content);
  await mkdir(outDir);
  await writeFile(join(outDir, 'previous-build.txt'), 'untouched');
  const run = spawnSync(TSX, [join(ROOT, 'src/cli/package.ts'), '--env', envFile, '--out', outDir], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stderr: run.stderr, outDir, dir };
}

describe('npm run package with the sample .env.example', () => {
  let result: Packaged;
  beforeAll(async () => {
    result = await packageOnce();
  }, BUILD_TIMEOUT);

  it('writes the Teams package and the add-in manifest beside the site', () => {
    expect(existsSync(join(result.outDir, 'teams-app.zip'))).toBe(true);
    expect(existsSync(join(result.outDir, 'outlook-addin.xml'))).toBe(true);
    expect(existsSync(join(result.outDir, 'teams/index.html'))).toBe(true);
  });

  it('produces byte-identical artefacts when run again with the same inputs', async () => {
    const zip = await readFile(join(result.outDir, 'teams-app.zip'));
    const xml = await readFile(join(result.outDir, 'outlook-addin.xml'), 'utf8');
    await writeArtefacts(ROOT, result.outDir, await sampleEnv(), result.version);
    expect((await readFile(join(result.outDir, 'teams-app.zip'))).equals(zip)).toBe(true);
    expect(await readFile(join(result.outDir, 'outlook-addin.xml'), 'utf8')).toBe(xml);
  });
});

describe('packageApp replaces the output folder only when everything succeeded', () => {
  /** An out dir holding a marker from a "previous build". */
  async function previousBuild(): Promise<string> {
    const outDir = join(await mkdtemp(join(tmpdir(), 'aup-swap-')), 'dist');
    await mkdir(outDir);
    await writeFile(join(outDir, 'previous-build.txt'), 'untouched');
    return outDir;
  }

  it('keeps the previous output and removes its staging folder when the build fails', async () => {
    const outDir = await previousBuild();
    const failingBuild = async (_root: string, staging: string): Promise<void> => {
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, 'half.js'), '');
      await mkdir(sourceMapsDirFor(staging), { recursive: true });
      throw new Error('build exploded');
    };
    await expect(packageApp({ rootDir: ROOT, envFile: ENV_EXAMPLE, outDir, build: failingBuild })).rejects.toThrow('build exploded');
    expect(await readdir(outDir)).toEqual(['previous-build.txt']);
    expect(await readdir(join(outDir, '..'))).toEqual(['dist']);
  });

  it('hands the school settings to the build as VITE_* variables', async () => {
    const outDir = await previousBuild();
    let seen: Record<string, string> = {};
    const recordingBuild = async (_root: string, _staging: string, variables: Record<string, string>): Promise<void> => {
      seen = variables;
      throw new Error('stop here');
    };
    await expect(packageApp({ rootDir: ROOT, envFile: ENV_EXAMPLE, outDir, build: recordingBuild })).rejects.toThrow('stop here');
    expect(seen).toMatchObject({
      VITE_AUP_MODE: 'production',
      VITE_AAD_CLIENT_ID: '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21',
      VITE_AAD_AUTHORITY: 'https://login.microsoftonline.com/9d4e6f21-3b7c-4a8e-8f1d-2c6b5a4e3d90',
      VITE_SITE_ID: 'school.sharepoint.com:/sites/aup:',
      VITE_MANAGERS_GROUP_ID: '5a7c9e1b-2d4f-4b6a-8c0e-1f3a5b7d9e02',
      VITE_ALL_STAFF_GROUP_ID: '6b8d0f2c-3e5a-4c7b-9d1f-2a4b6c8e0f13',
    });
  });

  it('swaps the finished site in whole, artefacts included', async () => {
    const { siteDir } = await buildOnce();
    const outDir = await previousBuild();
    const copyBuild = async (_root: string, staging: string): Promise<void> => {
      await cp(siteDir, staging, { recursive: true });
      await cp(sourceMapsDirFor(siteDir), sourceMapsDirFor(staging), { recursive: true });
    };
    const result = await packageApp({ rootDir: ROOT, envFile: ENV_EXAMPLE, outDir, build: copyBuild });
    const names = await readdir(outDir);
    expect(names).not.toContain('previous-build.txt');
    expect(names).toEqual(expect.arrayContaining(['teams-app.zip', 'outlook-addin.xml', 'teams']));
    // The source maps land beside dist/, never in it.
    expect(await readdir(join(outDir, '..'))).toEqual(['dist', 'dist-sourcemaps']);
    expect(await readdir(sourceMapsDirFor(outDir))).toEqual(expect.arrayContaining(['outlook', 'assets']));
    expect(result.files).toEqual(expect.arrayContaining(['teams-app.zip', 'outlook-addin.xml']));
  }, BUILD_TIMEOUT);
});

/** Each case starts the real CLI through tsx, which takes a few seconds on a busy machine. */
const CLI_TIMEOUT = 30_000;

describe('npm run package with a wrong .env', { timeout: CLI_TIMEOUT }, () => {
  const example = async (): Promise<string> => readFile(ENV_EXAMPLE, 'utf8');

  it('stops with exit code 2, names the missing variable, and writes nothing', async () => {
    const { status, stderr, outDir, dir } = await runCli((await example()).replace(/^AUP_CLIENT_ID=.*$/m, ''));
    expect(status).toBe(2);
    expect(stderr).toContain('AUP_CLIENT_ID is missing or empty');
    expect(stderr).toContain('Nothing was written');
    expect(await readdir(outDir)).toEqual(['previous-build.txt']);
    expect((await readdir(dir)).sort()).toEqual(['.env', 'dist']);
  });

  it('names a malformed value and what is wrong with it', async () => {
    const { status, stderr, outDir } = await runCli((await example()).replace(/^AUP_BASE_URL=.*$/m, 'AUP_BASE_URL=http://aup.school.example/app'));
    expect(status).toBe(2);
    expect(stderr).toMatch(/AUP_BASE_URL must start with https:\/\//);
    expect(await readdir(outDir)).toEqual(['previous-build.txt']);
  });

  it('explains how to start when there is no .env at all', () => {
    const run = spawnSync(TSX, [join(ROOT, 'src/cli/package.ts'), '--env', '/nonexistent/.env', '--out', join(tmpdir(), 'aup-never')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('copy .env.example to .env');
    expect(existsSync(join(tmpdir(), 'aup-never'))).toBe(false);
  });
});
