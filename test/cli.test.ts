// The command-line checker end to end: real files on disk, the real engine.
// Most cases call main() with captured output for speed; one spawns the real
// entry point through `npm run check`'s command.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/check';
import type { ExitCode } from '../src/cli/check';

const SETTINGS = 'test/fixtures/settings/small-school.json';
const dir = mkdtempSync(join(tmpdir(), 'aup-check-'));

const eml = (headers: Record<string, string>, body: string): string =>
  `${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}\r\n`;

const files = {
  sensitive: join(dir, 'sensitive.eml'),
  evening: join(dir, 'evening.eml'),
  noDate: join(dir, 'no-date.eml'),
  empty: join(dir, 'empty.eml'),
};

beforeAll(() => {
  writeFileSync(files.sensitive, eml({
    From: 'j.morgan@wellsap.example.org.uk', To: 'admissions@county.example.gov.uk',
    Subject: 'Transfer', Date: 'Tue, 10 Feb 2026 10:30:00 +0000',
  }, 'Amelia Hughes is transferring on Monday. Her UPN is B801200005001.'));
  writeFileSync(files.evening, eml({
    From: 'j.morgan@wellsap.example.org.uk', To: 'sarah.hughes82@gmail.com',
    Subject: 'PE kit', Date: 'Tue, 10 Feb 2026 19:10:00 +0000',
  }, 'Amelia left her PE kit at school.'));
  writeFileSync(files.noDate, eml({ From: 'j.morgan@wellsap.example.org.uk', To: 'sarah.hughes82@gmail.com', Subject: 'Draft' }, 'Hello'));
  writeFileSync(files.empty, '');
});

async function run(...argv: string[]): Promise<{ code: ExitCode; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('check --json', () => {
  it('prints one JSON object per message with the file as given, verdict, reason codes and masked findings', async () => {
    const { code, out, err } = await run('--settings', SETTINGS, '--json', files.sensitive, files.evening);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    const [first, second] = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ file: files.sensitive, verdict: 'warn', reasons: ['sensitive-unencrypted'] });
    expect(Object.keys(first ?? {})).toEqual(['file', 'verdict', 'reasons', 'findings', 'attachments']);
    const evidence = JSON.stringify(first?.findings);
    expect(evidence).toContain('upn');
    expect(evidence).not.toContain('B801200005001');
    expect(second).toMatchObject({ file: files.evening, verdict: 'warn', reasons: ['outside-hours'] });
  });

  it('takes the send time from --at over the Date header', async () => {
    const { out } = await run('--settings', SETTINGS, '--json', '--at', '2026-02-10T10:00:00Z', files.evening);
    expect(JSON.parse(out[0] ?? '{}')).toMatchObject({ verdict: 'allow', reasons: [] });
  });

  it('reads a zone-less --at as the school\'s local time (BST in June)', async () => {
    const inHours = await run('--settings', SETTINGS, '--json', '--at', '2026-06-10T17:59:59', files.evening);
    const after = await run('--settings', SETTINGS, '--json', '--at', '2026-06-10T18:00:00', files.evening);
    expect(JSON.parse(inHours.out[0] ?? '{}')).toMatchObject({ reasons: [] });
    expect(JSON.parse(after.out[0] ?? '{}')).toMatchObject({ reasons: ['outside-hours'] });
  });
});

describe('check report', () => {
  it('shows the verdict, each reason with its message and policy clause, masked findings and fixes', async () => {
    const { code, out } = await run('--settings', SETTINGS, files.sensitive);
    const text = out.join('\n');
    expect(code).toBe(0);
    expect(text).toContain(`${files.sensitive}: WARN`);
    expect(text).toMatch(/sensitive-unencrypted: .+/);
    expect(text).toContain('Appropriate security must be used or applied');
    expect(text).toMatch(/findings:\n\s+- .*UPN/);
    expect(text).not.toContain('B801200005001');
    expect(text).toContain('add [secure] to the subject');
  });

  it('suggests the next permitted time in the school\'s time zone', async () => {
    const { out } = await run('--settings', SETTINGS, files.evening);
    expect(out.join('\n')).toContain('schedule delivery for Wed 11/02/2026 08:00');
  });
});

describe('check errors', () => {
  it('names an unreadable file, still checks the others, and exits 1', async () => {
    const missing = join(dir, 'missing.eml');
    const { code, out, err } = await run('--settings', SETTINGS, '--json', missing, files.sensitive);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: cannot read`));
    expect(out.map((l) => (JSON.parse(l) as { file: string }).file)).toEqual([files.sensitive]);
  });

  it('reports an unparseable (empty) file and exits 1', async () => {
    const { code, err } = await run('--settings', SETTINGS, files.empty);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`${files.empty}: error: cannot parse: the file is empty`);
  });

  it('asks for --at when a message has no Date header', async () => {
    const { code, err } = await run('--settings', SETTINGS, files.noDate);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('no send time');
    const withAt = await run('--settings', SETTINGS, '--at', '2026-02-10T10:00:00Z', files.noDate);
    expect(withAt.code).toBe(0);
  });

  it('prints every settings validation message and exits 2', async () => {
    const { code, out, err } = await run('--settings', 'test/fixtures/settings/invalid-hours.json', files.sensitive);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    const text = err.join('\n');
    expect(text).toContain('permittedHours.start: "25:00" is not a time of day');
    expect(text).toContain('colour: is not a known setting');
  });

  it('exits 2 for settings that are not JSON or cannot be read', async () => {
    const notJson = await run('--settings', 'test/fixtures/settings/not-json.json', files.sensitive);
    const missing = await run('--settings', join(dir, 'nope.json'), files.sensitive);
    expect(notJson.code).toBe(2);
    expect(notJson.err.join('\n')).toContain('not valid JSON');
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('cannot read settings');
  });

  it('works with almost empty settings: the sender\'s domain is the school', async () => {
    const { code, out } = await run('--settings', 'test/fixtures/settings/empty.json', '--json', files.sensitive);
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '{}')).toHaveProperty('verdict');
  });

  it.each([
    [['--json', files.sensitive], '--settings is required'],
    [['--settings', SETTINGS], 'name at least one .eml file'],
    [['--settings', SETTINGS, '--at', 'yesterday', files.sensitive], 'is not an ISO-8601'],
    [['--settings', SETTINGS, '--at', '2026-02-31T10:00:00Z', files.sensitive], 'is not an ISO-8601'],
    [['--settings', SETTINGS, '--verbose', files.sensitive], "Unknown option '--verbose'"],
  ])('exits 2 for bad usage: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});

describe('check entry point', () => {
  it('runs as a real process, printing JSON lines and exiting 1 when a file is missing', async () => {
    const exec = promisify(execFile);
    const missing = join(dir, 'missing.eml');
    const result = await exec('npx', ['tsx', 'src/cli/check.ts', '--settings', SETTINGS, '--json', files.evening, missing])
      .then(() => ({ code: 0, stdout: '', stderr: '' }), (e: { code: number; stdout: string; stderr: string }) => e);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ file: files.evening, reasons: ['outside-hours'] });
    expect(result.stderr).toContain(`${missing}: error: cannot read`);
  }, 30_000);
});
