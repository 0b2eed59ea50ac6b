// The settings and contact directory a check runs with: the cached school
// settings and send-check record while they are fresh, else safe defaults
// from what Outlook itself knows. Shared by the send handler and the task
// pane so both reach the same decision, and both know how old their data is.
import type { ContactDirectory, Recipient, ResolvedSettings, Settings } from '../../compose-check';
import { combineDirectories, domainOf, resolveSettings, settingsDirectory } from '../../compose-check';
import { sendCheckDirectory } from '../../compose-check/directory/record';
import type { CacheRecord, PolicyInForce } from './settings-cache';
import { cacheAge, readCache } from './settings-cache';
import type { StoreEnvironment, StoreName } from './stores';
import { storeReadersFor } from './stores';

/**
 * With no cache the school is the sender's own domain plus any domain Outlook
 * itself calls internal (recipientType "user"): multi-domain schools then do
 * not see colleagues flagged as external before the pane has ever run.
 */
export function fallbackSettings(from: string | undefined, recipients: readonly Recipient[]): Settings {
  const domains = new Set<string>();
  if (from) domains.add(domainOf(from));
  for (const r of recipients) if (r.recipientType === 'user') domains.add(domainOf(r.email));
  domains.delete('');
  return domains.size > 0 ? { schoolDomains: [...domains] } : {};
}

/** What the check is running on, for the pane to say. */
export type DataState =
  | { readonly kind: 'fresh'; readonly record: CacheRecord; readonly store: StoreName }
  /** Older than the time-to-live: not used; the check runs on defaults until the pane refreshes. */
  | { readonly kind: 'expired'; readonly record: CacheRecord; readonly store: StoreName }
  | { readonly kind: 'none' };

export interface CheckSettings {
  readonly settings: ResolvedSettings;
  /** Undefined on defaults: the engine then asks the settings' own (empty) directory. */
  readonly directory?: ContactDirectory;
  readonly policy?: PolicyInForce;
  readonly state: DataState;
  readonly problems: readonly string[];
}

// The last resolution, reused while the record and sender are unchanged: a
// roster index and a directory are built once, not per check.
let last: { readonly record: CacheRecord; readonly from: string | undefined; readonly settings: ResolvedSettings; readonly directory: ContactDirectory } | undefined;

function fromRecord(record: CacheRecord, from: string | undefined): { settings: ResolvedSettings; directory: ContactDirectory } {
  if (last && last.record === record && last.from === from) return last;
  // The roster is the send-check record's: its pupil ids are indices into settings.pupils.
  const roster = record.sendCheck?.roster;
  const settings = resolveSettings(roster ? { ...record.settings, pupils: [...roster] } : record.settings, from);
  const own = settingsDirectory(settings);
  const directory = record.sendCheck ? combineDirectories(sendCheckDirectory(record.sendCheck), own) : own;
  last = { record, from, settings, directory };
  return last;
}

export async function settingsForDraft(
  env: StoreEnvironment,
  draft: { readonly from?: string; readonly recipients: readonly Recipient[] },
  now: Date,
): Promise<CheckSettings> {
  const { best, problems } = await readCache(storeReadersFor(env));
  if (best && !cacheAge(best.record, now).expired) {
    const { settings, directory } = fromRecord(best.record, draft.from);
    return { settings, directory, ...(best.record.policy ? { policy: best.record.policy } : {}), state: { kind: 'fresh', record: best.record, store: best.store }, problems };
  }
  const settings = resolveSettings(fallbackSettings(draft.from, draft.recipients), draft.from);
  return { settings, state: best ? { kind: 'expired', record: best.record, store: best.store } : { kind: 'none' }, problems };
}

/** The signed-in user's address, where the host tells it. */
export function userEmail(office: typeof Office): string | undefined {
  try {
    return office.context.mailbox.userProfile.emailAddress || undefined;
  } catch {
    return undefined;
  }
}
