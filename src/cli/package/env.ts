// The tenant-specific values `npm run package` needs, read from a .env file and
// checked with one valibot schema so every problem is reported by variable name.
import { readFile } from 'node:fs/promises';
import { parseEnv } from 'node:util';
import * as v from 'valibot';

/** Thrown when .env is missing or any value is wrong; `problems` names each variable. */
export class EnvError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

// `optional(..., '')` turns a missing key into '' so "missing" and "empty" get the same clear message.
const present = v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty('is missing or empty'));

const guid = (what: string) =>
  v.pipe(present, v.uuid(`must be a GUID (${what}), like 0b7a8c4e-1f2d-4e5a-9b6c-7d8e9f0a1b2c`), v.toLowerCase());

const parseUrl = (value: string): URL | null => {
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

/** An https origin with no path, query or fragment: where dist/ is served from. */
const baseUrl = v.pipe(
  present,
  v.check((s) => parseUrl(s) !== null, 'must be a full URL such as https://aup.school.example'),
  v.check((s) => parseUrl(s)?.protocol === 'https:', 'must start with https:// (Teams and Outlook only load pages over HTTPS)'),
  v.check((s) => {
    const u = parseUrl(s);
    return u !== null && (u.pathname === '/' || u.pathname === '') && u.search === '' && u.hash === '' && u.username === '';
  }, 'must be just the address of the site, with no path after it (https://aup.school.example, not https://aup.school.example/teams)'),
  v.transform((s) => new URL(s).origin),
);

/** A SharePoint Online site URL: https://<tenant>.sharepoint.com/sites/<name> (or the root site). */
const sharePointSite = v.pipe(
  present,
  v.check((s) => parseUrl(s) !== null, 'must be a full URL such as https://school.sharepoint.com/sites/aup'),
  v.check((s) => {
    const u = parseUrl(s);
    return u !== null && u.protocol === 'https:' && u.hostname.endsWith('.sharepoint.com');
  }, 'must be a SharePoint Online site on https://<something>.sharepoint.com'),
  v.check((s) => {
    const u = parseUrl(s);
    return u !== null && u.search === '' && u.hash === '' && !/\.aspx$/i.test(u.pathname) && !/\/(Lists|Shared Documents|SitePages)(\/|$)/i.test(decodeURI(u.pathname));
  }, 'must be the address of the site itself (e.g. https://school.sharepoint.com/sites/aup), not a page, list or library inside it'),
  v.transform((s) => {
    const u = new URL(s);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  }),
);

const isGuid = (s: string): boolean => v.is(v.pipe(v.string(), v.uuid()), s);
const optionalGuid = (what: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || isGuid(s), `must be a GUID (${what})`),
      v.toLowerCase(),
    ),
  );
const optionalHttpsUrl = v.optional(
  v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => s === '' || parseUrl(s)?.protocol === 'https:', 'must be a full https:// address, or left empty'),
  ),
);

export const PackageEnvSchema = v.object({
  AUP_BASE_URL: baseUrl,
  AUP_CLIENT_ID: guid('the Application (client) ID of the Entra app registration'),
  AUP_TENANT_ID: guid('the Directory (tenant) ID'),
  AUP_SHAREPOINT_SITE: sharePointSite,
  AUP_MANAGERS_GROUP_ID: guid('the Object ID of the managers group'),
  AUP_ALL_STAFF_GROUP_ID: guid('the Object ID of the all-staff group'),
  AUP_ADMINS_GROUP_ID: optionalGuid('the Object ID of the group that may publish policy versions; leave empty to use the managers group'),
  AUP_TEAMS_APP_ID: optionalGuid('the Teams app id; leave empty to derive one'),
  AUP_TEAMS_CATALOG_APP_ID: optionalGuid('the App ID the Teams admin centre shows for AUP Guard (Manage apps > AUP Guard); leave empty to look it up'),
  AUP_OUTLOOK_ADDIN_ID: optionalGuid('the Outlook add-in id; leave empty to derive one'),
  AUP_PRIVACY_URL: optionalHttpsUrl,
  AUP_TERMS_URL: optionalHttpsUrl,
});

/** Validated, normalised settings (GUIDs lower-case, URLs without trailing slashes). */
export interface PackageEnv {
  baseUrl: string;
  clientId: string;
  tenantId: string;
  sharePointSite: string;
  managersGroupId: string;
  allStaffGroupId: string;
  /** May publish policy versions and change settings; the managers group unless set. */
  adminsGroupId: string;
  /** Given in .env, or undefined to derive a stable one from the client id. */
  teamsAppId: string | undefined;
  /** The app's id in the organisation's Teams catalog, for deep links; undefined to look it up with Graph. */
  teamsCatalogAppId: string | undefined;
  outlookAddinId: string | undefined;
  privacyUrl: string | undefined;
  termsUrl: string | undefined;
}

const orUndefined = (s: string | undefined): string | undefined => (s === undefined || s === '' ? undefined : s);

/** Validates raw key/value pairs (already parsed from .env); throws EnvError listing every problem. */
export function validateEnv(raw: Record<string, string | undefined>, file = '.env'): PackageEnv {
  const result = v.safeParse(PackageEnvSchema, raw, { abortPipeEarly: true });
  if (!result.success) {
    const problems = result.issues.map((issue) => {
      const key = issue.path?.map((p) => String(p.key)).join('.') ?? '(file)';
      const got = typeof issue.input === 'string' && issue.input.trim() !== '' ? ` (found "${issue.input}")` : '';
      return `${key} ${issue.message}${got}`;
    });
    throw new EnvError(file, problems);
  }
  const o = result.output;
  return {
    baseUrl: o.AUP_BASE_URL,
    clientId: o.AUP_CLIENT_ID,
    tenantId: o.AUP_TENANT_ID,
    sharePointSite: o.AUP_SHAREPOINT_SITE,
    managersGroupId: o.AUP_MANAGERS_GROUP_ID,
    allStaffGroupId: o.AUP_ALL_STAFF_GROUP_ID,
    adminsGroupId: orUndefined(o.AUP_ADMINS_GROUP_ID) ?? o.AUP_MANAGERS_GROUP_ID,
    teamsAppId: orUndefined(o.AUP_TEAMS_APP_ID),
    teamsCatalogAppId: orUndefined(o.AUP_TEAMS_CATALOG_APP_ID),
    outlookAddinId: orUndefined(o.AUP_OUTLOOK_ADDIN_ID),
    privacyUrl: orUndefined(o.AUP_PRIVACY_URL),
    termsUrl: orUndefined(o.AUP_TERMS_URL),
  };
}

/** Reads and validates a .env file. Only the file counts, not the shell's environment, so a run is reproducible. */
export async function loadEnvFile(file: string): Promise<PackageEnv> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EnvError(file, ['the file does not exist: copy .env.example to .env and fill in your school\'s values (see docs/deployment.md)']);
    }
    throw err;
  }
  return validateEnv(parseEnv(text), file);
}
