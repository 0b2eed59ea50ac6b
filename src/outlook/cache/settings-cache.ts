// The settings + contacts cache the send handler reads. The send-time runtime
// has no network and no token, so the task pane (which can sign in) refreshes
// this cache and the handler only reads it. Parents' and pupils' addresses
// are stored as SHA-256 hashes of the lower-cased address, never in plain
// text (issue #6); pupils' names and UPNs stay, as the engine looks for them
// in the message text.
import type { Settings } from '../../compose-check';
import { hashContactEmail, parseSettings } from '../../compose-check';
import type { Contact } from '../../graph/contacts';

export const CACHE_KEY = 'aupGuard.cache.v1';

/** Roaming settings hold at most 32 KB per add-in; leave room for anything else stored there. */
export const ROAMING_BUDGET_CHARS = 30_000;

export interface CacheRecord {
  readonly version: 1;
  /** ISO-8601 time of the refresh, so the pane can say how fresh the cache is. */
  readonly savedAt: string;
  /** Engine settings with `parentContacts` replaced by `parentContactHashes` and pupils' emails by `pupilEmailHashes`. */
  readonly settings: Settings;
}

const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];
type Pupil = NonNullable<Settings['pupils']>[number];

/**
 * Folds contacts into settings and hashes every parent, carer and pupil
 * address, so the record can sit in the staff member's mailbox (roaming
 * settings) without listing anyone's address.
 */
export function buildCacheRecord(settings: Settings, contacts: readonly Contact[], savedAt: Date): CacheRecord {
  const { parentContacts, pupils: rosterPupils, pupilEmailHashes: configuredPupilHashes, ...rest } = settings;
  const parentEmails = [
    ...(parentContacts ?? []).map((c) => c.email),
    ...contacts.filter((c) => c.role !== 'Pupil').map((c) => c.email),
  ];
  const parentContactHashes = unique([
    ...(settings.parentContactHashes ?? []).map((h) => h.toLowerCase()),
    ...parentEmails.map(hashContactEmail),
  ]);
  // Pupils keep their name and UPN; their address goes into the hashes.
  const pupils: Pupil[] = [];
  const pupilEmails: string[] = [];
  const known = new Set<string>();
  const addPupil = (name: string, email: string | undefined, upn: string | undefined): void => {
    if (email) pupilEmails.push(email);
    const keys = [email?.toLowerCase(), upn?.toUpperCase()].filter((k): k is string => Boolean(k));
    if (keys.some((k) => known.has(k))) return;
    for (const k of keys) known.add(k);
    pupils.push({ name, ...(upn ? { upn } : {}) });
  };
  for (const p of rosterPupils ?? []) addPupil(p.name, p.email, p.upn);
  for (const c of contacts) if (c.role === 'Pupil' && c.pupilName) addPupil(c.pupilName, c.email, c.pupilUpn);
  const pupilEmailHashes = unique([
    ...(configuredPupilHashes ?? []).map((h) => h.toLowerCase()),
    ...pupilEmails.map(hashContactEmail),
  ]);
  return {
    version: 1,
    savedAt: savedAt.toISOString(),
    settings: {
      ...rest,
      ...(parentContactHashes.length > 0 ? { parentContactHashes } : {}),
      ...(pupils.length > 0 ? { pupils } : {}),
      ...(pupilEmailHashes.length > 0 ? { pupilEmailHashes } : {}),
    },
  };
}

export type CacheParse =
  | { readonly ok: true; readonly record: CacheRecord }
  | { readonly ok: false; readonly problem: string };

/** Validates a stored record with the engine's own settings schema. */
export function parseCacheRecord(json: string): CacheParse {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'the cache is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { ok: false, problem: 'the cache is not an object' };
  const { version, savedAt, settings } = raw as Record<string, unknown>;
  if (version !== 1) return { ok: false, problem: `unknown cache version ${String(version)}` };
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return { ok: false, problem: 'savedAt is not a time' };
  const parsed = parseSettings(settings);
  if (!parsed.ok) return { ok: false, problem: parsed.errors.join('; ') };
  return { ok: true, record: { version: 1, savedAt, settings: parsed.settings } };
}

/** Somewhere a cache record can live. */
export interface CacheStore {
  readonly name: string;
  read(): Promise<string | undefined>;
  write(json: string): Promise<void>;
  /** Largest record this store takes, in characters. */
  readonly budget?: number;
}

/** OfficeRuntime.storage: shared by the task pane and the send runtime, 10 MB per origin. */
export function runtimeStore(storage: OfficeRuntime.Storage): CacheStore {
  return {
    name: 'OfficeRuntime.storage',
    async read() {
      return (await storage.getItem(CACHE_KEY)) ?? undefined;
    },
    async write(json) {
      await storage.setItem(CACHE_KEY, json);
    },
  };
}

/** Roaming settings: in the user's mailbox, so they follow the user to any client; 32 KB. */
export function roamingStore(settings: Office.RoamingSettings): CacheStore {
  return {
    name: 'roamingSettings',
    budget: ROAMING_BUDGET_CHARS,
    async read() {
      const value: unknown = settings.get(CACHE_KEY);
      return typeof value === 'string' ? value : undefined;
    },
    write(json) {
      settings.set(CACHE_KEY, json);
      return new Promise<void>((resolve, reject) => {
        settings.saveAsync((result) => {
          if (String(result.status) === 'succeeded') resolve();
          else reject(new Error(`roamingSettings.saveAsync failed: ${result.error?.message ?? 'no detail'}`));
        });
      });
    },
  };
}

/** The stores this host offers, most capable first. */
export function hostStores(office: typeof Office | undefined, runtime: typeof OfficeRuntime | undefined): CacheStore[] {
  const stores: CacheStore[] = [];
  if (runtime?.storage) stores.push(runtimeStore(runtime.storage));
  const roaming = office?.context?.roamingSettings;
  if (roaming) stores.push(roamingStore(roaming));
  return stores;
}

export interface CacheRead {
  readonly record?: CacheRecord;
  /** Stores that held something unusable, with the reason: shown in the pane, never thrown. */
  readonly problems: readonly string[];
}

// Validating a 2,000-pupil roster on every send costs more than the check
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

/** The freshest valid record across the stores. A store that fails is skipped. */
export async function readCache(stores: readonly CacheStore[]): Promise<CacheRead> {
  let best: CacheRecord | undefined;
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
    if (!best || Date.parse(parsed.record.savedAt) > Date.parse(best.savedAt)) best = parsed.record;
  }
  return best ? { record: best, problems } : { problems };
}

/**
 * A record small enough for `budget`: first without the pupil roster (names
 * and UPNs; the send handler then still knows parents, pupils' addresses and
 * pupil domains), then without pupils' address hashes too, else nothing.
 */
export function fitRecord(record: CacheRecord, budget: number | undefined): string | undefined {
  const full = JSON.stringify(record);
  if (budget === undefined || full.length <= budget) return full;
  const { pupils: _pupils, ...withoutRoster } = record.settings;
  const { pupilEmailHashes: _hashes, ...withoutPupils } = withoutRoster;
  for (const settings of [withoutRoster, withoutPupils]) {
    const smaller = JSON.stringify({ ...record, settings });
    if (smaller.length <= budget) return smaller;
  }
  return undefined;
}

export interface CacheWrite {
  readonly written: readonly string[];
  readonly skipped: readonly string[];
}

/** Writes to every store that takes the record; fails only when none does. */
export async function writeCache(stores: readonly CacheStore[], record: CacheRecord): Promise<CacheWrite> {
  const written: string[] = [];
  const skipped: string[] = [];
  for (const store of stores) {
    const json = fitRecord(record, store.budget);
    if (json === undefined) {
      skipped.push(`${store.name}: too large`);
      continue;
    }
    try {
      await store.write(json);
      written.push(store.name);
    } catch (error) {
      skipped.push(`${store.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (written.length === 0) throw new Error(`The settings cache could not be saved (${skipped.join('; ') || 'no storage available'}).`);
  return { written, skipped };
}
