import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, loadEnvFile, validateEnv } from '../env';

const good = {
  AUP_BASE_URL: 'https://aup.school.example',
  AUP_CLIENT_ID: '3F2B8C1E-7A4D-4E2F-9B6A-1C5D8E7F0A21',
  AUP_TENANT_ID: '9d4e6f21-3b7c-4a8e-8f1d-2c6b5a4e3d90',
  AUP_SHAREPOINT_SITE: 'https://school.sharepoint.com/sites/aup/',
  AUP_MANAGERS_GROUP_ID: '5a7c9e1b-2d4f-4b6a-8c0e-1f3a5b7d9e02',
  AUP_ALL_STAFF_GROUP_ID: '6b8d0f2c-3e5a-4c7b-9d1f-2a4b6c8e0f13',
};

/** The problems validateEnv reports for these values, or [] when they pass. */
function problems(raw: Record<string, string | undefined>): string[] {
  try {
    validateEnv(raw);
    return [];
  } catch (err) {
    if (err instanceof EnvError) return [...err.problems];
    throw err;
  }
}

describe('validateEnv', () => {
  it('accepts complete values and normalises GUID case and trailing slashes', () => {
    const env = validateEnv({ ...good, AUP_BASE_URL: 'https://aup.school.example/' });
    expect(env.baseUrl).toBe('https://aup.school.example');
    expect(env.clientId).toBe('3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21');
    expect(env.sharePointSite).toBe('https://school.sharepoint.com/sites/aup');
    expect(env.teamsAppId).toBeUndefined();
  });

  it('lets the admins group default to the managers group', () => {
    expect(validateEnv(good).adminsGroupId).toBe(good.AUP_MANAGERS_GROUP_ID);
    expect(validateEnv({ ...good, AUP_ADMINS_GROUP_ID: good.AUP_ALL_STAFF_GROUP_ID }).adminsGroupId).toBe(good.AUP_ALL_STAFF_GROUP_ID);
  });

  it.each(['AUP_BASE_URL', 'AUP_CLIENT_ID', 'AUP_TENANT_ID', 'AUP_SHAREPOINT_SITE', 'AUP_MANAGERS_GROUP_ID', 'AUP_ALL_STAFF_GROUP_ID'])(
    'names %s when it is missing or blank',
    (key) => {
      expect(problems({ ...good, [key]: undefined })).toEqual([`${key} is missing or empty`]);
      expect(problems({ ...good, [key]: '   ' })).toEqual([`${key} is missing or empty`]);
    },
  );

  it('reports every bad value at once, not just the first', () => {
    const found = problems({ ...good, AUP_CLIENT_ID: 'abc', AUP_TENANT_ID: '' });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^AUP_CLIENT_ID must be a GUID .*\(found "abc"\)$/);
    expect(found[1]).toBe('AUP_TENANT_ID is missing or empty');
  });

  it.each([
    ['http://aup.school.example', /https/],
    ['https://aup.school.example/teams', /no path/],
    ['https://aup.school.example?x=1', /no path/],
    ['aup.school.example', /full URL/],
  ])('refuses base URL %s', (value, message) => {
    const [problem] = problems({ ...good, AUP_BASE_URL: value });
    expect(problem).toMatch(/^AUP_BASE_URL /);
    expect(problem).toMatch(message);
  });

  it('accepts a base URL with a port, which some hosts need', () => {
    expect(validateEnv({ ...good, AUP_BASE_URL: 'https://aup.school.example:8443' }).baseUrl).toBe('https://aup.school.example:8443');
  });

  it.each([
    ['https://school.sharepoint.com', 'https://school.sharepoint.com'],
    ['https://school.sharepoint.com/teams/staff', 'https://school.sharepoint.com/teams/staff'],
  ])('accepts the SharePoint site %s', (value, expected) => {
    expect(validateEnv({ ...good, AUP_SHAREPOINT_SITE: value }).sharePointSite).toBe(expected);
  });

  it.each([
    'https://school.example.com/sites/aup',
    'http://school.sharepoint.com/sites/aup',
    'https://school.sharepoint.com/sites/aup/Lists/Acknowledgements',
    'https://school.sharepoint.com/sites/aup/SitePages/Home.aspx',
  ])('refuses %s as the SharePoint site', (value) => {
    expect(problems({ ...good, AUP_SHAREPOINT_SITE: value })[0]).toMatch(/^AUP_SHAREPOINT_SITE /);
  });

  it('treats empty optional ids as "derive one" but refuses malformed ones', () => {
    expect(validateEnv({ ...good, AUP_TEAMS_APP_ID: '' }).teamsAppId).toBeUndefined();
    expect(problems({ ...good, AUP_TEAMS_APP_ID: 'not-a-guid' })[0]).toMatch(/^AUP_TEAMS_APP_ID must be a GUID/);
    expect(problems({ ...good, AUP_PRIVACY_URL: 'http://school.example/privacy' })[0]).toMatch(/^AUP_PRIVACY_URL /);
  });
});

describe('loadEnvFile', () => {
  it('parses a .env file with comments and quotes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aup-env-'));
    const file = join(dir, '.env');
    await writeFile(file, `# comment\n${Object.entries(good).map(([k, v]) => `${k}="${v}"`).join('\n')}\n`);
    expect((await loadEnvFile(file)).tenantId).toBe(good.AUP_TENANT_ID);
  });

  it('says to copy .env.example when the file does not exist', async () => {
    await expect(loadEnvFile('/nonexistent/.env')).rejects.toThrow(/copy \.env\.example to \.env/);
  });

  it('accepts the shipped .env.example, so a fresh clone can package', async () => {
    await expect(loadEnvFile(join(import.meta.dirname, '../../../../.env.example'))).resolves.toMatchObject({ baseUrl: 'https://aup.school.example' });
  });
});
