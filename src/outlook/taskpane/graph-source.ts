// Production refresh of the settings cache: sign in through nested app
// authentication (the Teams tab's MSAL module, shared), read the settings and
// contacts lists through the Graph store, and write the hashed cache.
import type { Contact } from '../../graph/contacts';
import type { Settings } from '../../compose-check';
import { ContactsRepository, SettingsRepository, createGraphClient, siteLists } from '../../graph';
import { signInSilently, signInWithPopup } from '../../ui/auth/msal';
import { appConfig } from '../../ui/config';
import { buildCacheRecord, hostStores, writeCache } from '../cache/settings-cache';
import type { SettingsSource } from './host';

export interface SettingsReader {
  readSettings(): Promise<Settings | undefined>;
  readContacts(): Promise<readonly Contact[]>;
}

/** Reads both lists and writes the cache; the one refresh path for every source. */
export async function refreshCache(reader: SettingsReader, office: typeof Office, runtime: typeof OfficeRuntime | undefined, now: Date): Promise<void> {
  const settings = (await reader.readSettings()) ?? {};
  const contacts = await reader.readContacts();
  await writeCache(hostStores(office, runtime), buildCacheRecord(settings, contacts, now));
}

export function graphSettingsSource(office: typeof Office): SettingsSource {
  return {
    label: 'SharePoint (Microsoft Graph)',
    async refresh(interactive) {
      const config = appConfig();
      const hint = office.context.mailbox.userProfile.emailAddress || null;
      const signedIn = (await signInSilently(config, hint)) ?? (interactive ? await signInWithPopup(config, hint) : null);
      if (!signedIn) throw new Error('Sign in to refresh the school settings.');
      const graph = createGraphClient({ baseUrl: config.graphBaseUrl, getToken: signedIn.getToken, retry: { maxRetries: 3, delaySeconds: 1 } });
      const lists = siteLists(graph, config.siteId);
      const settingsRepo = new SettingsRepository(lists);
      const contactsRepo = new ContactsRepository(lists);
      await refreshCache({
        readSettings: async () => (await settingsRepo.read())?.settings,
        readContacts: () => contactsRepo.listAll(),
      }, office, typeof OfficeRuntime === 'undefined' ? undefined : OfficeRuntime, new Date());
    },
  };
}
