// `npm run contacts` against the emulator: the same import as the Teams panel,
// checked first (nothing written for a bad file), leavers removed only when
// confirmed, and the send-check snapshot published in the same run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/contacts';
import { startEmulator, DEMO_USERS, type Emulator } from '../src/emulator/index';
import { ContactsRepository, SendCheckRepository, createGraphClient, siteLists, type SiteLists } from '../src/graph/index';
import { DEMO_CONTACTS } from '../src/dev/demo-settings';

const dir = mkdtempSync(join(tmpdir(), 'aup-contacts-'));
let emulator: Emulator;
let lists: SiteLists;

const csv = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--site', 'root', '--graph-base', emulator.url, '--token-upn', DEMO_USERS.admin], { out: (l) => out.push(l), err: (l) => err.push(l) }, () => new Date('2026-02-01T09:00:00Z'));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  const token = ((await (await fetch(`${emulator.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn: DEMO_USERS.admin }) })).json()) as { access_token: string }).access_token;
  lists = siteLists(createGraphClient({ baseUrl: emulator.url, getToken: async () => token }), emulator.siteId);
});

afterAll(async () => {
  await emulator?.close();
});

// Two of the demo school's own contacts (a pupil and a parent), so they are "already up to date".
const FILE = `Email,Relationship,Pupil name,UPN\n${DEMO_CONTACTS.slice(0, 2).map((c) => `${c.email},${c.role},${c.pupilName ?? ''},${c.pupilUpn ?? ''}`).join('\n')}\n`;

describe('npm run contacts', () => {
  it('refuses a file with errors, naming each by row and column, and writes nothing', async () => {
    const before = (await new ContactsRepository(lists).listAll()).length;
    const { code, err } = await run('import', csv('bad.csv', 'Email,Relationship,Pupil name\nsarah@,Mother,Amelia Hughes\nok@example.com,Aunt twice removed,Amelia Hughes\n'));
    expect(code).toBe(1);
    expect(err).toMatch(/2 errors; nothing was imported/);
    expect(err).toMatch(/Row 2, Email: "sarah@" is not an email address/);
    expect(err).toMatch(/Row 3, Relationship: "Aunt twice removed" is not a relationship we know/);
    expect((await new ContactsRepository(lists).listAll()).length).toBe(before);
  });

  it('says how many leavers would go and writes nothing without --yes; a dry run writes nothing either', async () => {
    const before = (await new ContactsRepository(lists).listAll()).length;
    const snapshot = (await new SendCheckRepository(lists).latest())?.id;
    const file = csv('small.csv', FILE);
    const dry = await run('import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/2 contacts: 0 new, 0 changed, 2 already up to date\./);
    expect(dry.out).toMatch(new RegExp(`${(before - 2).toLocaleString('en-GB')} stored contacts not in the file \\(leavers' families\\) will be removed\\.`));
    expect(dry.out).toMatch(/Dry run: nothing was written/);
    const asked = await run('import', file);
    expect(asked.code).toBe(1);
    expect(asked.err).toMatch(/Nothing was written\. To remove .* run again with --yes; to keep them, with --keep-missing\./);
    expect((await new ContactsRepository(lists).listAll()).length).toBe(before);
    expect((await new SendCheckRepository(lists).latest())?.id).toBe(snapshot);
  });

  it('keeps them with --keep-missing, and with --yes removes them and publishes a new snapshot in the same run', async () => {
    const before = (await new ContactsRepository(lists).listAll()).length;
    const file = csv('small.csv', FILE);
    const kept = await run('import', file, '--keep-missing');
    expect(kept.code).toBe(0);
    expect((await new ContactsRepository(lists).listAll()).length).toBe(before);
    const snapshot = (await new SendCheckRepository(lists).latest())?.id;
    const done = await run('import', file, '--yes');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(new RegExp(`Imported: 0 added, 0 updated, 2 already up to date, ${before - 2} removed\\.`));
    expect(done.out).toMatch(/Published AUP Send Check snapshot 20260201T090000Z-[0-9a-f]{8}/);
    expect((await new ContactsRepository(lists).listAll()).length).toBe(2);
    expect((await new SendCheckRepository(lists).latest())?.id).not.toBe(snapshot);
  });

  it('explains its usage', async () => {
    expect((await run('export')).code).toBe(2);
    const help = await main(['--help'], { out: () => undefined, err: () => undefined });
    expect(help).toBe(0);
  });
});
