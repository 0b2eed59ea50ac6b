// The harness's settings source: the Graph emulator when it is running (as
// `npm start` runs it), else the same demo school built in. Both go through
// the pane's own refresh path (AUP Settings, the newest AUP Send Check
// snapshot, the current policy), so the cache the send handler reads is built
// as in Outlook. Against the emulator the pane signs in as the mailbox's user
// by the route the fake Office's platform supports: silently where it has
// nested app authentication, else through the Office dialog.
import { createGraphClient, siteLists, buildSnapshot, newSnapshotId } from '../graph';
import { demoSignIn, listDemoUsers } from '../ui/auth/demo';
import { appConfig } from '../ui/config';
import { parseSettings } from '../compose-check';
import { CURRENT_POLICY_META } from '../policy/index';
import { listsReader, refreshCache } from '../outlook/taskpane/graph-source';
import type { SettingsSource } from '../outlook/taskpane/host';
import { signInForRefresh, signInRoute } from '../outlook/auth/sign-in';
import type { StoreEnvironment } from '../outlook/cache/stores';
import { DEMO_CONTACTS, DEMO_SETTINGS } from './demo-settings';
import { clockNow } from './clock';
import policyText from '../../assets/policy/2020-04.md?raw';

/** The emulator's seed without the emulator: its settings, a snapshot of its AUP Contacts, the April 2020 policy. */
export function demoSettingsSource(env: StoreEnvironment): SettingsSource {
  const parsed = parseSettings(DEMO_SETTINGS);
  if (!parsed.ok) throw new Error(`The demo settings are invalid: ${parsed.errors.join('; ')}`);
  const settings = parsed.settings;
  return {
    label: 'the built-in demo school',
    refresh: () => {
      const now = clockNow();
      const id = newSnapshotId(now);
      return refreshCache({
        readSettings: async () => settings,
        readSendCheck: async () => buildSnapshot(DEMO_CONTACTS, settings, id, now),
        readPolicy: async () => ({ version: CURRENT_POLICY_META.versionLabel, text: policyText }),
      }, env, now);
    },
  };
}

/** Reads the school through the real repositories, as the mailbox's user, signed in as the platform allows. */
export function emulatorSettingsSource(env: StoreEnvironment & { readonly office: typeof Office }, emulatorUrl: string): SettingsSource {
  const { office } = env;
  const mailbox = (): string => office.context.mailbox.userProfile.emailAddress.toLowerCase();
  return {
    label: 'the local Graph emulator',
    signIn: () => signInRoute(office),
    async refresh(interactive) {
      const signedIn = await signInForRefresh(office, {
        // The host brokers nested app authentication without a prompt: here, the emulator's token for the mailbox's user.
        async nestedAppAuth() {
          const user = (await listDemoUsers(emulatorUrl)).find((u) => u.upn.toLowerCase() === mailbox());
          if (!user) throw new Error(`The emulator has no user ${mailbox()}.`);
          return demoSignIn(emulatorUrl, user);
        },
        dialogUrl: `${typeof location === 'undefined' ? '' : location.origin}/outlook/auth-dialog.html?${new URLSearchParams({ host: 'dev', hint: mailbox(), graph: emulatorUrl }).toString()}`,
      }, interactive);
      if (!signedIn) throw new Error('Sign in to refresh the school settings.');
      const lists = siteLists(createGraphClient({ baseUrl: emulatorUrl, getToken: signedIn.getToken }), 'root');
      return refreshCache(listsReader(lists), env, clockNow());
    },
  };
}

/** The emulator if it answers within a moment, else the built-in demo school. */
export async function pickSettingsSource(env: StoreEnvironment & { readonly office: typeof Office }, preferDemo: boolean): Promise<SettingsSource> {
  const demo = demoSettingsSource(env);
  if (preferDemo) return demo;
  // The page's demo config: the emulator on loopback, or the one `?graph=` names.
  const emulatorUrl = appConfig().graphBaseUrl;
  try {
    const res = await fetch(`${emulatorUrl}/_dev/users`, { signal: AbortSignal.timeout(800) });
    if (res.ok) return emulatorSettingsSource(env, emulatorUrl);
  } catch { /* not running: the built-in demo school stands in */ }
  return demo;
}
