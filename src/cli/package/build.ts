// The production build with a school's settings baked in. src/ui/config.ts
// reads its Entra and SharePoint settings from VITE_* variables at build time,
// so `npm run package` builds the site itself rather than trusting whatever
// is already in dist/ (which may be a demo build with no client id).
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { build } from 'vite';
import { chainableSiteKey } from '../../graph/site';
import type { PackageEnv } from './env';

/**
 * The vite builds that make up `npm run build`, in order, and where each
 * writes inside the output folder. A test checks package.json's build script
 * names the same configs, so the two cannot drift apart.
 */
export const BUILD_CONFIGS: ReadonlyArray<{ readonly config: string; readonly outSubdir: string }> = [
  { config: 'vite.config.ts', outSubdir: '' },
  { config: 'src/outlook/vite.launchevent.config.ts', outSubdir: 'outlook' },
];

/** The VITE_* variables src/ui/config.ts (and the views) read in a production build. */
export function viteEnv(env: PackageEnv, ids: { teamsAppId: string }): Record<string, string> {
  return {
    VITE_AUP_MODE: 'production',
    VITE_GRAPH_BASE_URL: 'https://graph.microsoft.com',
    VITE_SITE_ID: chainableSiteKey(env.sharePointSite),
    VITE_SHAREPOINT_SITE_URL: env.sharePointSite,
    VITE_AAD_CLIENT_ID: env.clientId,
    // Single-tenant: only this school's accounts can sign in.
    VITE_AAD_AUTHORITY: `https://login.microsoftonline.com/${env.tenantId}`,
    VITE_TENANT_ID: env.tenantId,
    VITE_MANAGERS_GROUP_ID: env.managersGroupId,
    VITE_ADMINS_GROUP_ID: env.adminsGroupId,
    VITE_ALL_STAFF_GROUP_ID: env.allStaffGroupId,
    VITE_TEAMS_APP_ID: ids.teamsAppId,
    ...(env.teamsCatalogAppId ? { VITE_TEAMS_CATALOG_APP_ID: env.teamsCatalogAppId } : {}),
    VITE_BASE_URL: env.baseUrl,
  };
}

/** Where a site's source maps go: beside it, never inside the folder that is deployed. */
export const sourceMapsDirFor = (outDir: string): string => `${outDir}-sourcemaps`;

/**
 * Runs every vite build into `outDir` (emptied first) with the given VITE_*
 * variables, always as a production build. Vite and React take NODE_ENV from
 * the caller's environment before `mode`: under vitest (NODE_ENV=test) or a
 * shell with NODE_ENV=development, React's development build and its dev-only
 * branches would ship in the "production" site.
 *
 * Source maps are written 'hidden' (no sourceMappingURL comment in the code)
 * and moved to `sourceMapsDirFor(outDir)`: they name every module and carry the
 * whole source, which the school's web host has no reason to publish (issue #10),
 * while the school's IT admin can still use them to read a stack trace.
 */
export async function buildSite(rootDir: string, outDir: string, variables: Record<string, string>): Promise<void> {
  // Vite exposes process.env's VITE_* variables to the bundle; set them only for this build.
  const env: Record<string, string> = { ...variables, NODE_ENV: 'production' };
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    let first = true;
    for (const { config, outSubdir } of BUILD_CONFIGS) {
      const configFile = join(rootDir, config);
      if (!existsSync(configFile)) throw new Error(`build config ${config} is missing`);
      await build({
        configFile,
        mode: 'production',
        logLevel: 'warn',
        build: { outDir: join(outDir, outSubdir), emptyOutDir: first, sourcemap: 'hidden' },
      });
      first = false;
    }
    await moveSourceMaps(outDir, sourceMapsDirFor(outDir));
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Moves every .map file under `from` to the same relative path under `to` (emptied first). */
async function moveSourceMaps(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  for (const e of entries.filter((x) => x.isFile() && x.name.endsWith('.map'))) {
    const source = join(e.parentPath, e.name);
    const target = join(to, relative(from, source));
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  }
}
