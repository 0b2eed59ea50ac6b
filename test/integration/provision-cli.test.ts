// `npm run provision` end to end against the emulator: dev sign-in, first run,
// second run, and the errors a newcomer is likely to meet.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_STAFF_GROUP_ID, DEMO_USERS, MANAGERS_GROUP_ID } from '../../src/emulator/index';
import { createSpRest } from '../../src/graph/index';
import { main } from '../../src/cli/provision';
import { startEmulator } from './support';
import type { Emulator } from './support';

let emulator: Emulator;
let output: string[];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty' });
});

afterAll(async () => {
  await emulator?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function capture(): void {
  output = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { output.push(args.join(' ')); });
}

describe('npm run provision', () => {
  it('provisions an empty site, then reports nothing to change', async () => {
    capture();
    expect(await main(['--site', 'root', '--graph-base', emulator.url, '--token-upn', DEMO_USERS.admin])).toBe(0);
    expect(output.some((l) => l.includes('changed: Created list "AUP Acknowledgements"'))).toBe(true);
    expect(output.at(-1)).toMatch(/^Provisioned: \d+ change\(s\)\.$/);

    capture();
    expect(await main(['--site', emulator.siteId, '--graph-base', emulator.url, '--token-upn', DEMO_USERS.admin])).toBe(0);
    expect(output.at(-1)).toBe('Nothing to change: the site is already provisioned.');
    expect(output.some((l) => l.startsWith('  changed:'))).toBe(false);
  });

  it('names the missing --site', async () => {
    await expect(main(['--graph-base', emulator.url, '--token-upn', DEMO_USERS.admin])).rejects.toThrow(/--site is required/);
  });

  it('names the missing token', async () => {
    const saved = process.env.AUP_GRAPH_TOKEN;
    delete process.env.AUP_GRAPH_TOKEN;
    try {
      await expect(main(['--site', 'root', '--graph-base', emulator.url])).rejects.toThrow(/No token/);
    } finally {
      if (saved !== undefined) process.env.AUP_GRAPH_TOKEN = saved;
    }
  });

  it('says which user the emulator does not know', async () => {
    await expect(main(['--site', 'root', '--graph-base', emulator.url, '--token-upn', 'nobody@example.org'])).rejects.toThrow(/nobody@example\.org/);
  });

  it('a bad token is refused with 401, as a typed error', async () => {
    const groups = ['--all-staff-group', ALL_STAFF_GROUP_ID, '--managers-group', MANAGERS_GROUP_ID];
    await expect(main(['--site', 'root', '--graph-base', emulator.url, '--token', 'not-a-jwt', '--sp-token', 'x', ...groups])).rejects.toMatchObject({ name: 'GraphRequestError', status: 401 });
  });

  it('names the group ids a tenant must give, and refuses one that is not a GUID', async () => {
    const saved = { a: process.env.AUP_ALL_STAFF_GROUP_ID, m: process.env.AUP_MANAGERS_GROUP_ID };
    delete process.env.AUP_ALL_STAFF_GROUP_ID;
    delete process.env.AUP_MANAGERS_GROUP_ID;
    try {
      await expect(main(['--site', 'root', '--graph-base', emulator.url, '--token', 't', '--sp-token', 't'])).rejects.toThrow(/AUP_ALL_STAFF_GROUP_ID.*AUP_MANAGERS_GROUP_ID/);
      await expect(main(['--site', 'root', '--graph-base', emulator.url, '--token', 't', '--sp-token', 't', '--all-staff-group', 'All Staff', '--managers-group', MANAGERS_GROUP_ID]))
        .rejects.toThrow(/"All Staff" is not a GUID/);
    } finally {
      if (saved.a !== undefined) process.env.AUP_ALL_STAFF_GROUP_ID = saved.a;
      if (saved.m !== undefined) process.env.AUP_MANAGERS_GROUP_ID = saved.m;
    }
  });
});

describe('npm run provision -- --verify', () => {
  let demo: Emulator;
  beforeAll(async () => {
    demo = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  });
  afterAll(async () => {
    await demo?.close();
  });
  const verifyDemo = () => main(['--site', 'root', '--graph-base', demo.url, '--token-upn', DEMO_USERS.admin, '--verify']);

  it('passes on fresh demo data: the demo runs under the role model a school gets', async () => {
    capture();
    expect(await verifyDemo()).toBe(0);
    expect(output.at(-1)).toBe('Verified: every AUP Guard list, permission level and role assignment matches the role model.');
  });

  it('exits 1 with one line per drift, and changes nothing', async () => {
    const token = ((await (await fetch(`${demo.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn: DEMO_USERS.admin }) })).json()) as { access_token: string }).access_token;
    const spRest = createSpRest({ getToken: async () => token });
    const lists = (await (await fetch(`${demo.url}/v1.0/sites/root/lists`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { value: { id: string; displayName: string }[] };
    const policies = lists.value.find((l) => l.displayName === 'AUP Policies')!.id;
    await spRest.resetRoleInheritance(`${demo.url}/sites/wellsap`, policies);
    capture();
    expect(await verifyDemo()).toBe(1);
    expect(output).toContain('  drift: AUP Policies inherits permissions from the site');
    expect(output).toContain('  drift: All Staff cannot read items in AUP Policies');
    expect(output.at(-1)).toMatch(/^Not verified: \d+ difference\(s\) from the role model\./);
    capture();
    expect(await verifyDemo()).toBe(1); // verify changed nothing
    capture();
    expect(await main(['--site', 'root', '--graph-base', demo.url, '--token-upn', DEMO_USERS.admin])).toBe(0);
    expect(output).toContain('  changed: Stopped "AUP Policies" inheriting the site\'s permissions');
    capture();
    expect(await verifyDemo()).toBe(0);
  });
});

