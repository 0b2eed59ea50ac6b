// `npm run contacts -- import <file.csv> --site <site> [--keep-missing] [--dry-run] [--yes]`
// `npm run contacts -- publish --site <site>`
//
// Imports parents, carers and pupils from the MIS's CSV export into AUP
// Contacts and, in the same run, publishes the AUP Send Check snapshot staff's
// Outlook reads (issue 10): the same code path as the admin panel in Teams
// (src/graph/contacts.ts). The whole file is checked first; a file with any
// error imports nothing. Contacts no longer in the file (leavers' families)
// are removed by default, after saying how many: that needs --yes, or
// --keep-missing to keep them. `publish` rebuilds the snapshot only (after
// the pupils or parent contacts in AUP Settings change, say).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describeIssue, parseContactsCsv } from '../csv';
import {
  ContactsRepository, GraphRequestError, StoreError, createGraphClient, importContacts, publishSendCheck, siteAddress, siteLists,
} from '../graph/index';

export const USAGE = `Usage:
  npm run contacts -- import <contacts.csv> --site <site> [options]
  npm run contacts -- publish --site <site> [options]

  import            check the whole file, then write AUP Contacts and publish AUP Send Check
  publish           publish AUP Send Check again from AUP Contacts and AUP Settings as they stand

  --site <x>        Graph site id (host,guid,guid), the site's URL, or "root"
  --keep-missing    keep stored contacts the file no longer lists (default: remove them)
  --yes             remove the contacts the file no longer lists without asking again
  --dry-run         check the file and say what would change; write nothing
  --graph-base <u>  Graph's root (default https://graph.microsoft.com; the emulator: http://127.0.0.1:4010)
  --token-upn <upn> emulator only: sign in as this demo user through /_dev/token
  --token <jwt>     a Graph access token of an AUP admin (or env AUP_GRAPH_TOKEN)
  --help            this text

Exit codes: 0 done (or dry run), 1 nothing written (errors in the file, or removals not confirmed), 2 bad usage.`;

class UsageError extends Error {}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const CONSOLE: Output = { out: (l) => console.log(l), err: (l) => console.error(l) };

async function devToken(graphBase: string, upn: string): Promise<string> {
  const url = `${new URL(graphBase).origin}/_dev/token`;
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn }) })
    .catch((error: unknown) => { throw new UsageError(`Cannot reach the emulator at ${url} (${error instanceof Error ? error.message : String(error)}).`); });
  if (!response.ok) throw new UsageError(`The emulator refused a token for "${upn}" (${response.status}).`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new UsageError('The emulator answered without an access_token.');
  return body.access_token;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export async function main(argv: readonly string[], io: Output = CONSOLE, now: () => Date = () => new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        site: { type: 'string' },
        'keep-missing': { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'graph-base': { type: 'string', default: 'https://graph.microsoft.com' },
        'token-upn': { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    io.err(`contacts: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, file, ...extra] = positionals;
  if ((command !== 'import' && command !== 'publish') || (command === 'import' && !file) || extra.length > 0 || (command === 'publish' && file)) {
    io.err(`contacts: say "import <file.csv>" or "publish".\n\n${USAGE}`);
    return 2;
  }
  if (!values.site) {
    io.err(`contacts: --site is required (a Graph site id, the site URL, or "root").\n\n${USAGE}`);
    return 2;
  }

  // Check the file before anything touches the network: a bad file needs no sign-in to be told so.
  let rows: ReturnType<typeof parseContactsCsv> | undefined;
  if (command === 'import' && file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      io.err(`contacts: cannot read ${file}.`);
      return 1;
    }
    rows = parseContactsCsv(text);
    for (const w of rows.warnings) io.out(`warning: ${describeIssue(w)}`);
    if (rows.errors.length > 0) {
      io.err(`${file}: ${plural(rows.errors.length, 'error')}; nothing was imported. Fix these in the file and run it again:`);
      for (const e of rows.errors) io.err(`  ${describeIssue(e)}`);
      return 1;
    }
    if (rows.rows.length === 0) {
      io.err(`${file}: no contacts in the file; nothing was imported.`);
      return 1;
    }
  }

  const graphBase = values['graph-base'];
  const token = values['token-upn'] ? await devToken(graphBase, values['token-upn']) : values.token ?? process.env.AUP_GRAPH_TOKEN;
  if (!token) throw new UsageError('No token. For the emulator give --token-upn <demo admin upn>; for a tenant give --token <jwt> or set AUP_GRAPH_TOKEN (an AUP admin\'s delegated token; see docs/permissions.md).');
  // Tokens stay in this process's memory; nothing is written to disk.
  const graph = createGraphClient({ baseUrl: graphBase, getToken: async () => token });
  // The site's id once (a URL or "root" is asked of Graph), so every list path is plain.
  const site = await graph.get<{ id?: string }>(`/sites/${siteAddress(values.site)}`, { query: { $select: 'id' } });
  if (!site.id) throw new UsageError(`Graph returned site ${values.site} without an id.`);
  const lists = siteLists(graph, site.id);

  if (command === 'publish') {
    const report = await publishSendCheck(lists, now());
    io.out(`Published AUP Send Check snapshot ${report.snapshotId}: ${plural(report.parts, 'part')}, ${report.chars.toLocaleString('en-GB')} characters; ${plural(report.removed, 'old item')} removed.`);
    return 0;
  }

  const contacts = (rows?.rows ?? []).map(({ email, role, pupilName, pupilUpn }) => ({ email, role, ...(pupilName ? { pupilName } : {}), ...(pupilUpn ? { pupilUpn } : {}) }));
  const plan = await new ContactsRepository(lists).plan(contacts);
  io.out(`${file}: ${plural(plan.contacts.length, 'contact')}: ${plan.created} new, ${plan.updated} changed, ${plan.unchanged} already up to date.`);
  const removing = !values['keep-missing'] && plan.missing.length > 0;
  if (plan.missing.length > 0) {
    io.out(values['keep-missing']
      ? `${plural(plan.missing.length, 'stored contact')} not in the file will be kept (--keep-missing).`
      : `${plural(plan.missing.length, 'stored contact')} not in the file (leavers' families) will be removed.`);
  }
  if (values['dry-run']) {
    io.out('Dry run: nothing was written.');
    return 0;
  }
  if (removing && !values.yes) {
    io.err(`Nothing was written. To remove ${plural(plan.missing.length, 'contact')}, run again with --yes; to keep them, with --keep-missing.`);
    return 1;
  }
  const change = await importContacts(lists, contacts, { removeMissing: removing, now: now() });
  io.out(`Imported: ${change.contacts.created} added, ${change.contacts.updated} updated, ${change.contacts.unchanged} already up to date, ${change.contacts.removed} removed.`);
  io.out(`Published AUP Send Check snapshot ${change.sendCheck.snapshotId} (${plural(change.sendCheck.parts, 'part')}); staff's Outlook picks it up at its next refresh.`);
  return 0;
}

function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof StoreError) return error.message;
  if (error instanceof GraphRequestError) {
    const where = error.path ? ` (${error.method} ${error.path})` : '';
    if (error.status === 0) return `Cannot reach ${error.path ?? 'Graph'}: ${error.detail}. Check --graph-base.`;
    if (error.status === 401) return `The token was refused (401)${where}. It may have expired: get a new one.`;
    if (error.status === 403) return `Permission denied (403)${where}: only AUP admins may change AUP Contacts and AUP Send Check.`;
    return `${error.message}${error.requestId ? ` [request-id ${error.requestId}]` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

// Run only as a script, so tests can import main.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      console.error(`contacts: ${explain(error)}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
