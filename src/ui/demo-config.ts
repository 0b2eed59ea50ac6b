// The local demo's configuration: Graph is the emulator on loopback. Kept
// apart from config.ts and reached only through a branch that a production
// build removes (import.meta.env.MODE is replaced at build time), so no
// emulator address ships to a school (issue 7, test/packaging).
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID } from '../emulator/seed/ids';
import type { AppConfig, ConfigEnv } from './config';
import { blank } from './env-value';

export const DEMO_GRAPH_BASE_URL = 'http://localhost:4010';
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?$/;

/** Pure: the demo config for a build's env and the page's query string. */
export function demoConfig(env: ConfigEnv, search: string): AppConfig {
  // Only a loopback emulator may be chosen from the address bar: a link must not send demo tokens elsewhere.
  const fromQuery = new URLSearchParams(search).get('graph');
  const graphBaseUrl = (fromQuery && LOOPBACK.test(fromQuery) ? fromQuery : blank(env.VITE_GRAPH_BASE_URL) ?? DEMO_GRAPH_BASE_URL).replace(/\/+$/, '');
  return {
    mode: 'demo',
    graphBaseUrl,
    siteId: blank(env.VITE_SITE_ID) ?? 'root',
    clientId: 'demo',
    authority: 'demo',
    // The emulator's own groups, so roles come from /me/checkMemberGroups exactly as in production.
    managersGroupId: blank(env.VITE_MANAGERS_GROUP_ID) ?? MANAGERS_GROUP_ID,
    adminsGroupId: blank(env.VITE_ADMINS_GROUP_ID) ?? ADMINS_GROUP_ID,
    allStaffGroupId: blank(env.VITE_ALL_STAFF_GROUP_ID) ?? ALL_STAFF_GROUP_ID,
    // No Teams app in the local demo: reminders link to the tab's page.
    teamsAppId: blank(env.VITE_TEAMS_APP_ID),
    teamsCatalogAppId: blank(env.VITE_TEAMS_CATALOG_APP_ID),
  };
}
