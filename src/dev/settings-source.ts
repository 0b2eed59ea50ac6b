// The harness's settings source: the Graph emulator when it is running (as
// `npm start` runs it), else the built-in demo settings. Both go through the
// pane's own refresh path, so the cache the send handler reads is built the
// same way as in Outlook.
import { ContactsRepository, SettingsRepository, createGraphClient, siteLists } from '../graph';
import { demoSignIn, listDemoUsers } from '../ui/auth/demo';
import { DEMO_GRAPH_BASE_URL } from '../ui/config';
import { parseSettings } from '../compose-check';
import { refreshCache } from '../outlook/taskpane/graph-source';
import type { SettingsSource } from '../outlook/taskpane/host';
import { DEMO_SETTINGS } from './demo-settings';
import { clockNow } from './clock';

export function demoSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime): SettingsSource {
  const parsed = parseSettings(DEMO_SETTINGS);
  if (!parsed.ok) throw new Error(`The demo settings are invalid: ${parsed.errors.join('; ')}`);
  return {
    label: 'the demo school',
    refresh: () => refreshCache({ readSettings: async () => parsed.settings, readContacts: async () => [] }, office, runtime, clockNow()),
  };
}

export function emulatorSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime, emulatorUrl = DEMO_GRAPH_BASE_URL): SettingsSource {
  return {
    label: 'the local Graph emulator',
    async refresh() {
      const users = await listDemoUsers(emulatorUrl);
      const user = users.find((u) => u.roles.includes('admin')) ?? users[0];
      if (!user) throw new Error('The emulator has no demo users.');
      const signedIn = await demoSignIn(emulatorUrl, user);
      const lists = siteLists(createGraphClient({ baseUrl: emulatorUrl, getToken: signedIn.getToken }), 'root');
      const settings = new SettingsRepository(lists);
      const contacts = new ContactsRepository(lists);
      await refreshCache({ readSettings: async () => (await settings.read())?.settings, readContacts: () => contacts.listAll() }, office, runtime, clockNow());
    },
  };
}

/** The emulator if it answers within a moment, else the demo settings. */
export async function pickSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime, preferDemo: boolean): Promise<SettingsSource> {
  const demo = demoSettingsSource(office, runtime);
  if (preferDemo) return demo;
  try {
    const res = await fetch(`${DEMO_GRAPH_BASE_URL}/_dev/users`, { signal: AbortSignal.timeout(800) });
    if (res.ok) return emulatorSettingsSource(office, runtime);
  } catch { /* not running: the demo settings stand in */ }
  return demo;
}
