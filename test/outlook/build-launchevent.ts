// Builds dist/outlook/launchevent.js's exact configuration into a temporary
// directory, so tests check the built artefact without racing `npm run build`.
import { build } from 'vite';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCHEVENT_CONFIG = fileURLToPath(new URL('../../src/outlook/vite.launchevent.config.ts', import.meta.url));

export interface BuiltLaunchEvent {
  readonly path: string;
  readonly code: string;
}

export async function buildLaunchEvent(): Promise<BuiltLaunchEvent> {
  const outDir = await mkdtemp(join(tmpdir(), 'aup-guard-launchevent-'));
  await build({ configFile: LAUNCHEVENT_CONFIG, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const path = join(outDir, 'launchevent.js');
  return { path, code: await readFile(path, 'utf8') };
}
