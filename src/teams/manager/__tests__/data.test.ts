import { describe, expect, it } from 'vitest';
import { ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../../emulator/index';
import { resolveConfig } from '../../../ui/config';
import { managerGroups } from '../data';

describe('managerGroups', () => {
  it("uses the emulator's demo groups in the demo build, with no Teams app to deep-link to", () => {
    expect(managerGroups(resolveConfig({ MODE: 'demo' }, ''))).toEqual({ allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID, teamsAppId: null });
  });

  it("takes the build's group and app ids from the app config", () => {
    const config = resolveConfig({ MODE: 'production', VITE_MANAGERS_GROUP_ID: 'm-1', VITE_ALL_STAFF_GROUP_ID: 's-1', VITE_TEAMS_APP_ID: 'app-1' }, '');
    expect(managerGroups(config)).toEqual({ allStaffGroupId: 's-1', managersGroupId: 'm-1', teamsAppId: 'app-1' });
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
