// The settings a check runs with: the cached school settings when there are
// any, else safe defaults from what Outlook itself knows. Shared by the send
// handler and the task pane so both reach the same decision.
import type { Recipient, ResolvedSettings, Settings } from '../../compose-check';
import { domainOf, resolveSettings } from '../../compose-check';
import type { CacheRecord } from './settings-cache';
import { hostStores, readCache } from './settings-cache';

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

export interface CheckSettings {
  readonly settings: ResolvedSettings;
  /** The cache record used, or undefined when defaults stood in. */
  readonly record?: CacheRecord;
  readonly problems: readonly string[];
}

// The last resolution, reused while the cache record and sender are unchanged.
let last: { readonly record: CacheRecord; readonly from: string | undefined; readonly settings: ResolvedSettings } | undefined;

export async function settingsForDraft(
  office: typeof Office | undefined,
  runtime: typeof OfficeRuntime | undefined,
  draft: { readonly from?: string; readonly recipients: readonly Recipient[] },
): Promise<CheckSettings> {
  const { record, problems } = await readCache(hostStores(office, runtime));
  let settings: ResolvedSettings;
  if (record && last && last.record === record && last.from === draft.from) {
    settings = last.settings;
  } else {
    settings = resolveSettings(record?.settings ?? fallbackSettings(draft.from, draft.recipients), draft.from);
    if (record) last = { record, from: draft.from, settings };
  }
  return record ? { settings, record, problems } : { settings, problems };
}

/** The signed-in user's address, where the host tells it. */
export function userEmail(office: typeof Office): string | undefined {
  try {
    return office.context.mailbox.userProfile.emailAddress || undefined;
  } catch {
    return undefined;
  }
}
