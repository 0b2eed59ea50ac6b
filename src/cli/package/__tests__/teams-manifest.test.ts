import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSchemaPath, fillTemplate, renderTeamsManifest } from '../teams-manifest';

const template = join(import.meta.dirname, '../../../../manifest/teams/manifest.json');
const values = {
  VERSION: '0.1.0',
  TEAMS_APP_ID: '11111111-2222-5333-8444-555555555555',
  CLIENT_ID: '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e7f0a21',
  BASE_URL: 'https://aup.school.example',
  HOST: 'aup.school.example',
  PRIVACY_URL: 'https://school.example/privacy',
  TERMS_URL: 'https://aup.school.example/',
  ACCENT_COLOR: '#1F5F8B',
};

describe('fillTemplate', () => {
  it('fills placeholders inside strings, nested anywhere, and leaves other values alone', () => {
    expect(fillTemplate({ a: ['x{{HOST}}y', 3, true, null], b: { c: '{{HOST}}' } }, { HOST: 'h' })).toEqual({ a: ['xhy', 3, true, null], b: { c: 'h' } });
  });

  it('refuses a placeholder it was not given, naming it', () => {
    expect(() => fillTemplate({ a: '{{NOPE}}' }, {})).toThrow(/\{\{NOPE\}\}/);
  });

  it('does not let a value inject JSON structure', () => {
    expect(fillTemplate({ a: '{{X}}' }, { X: '", "b": "c' })).toEqual({ a: '", "b": "c' });
  });
});

describe('renderTeamsManifest', () => {
  it('fills every placeholder of the real template and passes the bundled schema', async () => {
    const { manifest, json } = await renderTeamsManifest(template, values);
    expect(json).not.toMatch(/\{\{/);
    expect(manifest.id).toBe(values.TEAMS_APP_ID);
    expect(manifest.developer.privacyUrl).toBe(values.PRIVACY_URL);
  });

  it('rejects values the schema forbids, with the schema path', async () => {
    await expect(renderTeamsManifest(template, { ...values, TEAMS_APP_ID: 'not-a-guid' })).rejects.toThrow(/\/id must match pattern/);
    await expect(renderTeamsManifest(template, { ...values, ACCENT_COLOR: 'blue' })).rejects.toThrow(/\/accentColor/);
  });

  it('uses a GA schema version of at least 1.24 that the package bundles', async () => {
    const { manifestVersion } = JSON.parse(await readFile(template, 'utf8')) as { manifestVersion: string };
    const [major, minor] = manifestVersion.split('.').map(Number);
    expect(major === 1 && (minor ?? 0) >= 24).toBe(true);
    await expect(readFile(bundledSchemaPath(manifestVersion), 'utf8')).resolves.toContain(`"const": "${manifestVersion}"`);
  });

  it('refuses a path-like manifest version rather than reading an arbitrary file', () => {
    expect(() => bundledSchemaPath('../../etc')).toThrow(/not a manifest version/);
  });
});
