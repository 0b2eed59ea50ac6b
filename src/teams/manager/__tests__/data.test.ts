import { describe, expect, it, vi } from 'vitest';
import { ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../../emulator/index';
import type { CatalogLookup } from '../../../graph/teams-app';
import { resolveConfig } from '../../../ui/config';
import { managerGroups, resolveTabLink } from '../data';

describe('managerGroups', () => {
  it("uses the emulator's demo groups in the demo build", () => {
    expect(managerGroups(resolveConfig({ MODE: 'demo' }, ''))).toEqual({ allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID });
  });

  it("takes the build's group ids from the app config", () => {
    const config = resolveConfig({ MODE: 'production', VITE_MANAGERS_GROUP_ID: 'm-1', VITE_ALL_STAFF_GROUP_ID: 's-1', VITE_TEAMS_APP_ID: 'app-1' }, '');
    expect(managerGroups(config)).toEqual({ allStaffGroupId: 's-1', managersGroupId: 'm-1' });
  });

  it('refuses a production build that names no all-staff group rather than falling back to the demo groups', () => {
    const config = resolveConfig({ MODE: 'production', VITE_MANAGERS_GROUP_ID: 'm-1' }, '');
    expect(() => managerGroups(config)).toThrow(/VITE_ALL_STAFF_GROUP_ID/);
  });

  it('refuses a build that names no managers group', () => {
    const config = resolveConfig({ MODE: 'production', VITE_ALL_STAFF_GROUP_ID: 's-1' }, '');
    expect(() => managerGroups(config)).toThrow(/VITE_MANAGERS_GROUP_ID/);
  });
});

describe('resolveTabLink', () => {
  const catalog = (answer: CatalogLookup) => ({ findByManifestId: vi.fn(async () => answer) });

  it("deep-links with the app's id in the organisation's catalog, looked up from the manifest id", async () => {
    const lookup = catalog({ kind: 'found', app: { id: 'cat-1', externalId: 'man-1', displayName: 'AUP Guard', distributionMethod: 'organization' } });
    expect(await resolveTabLink({ teamsAppId: 'man-1', teamsCatalogAppId: null }, lookup))
      .toEqual({ url: 'https://teams.microsoft.com/l/entity/cat-1/aup', kind: 'teams', problem: null });
    expect(lookup.findByManifestId).toHaveBeenCalledWith('man-1');
  });

  it('takes the catalog id from the configuration without asking Graph', async () => {
    const lookup = catalog({ kind: 'missing' });
    expect((await resolveTabLink({ teamsAppId: 'man-1', teamsCatalogAppId: 'cat-2' }, lookup)).url).toBe('https://teams.microsoft.com/l/entity/cat-2/aup');
    expect(lookup.findByManifestId).not.toHaveBeenCalled();
  });

  it('never deep-links with the manifest id: it falls back to the web page and says how to fix it', async () => {
    for (const answer of [{ kind: 'missing' } as const, { kind: 'failed', message: '403 Missing role permissions' } as const]) {
      const link = await resolveTabLink({ teamsAppId: 'man-1', teamsCatalogAppId: null }, catalog(answer));
      expect(link.kind).toBe('web');
      expect(link.url).not.toContain('man-1');
      expect(link.problem).toContain('AUP_TEAMS_CATALOG_APP_ID');
    }
  });

  it('links to the web page with nothing to fix when there is no Teams app (the local demo)', async () => {
    expect(await resolveTabLink({ teamsAppId: null, teamsCatalogAppId: null }, catalog({ kind: 'missing' }))).toMatchObject({ kind: 'web', problem: null });
  });
});

