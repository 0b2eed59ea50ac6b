import { describe, expect, it } from 'vitest';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../emulator/seed/ids';
import { resolveConfig } from '../config';

describe('resolveConfig', () => {
  it('gives a production build Graph, the school groups and the Teams app id from its VITE_* variables, and no demo group', () => {
    const config = resolveConfig({
      MODE: 'production', VITE_AAD_CLIENT_ID: 'c-1', VITE_MANAGERS_GROUP_ID: 'm-1', VITE_ALL_STAFF_GROUP_ID: ' s-1 ', VITE_TEAMS_APP_ID: 'app-1',
      VITE_TEAMS_CATALOG_APP_ID: 'cat-1',
    }, '?graph=http://localhost:4010');
    expect(config).toEqual({
      mode: 'production', graphBaseUrl: 'https://graph.microsoft.com', siteId: 'root', clientId: 'c-1',
      authority: 'https://login.microsoftonline.com/organizations', managersGroupId: 'm-1', adminsGroupId: null,
      allStaffGroupId: 's-1', teamsAppId: 'app-1', teamsCatalogAppId: 'cat-1',
    });
  });

  it('leaves a production build without an all-staff group or Teams app id null, never the demo group', () => {
    const config = resolveConfig({ MODE: 'production', VITE_ALL_STAFF_GROUP_ID: '  ', VITE_TEAMS_APP_ID: '' }, '');
    expect([config.allStaffGroupId, config.teamsAppId]).toEqual([null, null]);
  });

  it("names the emulator's all-staff, managers and admins groups in the demo, so roles and staff come from Graph there too", () => {
    const config = resolveConfig({ MODE: 'demo' }, '');
    expect(config.graphBaseUrl).toBe('http://localhost:4010');
    expect([config.allStaffGroupId, config.managersGroupId, config.adminsGroupId]).toEqual([ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID, ADMINS_GROUP_ID]);
    expect(config.teamsAppId).toBeNull();
  });

  it('lets a demo page choose a loopback emulator with ?graph=, and nothing else', () => {
    expect(resolveConfig({ MODE: 'demo' }, '?graph=http://127.0.0.1:41234/').graphBaseUrl).toBe('http://127.0.0.1:41234');
    expect(resolveConfig({ MODE: 'demo' }, '?graph=https://evil.example').graphBaseUrl).toBe('http://localhost:4010');
    expect(resolveConfig({ MODE: 'demo' }, '?graph=http://localhost.evil.example:4010').graphBaseUrl).toBe('http://localhost:4010');
  });

  it('lets VITE_AUP_MODE=production win over a demo build mode', () => {
    expect(resolveConfig({ MODE: 'demo', VITE_AUP_MODE: 'production' }, '').mode).toBe('production');
  });
});

describe('build variables', () => {
  it('are typed: an undeclared VITE_* name does not compile (vite-env.d.ts)', () => {
    // @ts-expect-error VITE_MANAGER_GROUP_ID is a misspelling of VITE_MANAGERS_GROUP_ID
    const misspelt: unknown = import.meta.env.VITE_MANAGER_GROUP_ID;
    expect(misspelt).toBeUndefined();
  });
});
