// Everything `npm run package` writes beside a built site: the Teams app
// package, the Outlook add-in manifest and the hosts' security-header files.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { PackageEnv } from './env';
import { parseIconSource, renderAddinIcons, renderIcon } from './icons';
import { outlookAddinId, teamsAppId } from './ids';
import { manifestUrls, renderOutlookManifest } from './outlook-manifest';
import { iisWebConfig, staticWebAppConfig } from './security-headers';
import { renderTeamsManifest } from './teams-manifest';

/** Repo-relative sources of the artefacts. */
export const SOURCES = {
  teamsManifest: 'manifest/teams/manifest.json',
  icons: 'assets/icons/icons.json',
  outlookManifest: 'manifest/outlook-addin.xml',
} as const;

/** Names of what is written into the site folder. */
export const OUTPUTS = {
  teamsZip: 'teams-app.zip',
  outlookManifest: 'outlook-addin.xml',
  staticWebAppConfig: 'staticwebapp.config.json',
  iisWebConfig: 'web.config',
  /** The add-in's ribbon and store icons, where manifest/outlook-addin.xml expects them. */
  addinIcon: (size: number): string => `outlook/assets/icon-${size}.png`,
} as const;

/** A fixed timestamp inside the zip, so the same inputs give a byte-identical package. */
const ZIP_MTIME = new Date('2020-04-01T00:00:00Z');

export interface ArtefactIds {
  readonly teamsAppId: string;
  readonly outlookAddinId: string;
}

export const idsFor = (env: PackageEnv): ArtefactIds => ({
  teamsAppId: teamsAppId(env.clientId, env.teamsAppId),
  outlookAddinId: outlookAddinId(env.clientId, env.outlookAddinId),
});

/** Files under `siteDir` that a URL on our own origin names, or null for URLs elsewhere. */
export function localFileFor(url: string, baseUrl: string, siteDir: string): string | null {
  if (!url.startsWith(`${baseUrl}/`) && url !== baseUrl) return null;
  const path = new URL(url).pathname;
  return join(siteDir, decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path));
}

/** Throws naming every URL on our origin that has no file in the built site. */
function assertUrlsServed(urls: readonly string[], baseUrl: string, siteDir: string, what: string): void {
  const missing = urls.filter((u) => {
    const file = localFileFor(u, baseUrl, siteDir);
    return file !== null && !existsSync(file);
  });
  if (missing.length > 0) throw new Error(`${what} points at pages the build did not produce:\n${missing.map((u) => `  - ${u}`).join('\n')}`);
}

export interface ArtefactSummary extends ArtefactIds {
  readonly files: readonly string[];
  readonly manifestVersion: string;
}

/** Writes every artefact into `siteDir`, which must already hold the production build. */
export async function writeArtefacts(rootDir: string, siteDir: string, env: PackageEnv, version: string): Promise<ArtefactSummary> {
  const ids = idsFor(env);
  const host = new URL(env.baseUrl).host;
  const iconSource = parseIconSource(await readFile(join(rootDir, SOURCES.icons), 'utf8'));

  const { manifest, json } = await renderTeamsManifest(join(rootDir, SOURCES.teamsManifest), {
    VERSION: version,
    TEAMS_APP_ID: ids.teamsAppId,
    CLIENT_ID: env.clientId,
    BASE_URL: env.baseUrl,
    HOST: host,
    PRIVACY_URL: env.privacyUrl ?? `${env.baseUrl}/`,
    TERMS_URL: env.termsUrl ?? `${env.baseUrl}/`,
    ACCENT_COLOR: iconSource.accentColor,
  });
  const tabUrls = (manifest.staticTabs ?? []).flatMap((t) => [t.contentUrl, t.websiteUrl]).filter((u): u is string => typeof u === 'string');
  assertUrlsServed(tabUrls, env.baseUrl, siteDir, 'The Teams manifest');

  const zip = zipSync(
    {
      'manifest.json': strToU8(json),
      [manifest.icons.color]: renderIcon(iconSource, 'color'),
      [manifest.icons.outline]: renderIcon(iconSource, 'outline'),
    },
    { level: 9, mtime: ZIP_MTIME },
  );

  const devXml = await readFile(join(rootDir, SOURCES.outlookManifest), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new Error(`${SOURCES.outlookManifest} is missing: the Outlook add-in manifest is part of the source tree`);
    throw err;
  });
  // Drawn from the same source as the Teams icons, unless the build already ships its own.
  const addinIcons: Array<[string, Uint8Array]> = [...renderAddinIcons(iconSource)]
    .map(([size, png]): [string, Uint8Array] => [OUTPUTS.addinIcon(size), png])
    .filter(([name]) => !existsSync(join(siteDir, name)));
  for (const [name, png] of addinIcons) {
    await mkdir(dirname(join(siteDir, name)), { recursive: true });
    await writeFile(join(siteDir, name), png);
  }

  const xml = renderOutlookManifest(devXml, { baseUrl: env.baseUrl, addinId: ids.outlookAddinId, clientId: env.clientId, version });
  assertUrlsServed(manifestUrls(xml), env.baseUrl, siteDir, 'The Outlook add-in manifest');

  const files: Array<[string, Uint8Array | string]> = [
    [OUTPUTS.teamsZip, zip],
    [OUTPUTS.outlookManifest, xml],
    [OUTPUTS.staticWebAppConfig, staticWebAppConfig(env.sharePointSite)],
    [OUTPUTS.iisWebConfig, iisWebConfig(env.sharePointSite)],
  ];
  for (const [name, data] of files) await writeFile(join(siteDir, name), data);
  return { ...ids, files: [...files.map(([name]) => name), ...addinIcons.map(([name]) => name)], manifestVersion: manifest.manifestVersion };
}
