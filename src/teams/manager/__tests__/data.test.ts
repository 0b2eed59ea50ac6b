import { describe, expect, it } from 'vitest';
import { ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../../../emulator/index';
import { resolveConfig } from '../../../ui/config';
import { DEMO_GROUPS, managerGroups } from '../data';

describe('managerGroups', () => {
  it('uses the emulator\'s demo groups in the demo build', () => {
    expect(DEMO_GROUPS).toEqual({ allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID });
    expect(managerGroups(resolveConfig({ MODE: 'demo' }, ''), {})).toEqual({ ...DEMO_GROUPS, teamsAppId: null });
  });

  it('takes the build\'s group and app ids when given', () => {
    const config = resolveConfig({ MODE: 'production', VITE_MANAGERS_GROUP_ID: 'm-1' }, '');
    expect(managerGroups(config, { VITE_ALL_STAFF_GROUP_ID: 's-1', VITE_TEAMS_APP_ID: 'app-1' })).toEqual({ allStaffGroupId: 's-1', managersGroupId: 'm-1', teamsAppId: 'app-1' });
  });

  it('refuses a production build that names no all-staff group rather than guessing', () => {
    const config = resolveConfig({ MODE: 'production', VITE_MANAGERS_GROUP_ID: 'm-1' }, '');
    expect(() => managerGroups(config, {})).toThrow(/VITE_ALL_STAFF_GROUP_ID/);
  });
});
