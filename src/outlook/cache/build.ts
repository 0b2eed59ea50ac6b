// The pane's side of the cache: what a refresh read (AUP Settings, the newest
// AUP Send Check snapshot, the current policy) becomes one record, with any
// pupils and contacts AUP Settings still holds in clear folded into the
// send-check record under its key. Only the pane bundles this (deflate).
import type { Settings } from '../../compose-check';
import { buildSendCheck, extendSendCheck, fitSendCheck, sourceFromSettings } from '../../compose-check/directory/build';
import type { SendCheckData } from '../../compose-check/directory/record';
import { parseSendCheck } from '../../compose-check/directory/record';
import { findClauses } from '../../policy/clauses';
import type { CacheDraft, FitSendCheck } from './settings-cache';

export interface RefreshRead {
  /** AUP Settings' compose-check document, or undefined when none was saved. */
  readonly settings: Settings | undefined;
  /** The newest complete AUP Send Check snapshot, or undefined when no import has run. */
  readonly sendCheck: string | undefined;
  /** The current policy version's label and Markdown, or undefined when none is published. */
  readonly policy: { readonly version: string; readonly text: string } | undefined;
}

export interface DraftResult {
  readonly draft: CacheDraft;
  /** Things the pane should say (a snapshot it could not read), never thrown. */
  readonly problems: readonly string[];
}

/** 16 random bytes, for a record the pane makes itself when no snapshot exists yet. */
export function randomKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(16));
}

export const fitForStore: FitSendCheck = fitSendCheck;

export function cacheDraftFrom(read: RefreshRead, now: Date, key: () => Uint8Array = randomKey): DraftResult {
  const problems: string[] = [];
  const { pupils, parentContacts, ...settings } = read.settings ?? {};
  let data: SendCheckData | undefined;
  if (read.sendCheck !== undefined) {
    const parsed = parseSendCheck(read.sendCheck);
    if (parsed.ok) data = parsed.data;
    else problems.push(`AUP Send Check: ${parsed.problem}`);
  }
  const extra = sourceFromSettings({ ...(pupils ? { pupils } : {}), ...(parentContacts ? { parentContacts } : {}) });
  if (extra.pupils.length > 0 || extra.contacts.length > 0) {
    const json = data
      ? extendSendCheck(data, extra)
      : buildSendCheck(extra, { id: `local-${now.toISOString()}`, createdAt: now.toISOString(), key: key(), pupilDomains: settings.pupilDomains ?? [] });
    const parsed = parseSendCheck(json);
    if (!parsed.ok) throw new Error(`the send-check record could not be rebuilt: ${parsed.problem}`);
    data = parsed.data;
  }
  const policy = read.policy ? { version: read.policy.version, clauses: findClauses(read.policy.text) } : undefined;
  return {
    draft: { savedAt: now.toISOString(), settings, ...(data ? { sendCheck: data } : {}), ...(policy ? { policy } : {}) },
    problems,
  };
}
