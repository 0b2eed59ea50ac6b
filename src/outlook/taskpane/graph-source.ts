// The refresh of the send-check cache: sign in (nested app authentication, or
// the dialog where the host lacks it), read AUP Settings, the newest AUP Send
// Check snapshot and the current policy through the Graph repositories, and
// write the record to this runtime's stores. Staff never read AUP Contacts.
// Loaded only when a refresh runs: MSAL and the Graph client are most of the
// pane's weight and the live check never needs them.
import type { Settings } from '../../compose-check';
import { PoliciesRepository, SendCheckRepository, SettingsRepository, StoreError, createGraphClient, siteLists, type SiteLists } from '../../graph';
import { signInSilently, signInWithPopup } from '../../ui/auth/msal';
import { appConfig } from '../../ui/config';
import { cacheDraftFrom, fitForStore } from '../cache/build';
import { writeCache } from '../cache/settings-cache';
import type { StoreEnvironment } from '../cache/stores';
import { storesFor } from '../cache/stores';
import { signInForRefresh, signInRoute, type SignInBackends } from '../auth/sign-in';
import type { RefreshSummary, SettingsSource } from './host';

export interface SchoolDataReader {
  readSettings(): Promise<Settings | undefined>;
  /** The newest complete snapshot's record (JSON), or undefined when no import has run. */
  readSendCheck(): Promise<string | undefined>;
  readPolicy(): Promise<{ readonly version: string; readonly text: string } | undefined>;
}

/** The three lists staff may read; never AUP Contacts. */
export function listsReader(lists: SiteLists): SchoolDataReader {
  const settings = new SettingsRepository(lists);
  const sendCheck = new SendCheckRepository(lists);
  const policies = new PoliciesRepository(lists);
  return {
    readSettings: async () => (await settings.read())?.settings,
    // A site set up before AUP Send Check existed has no such list yet: that is "no contacts published", not a failed refresh.
    readSendCheck: () => sendCheck.latest().then((s) => s?.payload, (e: unknown) => {
      if (e instanceof StoreError && e.code === 'listNotProvisioned') return undefined;
      throw e;
    }),
    async readPolicy() {
      const current = await policies.current();
      return current?.text !== undefined ? { version: current.version, text: current.text } : undefined;
    },
  };
}

/** The one refresh path for every source: read, build the record, write it to this runtime's stores. */
export async function refreshCache(reader: SchoolDataReader, env: StoreEnvironment, now: Date): Promise<RefreshSummary> {
  const [settings, sendCheck, policy] = await Promise.all([reader.readSettings(), reader.readSendCheck(), reader.readPolicy()]);
  const { draft, problems } = cacheDraftFrom({ settings, sendCheck, policy }, now);
  const { written, skipped } = await writeCache(storesFor(env), draft, fitForStore);
  return {
    written: written.map((w) => `${w.store}${w.bits > 0 ? ` (${w.bits}-bit fingerprints${w.upnBits === 0 ? ', no UPNs' : ''}${w.schoolAddresses ? '' : ', without pupils\' school addresses'})` : draft.sendCheck ? ' (settings only: the contacts did not fit)' : ''}`),
    problems: [...problems, ...skipped],
    hasContacts: sendCheck !== undefined,
  };
}

export function graphSettingsSource(office: typeof Office, runtime: typeof OfficeRuntime | undefined, localStorage: Storage | undefined): SettingsSource {
  const config = appConfig();
  const hint = (): string | null => office.context.mailbox.userProfile.emailAddress || null;
  const backends: SignInBackends = {
    nestedAppAuth: async (interactive) => (await signInSilently(config, hint())) ?? (interactive ? signInWithPopup(config, hint()) : null),
    dialogUrl: `${location.origin}/outlook/auth-dialog.html${hint() ? `?hint=${encodeURIComponent(hint() ?? '')}` : ''}`,
  };
  return {
    label: 'SharePoint (Microsoft Graph)',
    signIn: () => signInRoute(office),
    async refresh(interactive) {
      const signedIn = await signInForRefresh(office, backends, interactive);
      if (!signedIn) throw new Error('Sign in to refresh the school settings.');
      const graph = createGraphClient({ baseUrl: config.graphBaseUrl, getToken: signedIn.getToken, retry: { maxRetries: 3, delaySeconds: 1 } });
      return refreshCache(listsReader(siteLists(graph, config.siteId)), { office, ...(runtime ? { runtime } : {}), ...(localStorage ? { localStorage } : {}) }, new Date());
    },
  };
}
