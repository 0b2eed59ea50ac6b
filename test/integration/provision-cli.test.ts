// `npm run provision` end to end against the emulator: dev sign-in, first run,
// second run, and the errors a newcomer is likely to meet.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/index';
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
    await expect(main(['--site', 'root', '--graph-base', emulator.url, '--token', 'not-a-jwt', '--sp-token', 'x'])).rejects.toMatchObject({ name: 'GraphRequestError', status: 401 });
  });
});

