// Classic Outlook on Windows runs the send handlers in a JavaScript-only
// runtime of their own: no DOM, no localStorage, nothing shared with the task
// pane but what Office gives both. The harness stands that up as a dedicated
// Web Worker (no DOM, no localStorage either) holding a stand-in Office whose
// every asynchronous call is carried to the page's fake Office by messages,
// so the handler sees the same draft and stores the pane does, and nothing else.
import type { FakeOffice, FakeEventHandler } from './fake-office';
import { OFFICE_CONSTANTS } from './fake-office';

/** What a handler reads synchronously, copied into the worker before each event. */
export interface RemoteSnapshot {
  readonly userProfile: { readonly emailAddress: string; readonly displayName: string };
  /** `name@version` of every requirement set the platform reports as supported. */
  readonly supported: readonly string[];
  readonly platform: string;
  /** Roaming settings as the mailbox holds them when the event starts. */
  readonly roaming: Readonly<Record<string, unknown>>;
  readonly hasRuntimeStorage: boolean;
}

export interface RemoteResult {
  readonly status: 'succeeded' | 'failed';
  readonly value: unknown;
  readonly error: { readonly code?: number; readonly message: string; readonly name?: string } | null;
}

/** Page to worker. */
export type ToWorker =
  | { readonly type: 'load'; readonly code?: string }
  | { readonly type: 'dispatch'; readonly id: number; readonly name: string; readonly nowMs: number; readonly snapshot: RemoteSnapshot }
  | { readonly type: 'reply'; readonly id: number; readonly result: RemoteResult };

/** Worker to page. */
export type FromWorker =
  | { readonly type: 'loaded'; readonly handlers: readonly string[] }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'call'; readonly id: number; readonly path: string; readonly args: readonly unknown[] }
  | { readonly type: 'storage'; readonly id: number; readonly op: 'getItem' | 'setItem' | 'removeItem'; readonly args: readonly string[] }
  | { readonly type: 'completed'; readonly id: number; readonly options: Office.SmartAlertsEventCompletedOptions | undefined };

/** The requirement sets a handler may ask about; the snapshot answers each from the page's fake. */
const ASKED = ['Mailbox@1.1', 'Mailbox@1.8', 'Mailbox@1.10', 'Mailbox@1.11', 'Mailbox@1.12', 'Mailbox@1.13', 'Mailbox@1.14', 'Mailbox@1.15', 'NestedAppAuth@1.1', 'DialogApi@1.1'];

export function snapshotOf(fake: FakeOffice): RemoteSnapshot {
  const ctx = fake.Office.context;
  const roaming: Record<string, unknown> = {};
  for (const key of fake.roamingKeys()) roaming[key] = ctx.roamingSettings.get(key);
  return {
    userProfile: { emailAddress: ctx.mailbox.userProfile.emailAddress, displayName: ctx.mailbox.userProfile.displayName },
    supported: ASKED.filter((s) => {
      const [name = '', version] = s.split('@');
      return ctx.requirements.isSetSupported(name, version);
    }),
    platform: String(ctx.diagnostics.platform),
    roaming,
    hasRuntimeStorage: fake.OfficeRuntime !== undefined,
  };
}

function toResult(result: Office.AsyncResult<unknown>): RemoteResult {
  return {
    status: String(result.status) === 'succeeded' ? 'succeeded' : 'failed',
    value: result.value,
    error: result.error ? { code: result.error.code, message: result.error.message, name: result.error.name } : null,
  };
}

/** The page's side: runs each call the worker sends against the fake Office, answers with its result. */
export function serveWorker(fake: FakeOffice, worker: Pick<Worker, 'postMessage'>, message: FromWorker): void {
  const reply = (id: number, result: RemoteResult): void => worker.postMessage({ type: 'reply', id, result } satisfies ToWorker);
  if (message.type === 'storage') {
    const storage = fake.OfficeRuntime?.storage;
    const run = storage
      ? message.op === 'getItem' ? storage.getItem(message.args[0] ?? '')
        : message.op === 'setItem' ? storage.setItem(message.args[0] ?? '', message.args[1] ?? '')
          : storage.removeItem(message.args[0] ?? '')
      : Promise.reject(new Error('OfficeRuntime.storage is not available on this platform'));
    run.then(
      (value: unknown) => reply(message.id, { status: 'succeeded', value: value ?? null, error: null }),
      (error: unknown) => reply(message.id, { status: 'failed', value: null, error: { message: error instanceof Error ? error.message : String(error) } }),
    );
    return;
  }
  if (message.type !== 'call') return;
  if (message.path === 'context.roamingSettings.save') {
    const settings = fake.Office.context.roamingSettings;
    for (const [k, v] of Object.entries(message.args[0] as Record<string, unknown>)) settings.set(k, v);
    settings.saveAsync((r) => reply(message.id, toResult(r)));
    return;
  }
  // Walk the path on the fake ("context.mailbox.item.to.getAsync") and call the method on its owner.
  const parts = message.path.split('.');
  const method = parts.pop() ?? '';
  let owner: unknown = fake.Office;
  for (const p of parts) owner = (owner as Record<string, unknown> | undefined)?.[p];
  const fn = (owner as Record<string, unknown> | undefined)?.[method];
  if (typeof fn !== 'function') {
    reply(message.id, { status: 'failed', value: null, error: { message: `${message.path} is not available` } });
    return;
  }
  try {
    (fn as (...a: unknown[]) => void).apply(owner, [...message.args, (r: Office.AsyncResult<unknown>) => reply(message.id, toResult(r))]);
  } catch (error) {
    reply(message.id, { status: 'failed', value: null, error: { message: error instanceof Error ? error.message : String(error) } });
  }
}

/** The worker's side: an Office (and, on Windows, OfficeRuntime) that forwards every call to the page. */
export interface RemoteOffice {
  readonly Office: typeof Office;
  readonly OfficeRuntime: typeof OfficeRuntime | undefined;
  readonly associated: Map<string, FakeEventHandler>;
  /** Takes the page's answer to a call. */
  receive(id: number, result: RemoteResult): void;
  /** Refreshes what the handler reads synchronously. */
  update(snapshot: RemoteSnapshot): void;
}

type Callback = (result: Office.AsyncResult<unknown>) => void;

export function remoteOffice(post: (message: FromWorker) => void, first: RemoteSnapshot): RemoteOffice {
  let snapshot = first;
  let roaming: Record<string, unknown> = { ...first.roaming };
  let next = 1;
  const pending = new Map<number, (result: RemoteResult) => void>();
  const associated = new Map<string, FakeEventHandler>();

  const call = (path: string) => (...args: unknown[]): void => {
    const last = args[args.length - 1];
    const cb = typeof last === 'function' ? (last as Callback) : undefined;
    const id = next++;
    pending.set(id, (r) => cb?.({ status: r.status, value: r.value, error: r.error, asyncContext: undefined, diagnostics: undefined } as unknown as Office.AsyncResult<unknown>));
    post({ type: 'call', id, path, args: args.filter((a) => typeof a !== 'function') });
  };
  const methods = (base: string, names: readonly string[]): Record<string, (...a: unknown[]) => void> =>
    Object.fromEntries(names.map((n) => [n, call(`${base}.${n}`)]));
  const item = {
    itemType: 'message',
    to: methods('context.mailbox.item.to', ['getAsync', 'setAsync', 'addAsync']),
    cc: methods('context.mailbox.item.cc', ['getAsync', 'setAsync', 'addAsync']),
    bcc: methods('context.mailbox.item.bcc', ['getAsync', 'setAsync', 'addAsync']),
    subject: methods('context.mailbox.item.subject', ['getAsync', 'setAsync']),
    body: methods('context.mailbox.item.body', ['getAsync']),
    sensitivityLabel: methods('context.mailbox.item.sensitivityLabel', ['getAsync', 'setAsync']),
    delayDeliveryTime: methods('context.mailbox.item.delayDeliveryTime', ['getAsync', 'setAsync']),
    notificationMessages: methods('context.mailbox.item.notificationMessages', ['addAsync', 'replaceAsync', 'removeAsync', 'getAllAsync']),
    sessionData: methods('context.mailbox.item.sessionData', ['getAsync', 'setAsync', 'removeAsync', 'getAllAsync', 'clearAsync']),
    ...methods('context.mailbox.item', ['getAttachmentsAsync', 'getAttachmentContentAsync']),
  };
  const office = {
    ...OFFICE_CONSTANTS,
    actions: { associate: (name: string, handler: FakeEventHandler) => { associated.set(name, handler); } },
    context: {
      get diagnostics() { return { host: 'Outlook', platform: snapshot.platform, version: '16.0.0.0' }; },
      requirements: { isSetSupported: (name: string, version?: string) => snapshot.supported.includes(`${name}@${version ?? '1.1'}`) },
      mailbox: {
        item,
        get userProfile() { return { ...snapshot.userProfile, accountType: 'enterprise', timeZone: 'GMT Standard Time' }; },
      },
      roamingSettings: {
        get: (name: string) => roaming[name],
        set: (name: string, value: unknown) => { roaming[name] = value; },
        remove: (name: string) => { delete roaming[name]; },
        saveAsync: (cb?: Callback) => call('context.roamingSettings.save')({ ...roaming }, cb),
      },
    },
  };
  const storageCall = (op: 'getItem' | 'setItem' | 'removeItem', args: string[]): Promise<unknown> => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, (r) => (r.status === 'succeeded' ? resolve(r.value) : reject(new Error(r.error?.message ?? 'storage failed'))));
    post({ type: 'storage', id, op, args });
  });
  const runtime = {
    storage: {
      getItem: (key: string) => storageCall('getItem', [key]) as Promise<string | null>,
      setItem: (key: string, value: string) => storageCall('setItem', [key, value]).then(() => undefined),
      removeItem: (key: string) => storageCall('removeItem', [key]).then(() => undefined),
    },
  };
  return {
    // The one cast: the stand-in implements what the handlers use, not all of Office.js.
    Office: office as unknown as typeof Office,
    OfficeRuntime: first.hasRuntimeStorage ? runtime as unknown as typeof OfficeRuntime : undefined,
    associated,
    receive(id, result) {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(result);
    },
    update(next) {
      snapshot = next;
      roaming = { ...next.roaming };
    },
  };
}
