// The cache the send handler reads. The send-time runtime has no network and
// no token, so the task pane (which can sign in) refreshes it from AUP
// Settings, AUP Send Check and the current policy, and the handler only reads
// it. No address is kept in clear: contacts and the roster travel as the
// compact send-check record (src/compose-check/directory), narrowed where a
// store is small (issue 10). Past its time-to-live the handler ignores it.
import type { Settings } from '../../compose-check';
import { parseSettings } from '../../compose-check';
import type { PolicyClauses } from '../../policy/clauses';
import type { SendCheckData } from '../../compose-check/directory/record';
import { parseSendCheck } from '../../compose-check/directory/record';
import type { CacheStore, StoreName, StoreReader } from './stores';

export { CACHE_KEY } from './stores';

export const CACHE_VERSION = 2;
/** After this long without a refresh the cache is not used: the send check falls back to defaults (issue 10). */
export const CACHE_TTL_DAYS = 14;
export const CACHE_TTL_MS = CACHE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** The policy version in force when the cache was refreshed, and how it words each clause the checks cite. */
export interface PolicyInForce {
  readonly version: string;
  readonly clauses: PolicyClauses;
}

export interface CacheRecord {
  readonly version: typeof CACHE_VERSION;
  /** When the pane last refreshed it (ISO-8601): the time-to-live counts from here. */
  readonly savedAt: string;
  /** AUP Settings as stored, less the pupils and contacts (they are in `sendCheck`). */
  readonly settings: Settings;
  /** The send-check record, decoded; absent when none fitted this store. */
  readonly sendCheck?: SendCheckData;
  readonly policy?: PolicyInForce;
}

/** A record as it is stored: the send-check part as its own JSON text, already narrowed to the store. */
interface StoredRecord {
  readonly version: typeof CACHE_VERSION;
  readonly savedAt: string;
  readonly settings: Settings;
  readonly sendCheck?: unknown;
  readonly policy?: PolicyInForce;
}

/** A record ready to write: everything but the send-check part, which each store narrows to fit. */
export interface CacheDraft {
  readonly savedAt: string;
  readonly settings: Settings;
  readonly sendCheck?: SendCheckData;
  readonly policy?: PolicyInForce;
}

export type CacheParse =
  | { readonly ok: true; readonly record: CacheRecord }
  | { readonly ok: false; readonly problem: string };

function isPolicy(value: unknown): value is PolicyInForce {
  if (typeof value !== 'object' || value === null) return false;
  const { version, clauses } = value as Record<string, unknown>;
  return typeof version === 'string' && typeof clauses === 'object' && clauses !== null
    && Object.values(clauses).every((c) => c === null || (typeof c === 'object' && typeof (c as Record<string, unknown>).quote === 'string'));
}

/** Validates a stored record: settings with the engine's own schema, the send-check part with its own decoder. */
export function parseCacheRecord(json: string): CacheParse {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'the cache is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, problem: 'the cache is not an object' };
  const { version, savedAt, settings, sendCheck, policy } = raw as Record<string, unknown>;
  if (version !== CACHE_VERSION) return { ok: false, problem: `unknown cache version ${String(version)}` };
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return { ok: false, problem: 'savedAt is not a time' };
  const parsed = parseSettings(settings);
  if (!parsed.ok) return { ok: false, problem: parsed.errors.join('; ') };
  if (policy !== undefined && !isPolicy(policy)) return { ok: false, problem: 'the policy part is malformed' };
  let data: SendCheckData | undefined;
  if (sendCheck !== undefined) {
    const decoded = parseSendCheck(JSON.stringify(sendCheck));
    if (!decoded.ok) return { ok: false, problem: decoded.problem };
    data = decoded.data;
  }
  return {
    ok: true,
    record: { version: CACHE_VERSION, savedAt, settings: parsed.settings, ...(data ? { sendCheck: data } : {}), ...(policy ? { policy } : {}) },
  };
}

/** How old the record is at `now`, and whether that is past the time-to-live. */
export function cacheAge(record: Pick<CacheRecord, 'savedAt'>, now: Date): { readonly ms: number; readonly expired: boolean } {
  const ms = now.getTime() - Date.parse(record.savedAt);
  return { ms, expired: ms > CACHE_TTL_MS };
}

export interface StoreRead {
  readonly store: StoreName;
  readonly record: CacheRecord;
}

export interface CacheRead {
  /** The freshest valid record; among equally fresh, the one with the widest send-check record. */
  readonly best?: StoreRead;
  /** Stores that held something unusable, with the reason: shown in the pane, never thrown. */
  readonly problems: readonly string[];
}

// Decoding a 2,000-pupil record on every send costs more than the check
// itself; a runtime that handles several sends reuses the last result for an
// unchanged string (the same record object, so later memos hold too).
const lastParse = new Map<string, { readonly json: string; readonly parsed: CacheParse }>();

function parseMemo(store: string, json: string): CacheParse {
  const last = lastParse.get(store);
  if (last && last.json === json) return last.parsed;
  const parsed = parseCacheRecord(json);
  lastParse.set(store, { json, parsed });
  return parsed;
}

const completeness = (r: CacheRecord): number => (r.sendCheck ? 1 + r.sendCheck.bits + r.sendCheck.upnBits / 100 : 0);

export async function readCache(stores: readonly StoreReader[]): Promise<CacheRead> {
  let best: StoreRead | undefined;
  const problems: string[] = [];
  for (const store of stores) {
    let json: string | undefined;
    try {
      json = await store.read();
    } catch (error) {
      problems.push(`${store.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (json === undefined) continue;
    const parsed = parseMemo(store.name, json);
    if (!parsed.ok) {
      problems.push(`${store.name}: ${parsed.problem}`);
      continue;
    }
    const r = parsed.record;
    const newer = !best || Date.parse(r.savedAt) > Date.parse(best.record.savedAt);
    const asNewAndFuller = best && Date.parse(r.savedAt) === Date.parse(best.record.savedAt) && completeness(r) > completeness(best.record);
    if (newer || asNewAndFuller) best = { store: store.name, record: r };
  }
  return best ? { best, problems } : { problems };
}

export interface StoreWrite {
  readonly store: StoreName;
  readonly chars: number;
  /** Address and UPN fingerprint widths written (0/0: no send-check record fitted). */
  readonly bits: number;
  readonly upnBits: number;
  /** False when pupils' own addresses on the pupil domains were left out to fit. */
  readonly schoolAddresses: boolean;
}

export interface CacheWrite {
  readonly written: readonly StoreWrite[];
  readonly skipped: readonly string[];
}

/** Narrows a send-check record to `bits`; supplied by the pane (the handler never writes, so never bundles deflate). */
export type FitSendCheck = (data: SendCheckData, fits: (json: string) => boolean) => Fitted | undefined;

interface Fitted { readonly json: string; readonly bits: number; readonly upnBits: number; readonly schoolAddresses: boolean }

/** The JSON a store gets: the widest send-check record that fits its budget, else none. */
export function recordForStore(draft: CacheDraft, budget: number | undefined, fit: FitSendCheck): Fitted {
  const base: StoredRecord = { version: CACHE_VERSION, savedAt: draft.savedAt, settings: draft.settings, ...(draft.policy ? { policy: draft.policy } : {}) };
  const assemble = (sendCheck?: string): string => JSON.stringify(sendCheck === undefined ? base : { ...base, sendCheck: JSON.parse(sendCheck) as unknown });
  const none = { json: assemble(), bits: 0, upnBits: 0, schoolAddresses: false };
  if (!draft.sendCheck) return none;
  const fitted = fit(draft.sendCheck, (sc) => budget === undefined || assemble(sc).length <= budget);
  return fitted ? { ...fitted, json: assemble(fitted.json) } : none;
}

/** Writes to every store; fails only when none took the record. */
export async function writeCache(stores: readonly CacheStore[], draft: CacheDraft, fit: FitSendCheck): Promise<CacheWrite> {
  const written: StoreWrite[] = [];
  const skipped: string[] = [];
  for (const store of stores) {
    const { json, bits, upnBits, schoolAddresses } = recordForStore(draft, store.budget, fit);
    if (store.budget !== undefined && json.length > store.budget) {
      skipped.push(`${store.name}: too large`);
      continue;
    }
    try {
      await store.write(json);
      written.push({ store: store.name, chars: json.length, bits, upnBits, schoolAddresses });
    } catch (error) {
      skipped.push(`${store.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (written.length === 0) throw new Error(`The school settings could not be saved in Outlook (${skipped.join('; ') || 'no storage available'}).`);
  return { written, skipped };
}
