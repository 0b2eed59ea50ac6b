// Where the send-check data lives, chosen per runtime from Microsoft's docs
// (docs/outlook.md has the table and the links):
//  - classic Outlook on Windows runs the handlers in a JavaScript-only runtime
//    that "doesn't support local storage or cookies" (Runtimes in Office
//    Add-ins). OfficeRuntime.storage is available there ("In Outlook, support
//    is only available with the event-based activation feature implemented in
//    Outlook on Windows"; 10 MB per domain, shared with the task pane), and the
//    runtimes article recommends the item's sessionData to pass data from the
//    pane to the event handler on "PC" (Mailbox 1.11, per draft, 50,000
//    characters on Mailbox 1.15 and earlier).
//  - Outlook on the web, new Outlook on Windows and Mac run them in a browser
//    runtime (diagnostics.platform "OfficeOnline" or "Mac"), where
//    "Window.localStorage ... is shared across all runtimes that access the same
//    specific origin", and OfficeRuntime.storage "isn't supported in Outlook on
//    Mac or on the web".
//  - Roaming settings (in the user's mailbox, 32 KB "number of characters" for
//    the whole add-in) come last everywhere: they follow the user to another
//    client, but the record must be narrowed to fit.

/** Somewhere a cache record can be read from: all the send handler needs, as it never writes. */
export interface StoreReader {
  readonly name: StoreName;
  read(): Promise<string | undefined>;
}

/** A store as the pane has it: it also writes the record. */
export interface CacheStore extends StoreReader {
  write(json: string): Promise<void>;
  /** Largest record this store takes, in characters; none means the record always fits. */
  readonly budget?: number;
}

export type StoreName = 'OfficeRuntime.storage' | 'localStorage' | 'sessionData' | 'roamingSettings';

export const CACHE_KEY = 'aupGuard.cache.v2';
/**
 * The first cache, which kept pupils' names and UPNs in clear and unsalted
 * hashes of addresses: removed whenever the pane writes, both because it
 * should not linger and because, at up to 30,000 characters, it would leave
 * roaming settings no room (32 KB for the whole add-in).
 */
export const LEGACY_CACHE_KEYS: readonly string[] = ['aupGuard.cache.v1'];

/** Roaming settings hold 32 KB of characters for the whole add-in; room is left for anything else kept there. */
export const ROAMING_BUDGET_CHARS = 30_000;
/** sessionData's limit per item and add-in on Mailbox 1.15 and earlier (1.16 raises it), less room for other keys. */
export const SESSION_DATA_BUDGET_CHARS = 48_000;

/** Minimal Web Storage: what this file uses of window.localStorage. */
export type LocalStore = Pick<Storage, 'getItem' | 'setItem'> & Partial<Pick<Storage, 'removeItem'>>;

export interface StoreEnvironment {
  readonly office?: typeof Office;
  readonly runtime?: typeof OfficeRuntime;
  /** The runtime's localStorage where it has one (never in classic Windows' event runtime). */
  readonly localStorage?: LocalStore;
}

/** How each kind of store is made: as a reader (the send handler) or as a reader that writes (the pane). */
interface StoreMakers<S> {
  runtime(storage: OfficeRuntime.Storage): S;
  local(storage: LocalStore): S;
  session(data: Office.SessionData): S;
  roaming(settings: Office.RoamingSettings): S;
}

// Both can throw (storage disabled, quota): the caller records it as a problem with this store.
const READERS: StoreMakers<StoreReader> = {
  runtime: (storage) => ({ name: 'OfficeRuntime.storage', read: async () => (await storage.getItem(CACHE_KEY)) ?? undefined }),
  local: (storage) => ({ name: 'localStorage', read: () => Promise.resolve(storage.getItem(CACHE_KEY) ?? undefined) }),
  // A key never set may fail rather than return '': either way there is nothing.
  session: (data) => ({
    name: 'sessionData',
    read: () => settle<string>((cb) => data.getAsync(CACHE_KEY, cb), 'sessionData.getAsync').then((v) => v || undefined, () => undefined),
  }),
  roaming: (settings) => ({
    name: 'roamingSettings',
    async read() {
      const value: unknown = settings.get(CACHE_KEY);
      return typeof value === 'string' ? value : undefined;
    },
  }),
};

// Only the pane writes, so only its bundle carries these.
const STORES: StoreMakers<CacheStore> = {
  runtime: (storage) => ({
    ...READERS.runtime(storage),
    async write(json) {
      for (const key of LEGACY_CACHE_KEYS) await storage.removeItem(key).catch(() => undefined);
      await storage.setItem(CACHE_KEY, json);
    },
  }),
  local: (storage) => ({
    ...READERS.local(storage),
    write: (json) => {
      for (const key of LEGACY_CACHE_KEYS) storage.removeItem?.(key);
      return Promise.resolve(storage.setItem(CACHE_KEY, json));
    },
  }),
  session: (data) => ({
    ...READERS.session(data),
    budget: SESSION_DATA_BUDGET_CHARS,
    write: (json) => settle<void>((cb) => data.setAsync(CACHE_KEY, json, cb), 'sessionData.setAsync'),
  }),
  roaming: (settings) => ({
    ...READERS.roaming(settings),
    budget: ROAMING_BUDGET_CHARS,
    write(json) {
      for (const key of LEGACY_CACHE_KEYS) settings.remove(key);
      settings.set(CACHE_KEY, json);
      return settle<void>((cb) => settings.saveAsync(cb), 'roamingSettings.saveAsync');
    },
  }),
};

function settle<T>(start: (cb: (r: Office.AsyncResult<T>) => void) => void, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((r) => (String(r.status) === 'succeeded' ? resolve(r.value) : reject(new Error(`${what} failed: ${r.error?.message ?? 'no detail'}`))));
  });
}

export type RuntimeKind = 'javascript-only' | 'browser';

/**
 * Which kind of runtime this is: classic Windows reports "PC"; the web and
 * new Outlook "OfficeOnline"; Mac "Mac". Where the platform cannot be read,
 * a runtime without localStorage is taken for the JavaScript-only one.
 */
export function runtimeKind(env: StoreEnvironment): RuntimeKind {
  let platform: string | undefined;
  try {
    platform = env.office?.context?.diagnostics?.platform as string | undefined;
  } catch {
    platform = undefined;
  }
  if (platform === 'PC') return 'javascript-only';
  if (platform === 'OfficeOnline' || platform === 'Mac') return 'browser';
  return env.localStorage ? 'browser' : 'javascript-only';
}

function sessionDataOf(office: typeof Office | undefined): Office.SessionData | undefined {
  try {
    // Some builds claim 1.11 yet lack the object (OfficeDev/office-js#4169), so check both.
    return office?.context.requirements.isSetSupported('Mailbox', '1.11') ? office.context.mailbox.item?.sessionData ?? undefined : undefined;
  } catch {
    return undefined;
  }
}

/** The stores for this runtime, most capable first; roaming settings always last. */
function chooseStores<S>(env: StoreEnvironment, make: StoreMakers<S>): S[] {
  const stores: S[] = [];
  if (runtimeKind(env) === 'javascript-only') {
    if (env.runtime?.storage) stores.push(make.runtime(env.runtime.storage));
    const session = sessionDataOf(env.office);
    if (session) stores.push(make.session(session));
  } else if (env.localStorage) {
    stores.push(make.local(env.localStorage));
  }
  const roaming = env.office?.context?.roamingSettings;
  if (roaming) stores.push(make.roaming(roaming));
  return stores;
}

/** The stores for this runtime, to read and write (the pane). */
export const storesFor = (env: StoreEnvironment): CacheStore[] => chooseStores(env, STORES);

/** The same stores, to read only (the send handler). */
export const storeReadersFor = (env: StoreEnvironment): StoreReader[] => chooseStores(env, READERS);
