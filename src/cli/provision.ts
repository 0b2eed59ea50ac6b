// `npm run provision -- --site <site id, URL or root> [--graph-base <url>] [--token-upn <upn> | --token <jwt>] [--verify]`
//
// Sets up AUP Guard's lists and their permissions on a SharePoint site;
// re-running changes nothing. With --verify it changes nothing and reports
// every way the site differs from the role model (exit 1), or says it is
// verified (exit 0). Against the local emulator, --token-upn asks its
// /_dev/token for a demo user's token and /_dev/info for its groups. For a
// real tenant, bring delegated tokens yourself (--token or AUP_GRAPH_TOKEN,
// plus --sp-token or AUP_SP_TOKEN for SharePoint REST): device-code sign-in is
// not in our stack. See docs/permissions.md for the permissions each needs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs, parseEnv } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createGraphClient, createSpRest, provision, verify, siteAddress, GraphRequestError, StoreError, type ProvisionGroups } from '../graph/index';
import { CURRENT_POLICY_META, policyAssetPath } from '../policy/index';

const USAGE = `Usage: npm run provision -- --site <site id | site URL | root> [options]

  --site <x>              Graph site id (host,guid,guid), the site's URL, or "root"
  --graph-base <u>        Graph's root (default https://graph.microsoft.com; the emulator: http://127.0.0.1:4010)
  --token-upn <upn>       emulator only: sign in as this demo user through /_dev/token
  --token <jwt>           a Graph access token (or env AUP_GRAPH_TOKEN)
  --sp-token <jwt>        a SharePoint access token (or env AUP_SP_TOKEN); defaults to the Graph token on the emulator
  --all-staff-group <id>  Entra object id of the all-staff group (or AUP_ALL_STAFF_GROUP_ID, in the environment or .env)
  --managers-group <id>   Entra object id of the managers group (or AUP_MANAGERS_GROUP_ID)
  --admins-group <id>     optional: Entra object id of the admins group (or AUP_ADMINS_GROUP_ID); without it managers administer
  --verify                change nothing; list every difference from the role model and exit 1 if there is any
  --policy <file>         Markdown of the policy to seed (default ${policyAssetPath(CURRENT_POLICY_META.versionLabel)})
  --help                  this text`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UsageError extends Error {}

/** A site URL becomes Graph's `host:/server-relative-path` address; ids and "root" pass through. */
async function devToken(graphBase: string, upn: string): Promise<string> {
  const url = `${new URL(graphBase).origin}/_dev/token`;
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn }) });
  } catch (error) {
    throw new UsageError(`Cannot reach the emulator at ${url} (${error instanceof Error ? error.message : String(error)}). Is it running? Try \`npm run emulator\`.`);
  }
  if (!response.ok) {
    throw new UsageError(`The emulator refused a token for "${upn}" (${response.status}: ${(await response.text()).slice(0, 200)}). List the demo users at ${new URL(graphBase).origin}/_dev/users.`);
  }
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new UsageError(`The emulator's /_dev/token answered without an access_token`);
  return body.access_token;
}

/** The emulator's own groups, from its /_dev/info. */
async function emulatorGroups(graphBase: string): Promise<ProvisionGroups> {
  const url = `${new URL(graphBase).origin}/_dev/info`;
  const response = await fetch(url).catch((error: unknown) => {
    throw new UsageError(`Cannot reach the emulator at ${url} (${error instanceof Error ? error.message : String(error)}).`);
  });
  const info = (await response.json()) as { allStaffGroupId?: unknown; managersGroupId?: unknown; adminsGroupId?: unknown };
  if (typeof info.allStaffGroupId !== 'string' || typeof info.managersGroupId !== 'string') throw new UsageError(`The emulator's ${url} names no groups.`);
  return { allStaffGroupId: info.allStaffGroupId, managersGroupId: info.managersGroupId, adminsGroupId: typeof info.adminsGroupId === 'string' ? info.adminsGroupId : null };
}

/** AUP_*_GROUP_ID from the environment, else from ./.env (the file `npm run package` reads). */
async function envGroups(): Promise<Record<string, string | undefined>> {
  const fromFile = existsSync('.env') ? parseEnv(await readFile('.env', 'utf8')) : {};
  const pick = (name: string): string | undefined => (process.env[name] || fromFile[name] || undefined)?.trim() || undefined;
  return { allStaff: pick('AUP_ALL_STAFF_GROUP_ID'), managers: pick('AUP_MANAGERS_GROUP_ID'), admins: pick('AUP_ADMINS_GROUP_ID') };
}

async function resolveGroups(values: { 'all-staff-group'?: string | undefined; 'managers-group'?: string | undefined; 'admins-group'?: string | undefined }, emulatorBase: string | undefined): Promise<ProvisionGroups> {
  const flags = { allStaff: values['all-staff-group'], managers: values['managers-group'], admins: values['admins-group'] };
  // On the emulator its own groups stand in for whatever a school's .env names.
  const fallback = emulatorBase && !flags.allStaff && !flags.managers
    ? await emulatorGroups(emulatorBase).then((g) => ({ allStaff: g.allStaffGroupId, managers: g.managersGroupId, admins: g.adminsGroupId ?? undefined }))
    : await envGroups();
  const allStaff = flags.allStaff ?? fallback.allStaff;
  const managers = flags.managers ?? fallback.managers;
  const admins = flags.admins ?? fallback.admins;
  const problems: string[] = [];
  if (!allStaff) problems.push('the all-staff group is not named: give --all-staff-group <object id> or set AUP_ALL_STAFF_GROUP_ID');
  else if (!GUID.test(allStaff)) problems.push(`the all-staff group id "${allStaff}" is not a GUID (Entra admin centre > Groups > the group > Object ID)`);
  if (!managers) problems.push('the managers group is not named: give --managers-group <object id> or set AUP_MANAGERS_GROUP_ID');
  else if (!GUID.test(managers)) problems.push(`the managers group id "${managers}" is not a GUID`);
  if (admins && !GUID.test(admins)) problems.push(`the admins group id "${admins}" is not a GUID (or leave AUP_ADMINS_GROUP_ID empty to let managers administer)`);
  if (problems.length > 0) throw new UsageError(`Cannot provision: ${problems.join('; ')}.`);
  return { allStaffGroupId: allStaff!.toLowerCase(), managersGroupId: managers!.toLowerCase(), adminsGroupId: admins ? admins.toLowerCase() : null };
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      site: { type: 'string' },
      'graph-base': { type: 'string', default: 'https://graph.microsoft.com' },
      'token-upn': { type: 'string' },
      token: { type: 'string' },
      'sp-token': { type: 'string' },
      'all-staff-group': { type: 'string' },
      'managers-group': { type: 'string' },
      'admins-group': { type: 'string' },
      verify: { type: 'boolean', default: false },
      policy: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.site) throw new UsageError('--site is required (a Graph site id, the site URL, or "root").');
  const graphBase = values['graph-base'];

  let graphToken = values.token ?? process.env.AUP_GRAPH_TOKEN;
  let spToken = values['sp-token'] ?? process.env.AUP_SP_TOKEN;
  if (values['token-upn']) {
    graphToken = await devToken(graphBase, values['token-upn']);
    spToken ??= graphToken; // the emulator's dev token is good for its SharePoint REST too
  }
  if (!graphToken) {
    throw new UsageError('No token. For the emulator give --token-upn <demo admin upn>; for a tenant give --token <jwt> or set AUP_GRAPH_TOKEN (see docs/permissions.md).');
  }
  if (!spToken) {
    throw new UsageError('No SharePoint token: permissions, item-level security and versioning need SharePoint REST. Give --sp-token <jwt> or set AUP_SP_TOKEN (audience: https://<tenant>.sharepoint.com, AllSites.FullControl).');
  }
  const groups = await resolveGroups(values, values['token-upn'] ? graphBase : undefined);

  // Tokens stay in this process's memory; nothing is written to disk.
  const graph = createGraphClient({ baseUrl: graphBase, getToken: async () => graphToken });
  const spRest = createSpRest({ getToken: async () => spToken });
  const siteId = siteAddress(values.site);

  if (values.verify) {
    const report = await verify({ graph, spRest, siteId, groups });
    console.log(`Site ${report.siteId} (${report.webUrl})`);
    if (report.drifts.length === 0) {
      console.log("Verified: every AUP Guard list, permission level and role assignment matches the role model.");
      return 0;
    }
    for (const drift of report.drifts) console.log(`  drift: ${drift}`);
    console.log(`Not verified: ${report.drifts.length} difference(s) from the role model. Run \`npm run provision\` (without --verify) to put them right.`);
    return 1;
  }

  const policyFile = values.policy ?? policyAssetPath(CURRENT_POLICY_META.versionLabel);
  let policyText: string;
  try {
    policyText = await readFile(policyFile, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the policy text at ${policyFile}.`);
  }

  const report = await provision({
    graph,
    spRest,
    siteId,
    groups,
    policy: { version: CURRENT_POLICY_META.versionLabel, title: CURRENT_POLICY_META.title, effectiveDate: CURRENT_POLICY_META.effectiveDate, text: policyText },
    log: (line) => console.log(`  changed: ${line}`),
  });
  console.log(`Site ${report.siteId} (${report.webUrl})`);
  for (const [name, id] of Object.entries(report.lists)) console.log(`  list "${name}": ${id}`);
  for (const note of report.notes) console.log(`  note: ${note}`);
  console.log(report.changed ? `Provisioned: ${report.changes.length} change(s).` : 'Nothing to change: the site is already provisioned.');
  return 0;
}

/** The server's message as a sentence, so the advice after it reads cleanly. */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function explain(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  if (error instanceof StoreError) return error.message;
  if (error instanceof GraphRequestError) {
    const where = error.path ? ` (${error.method} ${error.path})` : '';
    switch (error.status) {
      case 0: return `Cannot reach ${error.path ?? 'Graph'}: ${error.detail}. Check --graph-base, or start the emulator with \`npm run emulator\`.`;
      case 401: return `The token was refused (401${error.code ? ` ${error.code}` : ''})${where}. It may have expired: get a new one.`;
      case 403: return `Permission denied (403${error.code ? ` ${error.code}` : ''})${where}: ${sentence(error.detail)} Provisioning needs a site owner's tokens with Graph Sites.Manage.All and SharePoint AllSites.FullControl; docs/permissions.md lists every call.`;
      case 404: return `Not found (404)${where}: ${sentence(error.detail)} Check --site.`;
      default: return `${error.message}${error.requestId ? ` [request-id ${error.requestId}]` : ''}`;
    }
  }
  return error instanceof Error ? error.message : String(error);
}

// Run only as a script, so tests can import main.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(`provision: ${explain(error)}`);
      if (error instanceof UsageError && !(error.message.startsWith('Cannot') || error.message.startsWith('The emulator'))) console.error(`\n${USAGE}`);
      process.exitCode = 1;
    },
  );
}
