// The harness's settings source: the Graph emulator when it is running (as
// `npm start` runs it), else the same demo school built in. Both go through
// the pane's own refresh path, so the cache the send handler reads is built
// the same way as in Outlook: settings plus contacts, parents hashed.
import { ContactsRepository, SettingsRepository, createGraphClient, siteLists } from '../graph';
import { demoSignIn, listDemoUsers } from '../ui/auth/demo';
import { DEMO_GRAPH_BASE_URL } from '../ui/config';
import { parseSettings } from '../compose-check';
import { refreshCache } from '../outlook/taskpane/graph-source';
import type { SettingsSource } from '../outlook/taskpane/host';
import { DEMO_CONTACTS, DEMO_SETTINGS } from './demo-settings';
import { clockNow } from './clock';

/** The emulator's seed without the emulator: its settings and its AUP Contacts rows. */
export function demoSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime | undefined): SettingsSource {
  const parsed = parseSettings(DEMO_SETTINGS);
  if (!parsed.ok) throw new Error(`The demo settings are invalid: ${parsed.errors.join('; ')}`);
  return {
    label: 'the built-in demo school',
    refresh: () => refreshCache({ readSettings: async () => parsed.settings, readContacts: async () => DEMO_CONTACTS }, office, runtime, clockNow()),
  };
}

/** Signs in as the mailbox's own user, as the pane does in Outlook, and reads both lists through the real repositories. */
export function emulatorSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime | undefined, emulatorUrl = DEMO_GRAPH_BASE_URL): SettingsSource {
  return {
    label: 'the local Graph emulator',
    async refresh() {
      const mailbox = office.context.mailbox.userProfile.emailAddress.toLowerCase();
      const user = (await listDemoUsers(emulatorUrl)).find((u) => u.upn.toLowerCase() === mailbox);
      if (!user) throw new Error(`The emulator has no user ${mailbox}.`);
      const signedIn = await demoSignIn(emulatorUrl, user);
      const lists = siteLists(createGraphClient({ baseUrl: emulatorUrl, getToken: signedIn.getToken }), 'root');
      const settings = new SettingsRepository(lists);
      const contacts = new ContactsRepository(lists);
      await refreshCache({ readSettings: async () => (await settings.read())?.settings, readContacts: () => contacts.listAll() }, office, runtime, clockNow());
    },
  };
}

/** The emulator if it answers within a moment, else the built-in demo school. */
export async function pickSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime | undefined, preferDemo: boolean): Promise<SettingsSource> {
  const demo = demoSettingsSource(office, runtime);
  if (preferDemo) return demo;
  try {
    const res = await fetch(`${DEMO_GRAPH_BASE_URL}/_dev/users`, { signal: AbortSignal.timeout(800) });
    if (res.ok) return emulatorSettingsSource(office, runtime);
  } catch { /* not running: the built-in demo school stands in */ }
  return demo;
}
