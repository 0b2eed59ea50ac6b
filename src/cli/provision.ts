// `npm run provision -- --site <site id, URL or root> [--graph-base <url>] [--token-upn <upn> | --token <jwt>]`
//
// Sets up (or checks) AUP Guard's lists on a SharePoint site; re-running
// changes nothing. Against the local emulator, --token-upn asks its
// /_dev/token for a demo user's token. For a real tenant, bring a delegated
// token yourself (--token or AUP_GRAPH_TOKEN, plus --sp-token or AUP_SP_TOKEN
// for SharePoint REST): device-code sign-in is not in our stack. See
// docs/permissions.md for the permissions each token needs.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createGraphClient, createSpRest, provision, siteAddress, GraphRequestError, StoreError } from '../graph/index';
import { CURRENT_POLICY_META, policyAssetPath } from '../policy/index';

const USAGE = `Usage: npm run provision -- --site <site id | site URL | root> [options]

  --site <x>         Graph site id (host,guid,guid), the site's URL, or "root"
  --graph-base <u>   Graph's root (default https://graph.microsoft.com; the emulator: http://127.0.0.1:4010)
  --token-upn <upn>  emulator only: sign in as this demo user through /_dev/token
  --token <jwt>      a Graph access token (or env AUP_GRAPH_TOKEN)
  --sp-token <jwt>   a SharePoint access token (or env AUP_SP_TOKEN); defaults to the Graph token on the emulator
  --policy <file>    Markdown of the policy to seed (default ${policyAssetPath(CURRENT_POLICY_META.versionLabel)})
  --help             this text`;

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

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      site: { type: 'string' },
      'graph-base': { type: 'string', default: 'https://graph.microsoft.com' },
      'token-upn': { type: 'string' },
      token: { type: 'string' },
      'sp-token': { type: 'string' },
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
    throw new UsageError('No SharePoint token: item-level security and versioning need SharePoint REST. Give --sp-token <jwt> or set AUP_SP_TOKEN (audience: https://<tenant>.sharepoint.com).');
  }

  const policyFile = values.policy ?? policyAssetPath(CURRENT_POLICY_META.versionLabel);
  let policyText: string;
  try {
    policyText = await readFile(policyFile, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the policy text at ${policyFile}.`);
  }

  // Tokens stay in this process's memory; nothing is written to disk.
  const graph = createGraphClient({ baseUrl: graphBase, getToken: async () => graphToken });
  const spRest = createSpRest({ getToken: async () => spToken });
  const report = await provision({
    graph,
    spRest,
    siteId: siteAddress(values.site),
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
      case 403: return `Permission denied (403${error.code ? ` ${error.code}` : ''})${where}: ${sentence(error.detail)} docs/permissions.md lists what provisioning needs (Sites.Manage.All or Sites.Selected with manage, and SharePoint AllSites.Manage).`;
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
