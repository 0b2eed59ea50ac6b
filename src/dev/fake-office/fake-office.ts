// A fake Office.js for the local compose harness, the node:vm test and the
// bench. It implements exactly the surface AUP Guard uses, typed against
// @types/office-js, and behaves as Outlook does where the add-in depends on it:
// callbacks arrive asynchronously, a fourth concurrent call fails (Outlook on
// the web's limit), notifications replace by key, and requirement sets can be
// lowered to exercise the older-client paths. DOM-free, so it runs in node.
// It plays one platform at a time (./platforms.ts): what that Outlook has
// (OfficeRuntime.storage, requirement sets, nested app auth) is all it offers.
import { PLATFORMS, type FakePlatform } from './platforms';

export type { FakePlatform } from './platforms';

export type MailboxVersion = '1.1' | '1.8' | '1.10' | '1.11' | '1.12' | '1.13' | '1.14' | '1.15';

export interface FakeAttachment {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly contentType: string;
  /**
   * What getAttachmentContentAsync returns, as Outlook does for each kind: a
   * file's bytes as base64, an attached item's .eml (or .ics) text, a cloud
   * file's URL.
   */
  readonly base64: string;
  /** Default 'file'. */
  readonly attachmentType?: 'file' | 'item' | 'cloud';
  /** A picture in the body (a signature's logo). */
  readonly isInline?: boolean;
}

const contentFormat = (a: FakeAttachment): string =>
  a.attachmentType === 'cloud' ? 'url' : a.attachmentType === 'item' ? (/\.ics$/i.test(a.name) ? 'iCalendar' : 'eml') : 'base64';

export interface ComposeState {
  to: Office.EmailAddressDetails[];
  cc: Office.EmailAddressDetails[];
  bcc: Office.EmailAddressDetails[];
  subject: string;
  bodyHtml: string;
  attachments: FakeAttachment[];
  /** The applied label's id, or '' for none. */
  sensitivityLabel: string;
  /** 0 when no delivery time is set, as Office reports it. */
  delayDeliveryTime: Date | 0;
  notifications: Map<string, Office.NotificationMessageDetails>;
  /** item.sessionData (Mailbox 1.11): per draft, so a new draft starts empty. */
  sessionData: Map<string, string>;
}

export interface FakeOfficeOptions {
  readonly user: { readonly emailAddress: string; readonly displayName: string };
  /** The newest Mailbox set the fake claims; default 1.15. */
  readonly mailboxVersion?: MailboxVersion;
  readonly labels?: readonly Office.SensitivityLabelDetails[];
  readonly theme?: Office.OfficeTheme;
  /** Start an async call's callback after this many ms (default 0: next task). */
  readonly latencyMs?: number;
  /** Calls whose name matches fail, to exercise error paths. */
  readonly failCalls?: RegExp;
  /** The Outlook client to play; default classic Windows, whose handler runtime has OfficeRuntime.storage. */
  readonly platform?: FakePlatform;
  /** NestedAppAuth 1.1; default on, as in current builds of every client. */
  readonly nestedAppAuth?: boolean;
  /** Shows a dialog page for Office.context.ui.displayDialogAsync; without it the call fails as if blocked. */
  readonly openDialog?: (url: string, events: FakeDialogEvents) => { close(): void };
}

/** What the page in a fake dialog can do: message its opener, or be closed by the user. */
export interface FakeDialogEvents {
  message(text: string): void;
  closedByUser(): void;
}

export type FakeEventHandler = (event: { completed(options?: Office.SmartAlertsEventCompletedOptions): void }) => unknown;

export interface FakeOffice {
  readonly Office: typeof Office;
  /** What the platform exposes: undefined where it has no OfficeRuntime.storage (web, new Outlook, Mac). */
  readonly OfficeRuntime: typeof OfficeRuntime | undefined;
  /** The storage behind OfficeRuntime.storage, always there, so tests can seed or read it on any platform. */
  readonly runtimeStorage: OfficeRuntime.Storage;
  readonly platform: FakePlatform;
  readonly state: ComposeState;
  /** Handlers registered through Office.actions.associate. */
  readonly associated: Map<string, FakeEventHandler>;
  /** Office calls made, in order, for tests that check sequencing. */
  readonly calls: string[];
  /** Highest number of Office calls in flight at once. */
  readonly peakConcurrency: () => number;
  /** Milliseconds spent inside Office calls (call to callback), so benches can leave them out. */
  readonly officeTimeMs: () => number;
  /** Runs an associated handler as Outlook would and resolves with its completed() options. */
  dispatch(name: string): Promise<Office.SmartAlertsEventCompletedOptions | undefined>;
  /** Tells the item's RecipientsChanged listeners (the task pane) and returns. */
  notifyRecipientsChanged(fields: readonly ('to' | 'cc' | 'bcc')[]): void;
  /** Tells the item's AttachmentsChanged listeners (Mailbox 1.8) that an attachment was added or removed. */
  notifyAttachmentsChanged(status: 'added' | 'removed', attachment: FakeAttachment): void;
  setTheme(theme: Office.OfficeTheme): void;
  /** Notified whenever the add-in changes the draft (labels, subject, delivery time, recipients, notifications). */
  subscribe(listener: () => void): () => void;
  setMailboxVersion(version: MailboxVersion): void;
  setNestedAppAuth(on: boolean): void;
  /** The keys roaming settings hold, for copying them into another runtime. */
  roamingKeys(): string[];
}

// @types/office-js declares several enums as numeric, while Office.js's
// run-time values are strings ("succeeded", "Outlook"); the fake uses the
// run-time values, as the add-in compares against those.
const runtimeValue = <T>(value: string): T => value as unknown as T;

/** Office.js's enums at their run-time (string) values: plain data, so a worker can have them too. */
export const OFFICE_CONSTANTS = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  CoercionType: { Html: 'html', Text: 'text' },
  EventType: {
    RecipientsChanged: 'olkRecipientsChanged', AttachmentsChanged: 'olkAttachmentsChanged', ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged',
    DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived',
  },
  MailboxEnums: {
    RecipientType: { DistributionList: 'distributionList', User: 'user', ExternalUser: 'externalUser', Other: 'other' },
    SendModeOverride: { PromptUser: 'promptUser' },
    ItemNotificationMessageType: { ProgressIndicator: 'progressIndicator', InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage', InsightMessage: 'insightMessage' },
    ActionType: { ShowTaskPane: 'showTaskPane' },
    AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
    AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
    ItemType: { Message: 'message', Appointment: 'appointment' },
  },
} as const;

const VERSION_ORDER: readonly MailboxVersion[] = ['1.1', '1.8', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15'];

export const LIGHT_THEME: Office.OfficeTheme = {
  bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#242424',
  controlBackgroundColor: '#ffffff', controlForegroundColor: '#242424',
  isDarkTheme: false, themeId: runtimeValue<Office.ThemeId>('Colorful'),
};

export function emptyState(): ComposeState {
  return {
    to: [], cc: [], bcc: [], subject: '', bodyHtml: '', attachments: [],
    sensitivityLabel: '', delayDeliveryTime: 0, notifications: new Map(), sessionData: new Map(),
  };
}

type Callback<T> = ((result: Office.AsyncResult<T>) => void) | undefined;

/** Office methods take (args..., options?, callback?) with the options optional; this finds the callback. */
function callbackOf<T>(args: readonly unknown[]): Callback<T> {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as (result: Office.AsyncResult<T>) => void) : undefined;
}

function stripHtml(html: string): string {
  return html.replace(/<(?:br|\/p|\/div)\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function createFakeOffice(options: FakeOfficeOptions, state: ComposeState = emptyState()): FakeOffice {
  let version: MailboxVersion = options.mailboxVersion ?? '1.15';
  let theme: Office.OfficeTheme = options.theme ?? LIGHT_THEME;
  const platform: FakePlatform = options.platform ?? 'windows';
  const profile = PLATFORMS[platform];
  let nestedAppAuth = options.nestedAppAuth ?? true;
  const associated = new Map<string, FakeEventHandler>();
  const calls: string[] = [];
  const listeners = new Set<() => void>();
  const itemHandlers = new Map<string, Set<(args: unknown) => void>>();
  const roaming = new Map<string, unknown>();
  const storage = new Map<string, string>();
  let inFlight = 0;
  let peak = 0;
  let officeMs = 0;

  const changed = (): void => { for (const l of listeners) l(); };

  /** One asynchronous Office call: counted, delayed, and failed when over Outlook's limit. */
  function call<T>(name: string, cb: Callback<T>, run: () => T): void {
    calls.push(name);
    inFlight++;
    peak = Math.max(peak, inFlight);
    const overLimit = inFlight > 3;
    const started = performance.now();
    setTimeout(() => {
      inFlight--;
      officeMs += performance.now() - started;
      let result: Office.AsyncResult<T>;
      try {
        if (overLimit) throw new Error('Too many concurrent requests (Outlook on the web allows three).');
        if (options.failCalls?.test(name)) throw new Error(`${name} is set to fail`);
        result = { status: runtimeValue<Office.AsyncResultStatus>('succeeded'), value: run(), error: null as unknown as Office.Error, asyncContext: undefined, diagnostics: undefined };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = {
          status: runtimeValue<Office.AsyncResultStatus>('failed'), value: undefined as T, asyncContext: undefined, diagnostics: undefined,
          // An error may carry Office's own code (12009: dialog blocked); else 9002, Outlook's internal error.
          error: { code: typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 9002, message, name: 'InternalServerError' },
        };
      }
      cb?.(result);
    }, options.latencyMs ?? 0);
  }

  const asDetails = (r: string | Office.EmailUser | Office.EmailAddressDetails): Office.EmailAddressDetails => (typeof r === 'string'
    ? { emailAddress: r, displayName: r, recipientType: 'other', appointmentResponse: 'none' } as Office.EmailAddressDetails
    : { appointmentResponse: 'none', recipientType: 'other', ...r } as Office.EmailAddressDetails);
  const recipients = (field: 'to' | 'cc' | 'bcc'): Partial<Office.Recipients> => ({
    getAsync: (...args: unknown[]) =>
      call<Office.EmailAddressDetails[]>(`${field}.getAsync`, callbackOf(args), () => state[field].map((r) => ({ ...r }))),
    setAsync: (list: (string | Office.EmailUser | Office.EmailAddressDetails)[], ...args: unknown[]) =>
      call<void>(`${field}.setAsync`, callbackOf(args), () => {
        state[field] = list.map(asDetails);
        changed();
        fireItem('olkRecipientsChanged', { changedRecipientFields: { [field]: true } });
      }),
    // Mailbox 1.1, like getAsync and setAsync: adds to the field, keeping who is there.
    addAsync: (list: (string | Office.EmailUser | Office.EmailAddressDetails)[], ...args: unknown[]) =>
      call<void>(`${field}.addAsync`, callbackOf(args), () => {
        state[field] = [...state[field], ...list.map(asDetails)];
        changed();
        fireItem('olkRecipientsChanged', { changedRecipientFields: { [field]: true } });
      }),
  });

  function fireItem(type: string, args: Record<string, unknown>): void {
    for (const h of itemHandlers.get(type) ?? []) setTimeout(() => h({ type, ...args }), 0);
  }

  const item: Partial<Office.MessageCompose> = {
    itemType: 'message' as Office.MailboxEnums.ItemType,
    to: recipients('to') as Office.Recipients,
    cc: recipients('cc') as Office.Recipients,
    bcc: recipients('bcc') as Office.Recipients,
    subject: {
      getAsync: (...args: unknown[]) => call<string>('subject.getAsync', callbackOf(args), () => state.subject),
      setAsync: (subject: string, ...args: unknown[]) => call<void>('subject.setAsync', callbackOf(args), () => { state.subject = subject; changed(); }),
    } as Office.Subject,
    body: {
      getAsync: (coercion: Office.CoercionType | string, ...args: unknown[]) =>
        call<string>('body.getAsync', callbackOf(args), () => (coercion === 'html' ? state.bodyHtml : stripHtml(state.bodyHtml))),
    } as Office.Body,
    getAttachmentsAsync: ((...args: unknown[]) =>
      call<Office.AttachmentDetailsCompose[]>('getAttachmentsAsync', callbackOf(args), () => state.attachments.map((a) => ({
        id: a.id, name: a.name, size: a.size, isInline: a.isInline ?? false, contentId: '', isServiceAccessible: false,
        attachmentType: (a.attachmentType ?? 'file') as Office.MailboxEnums.AttachmentType,
      })))) as Office.MessageCompose['getAttachmentsAsync'],
    getAttachmentContentAsync: ((id: string, ...args: unknown[]) =>
      call<Office.AttachmentContent>('getAttachmentContentAsync', callbackOf(args), () => {
        const a = state.attachments.find((x) => x.id === id);
        if (!a) throw new Error(`No attachment ${id}`);
        return { content: a.base64, format: contentFormat(a) as Office.MailboxEnums.AttachmentContentFormat };
      })) as Office.MessageCompose['getAttachmentContentAsync'],
    sensitivityLabel: {
      getAsync: (...args: unknown[]) => call<string>('sensitivityLabel.getAsync', callbackOf(args), () => state.sensitivityLabel),
      setAsync: (label: string | Office.SensitivityLabelDetails, ...args: unknown[]) =>
        call<void>('sensitivityLabel.setAsync', callbackOf(args), () => {
          state.sensitivityLabel = typeof label === 'string' ? label : label.id;
          changed();
        }),
    } as Office.SensitivityLabel,
    delayDeliveryTime: {
      getAsync: (...args: unknown[]) => call<Date | 0>('delayDeliveryTime.getAsync', callbackOf(args), () => state.delayDeliveryTime),
      setAsync: (at: Date, ...args: unknown[]) =>
        call<void>('delayDeliveryTime.setAsync', callbackOf(args), () => { state.delayDeliveryTime = new Date(at.getTime()); changed(); }),
    } as Office.DelayDeliveryTime,
    notificationMessages: {
      replaceAsync: (key: string, details: Office.NotificationMessageDetails, ...args: unknown[]) =>
        call<void>('notificationMessages.replaceAsync', callbackOf(args), () => {
          if (details.message.length > 150) throw new Error('The notification message is longer than 150 characters.');
          state.notifications.set(key, details);
          changed();
        }),
      removeAsync: (key: string, ...args: unknown[]) =>
        call<void>('notificationMessages.removeAsync', callbackOf(args), () => {
          if (!state.notifications.delete(key)) throw new Error(`No notification with key ${key}`);
          changed();
        }),
      getAllAsync: (...args: unknown[]) =>
        call<Office.NotificationMessageDetails[]>('notificationMessages.getAllAsync', callbackOf(args), () => [...state.notifications.values()]),
    } as Office.NotificationMessages,
    sessionData: {
      // A key never set fails, the stricter of the behaviours hosts have shown.
      getAsync: (name: string, ...args: unknown[]) => call<string>('sessionData.getAsync', callbackOf(args), () => {
        const value = state.sessionData.get(name);
        if (value === undefined) throw new Error(`No session data named ${name}`);
        return value;
      }),
      setAsync: (name: string, value: string, ...args: unknown[]) =>
        call<void>('sessionData.setAsync', callbackOf(args), () => { state.sessionData.set(name, value); }),
      removeAsync: (name: string, ...args: unknown[]) =>
        call<void>('sessionData.removeAsync', callbackOf(args), () => { state.sessionData.delete(name); }),
      getAllAsync: (...args: unknown[]) =>
        call<object>('sessionData.getAllAsync', callbackOf(args), () => Object.fromEntries(state.sessionData)),
      clearAsync: (...args: unknown[]) => call<void>('sessionData.clearAsync', callbackOf(args), () => { state.sessionData.clear(); }),
    } as Office.SessionData,
    addHandlerAsync: ((type: string, handler: (args: unknown) => void, ...args: unknown[]) =>
      call<void>('item.addHandlerAsync', callbackOf(args), () => {
        const set = itemHandlers.get(type) ?? new Set();
        set.add(handler);
        itemHandlers.set(type, set);
      })) as Office.MessageCompose['addHandlerAsync'],
  };

  const labels = options.labels ?? [];
  const roamingSettings: Partial<Office.RoamingSettings> = {
    get: (name: string) => roaming.get(name),
    set: (name: string, value: unknown) => { roaming.set(name, value); },
    remove: (name: string) => { roaming.delete(name); },
    saveAsync: (...args: unknown[]) => call<void>('roamingSettings.saveAsync', callbackOf(args), () => {
      const size = JSON.stringify(Object.fromEntries(roaming)).length;
      if (size > 32 * 1024) throw new Error('Roaming settings exceed 32 KB.');
    }),
  };

  const mailbox: Partial<Office.Mailbox> = {
    item: item as Office.Mailbox['item'],
    userProfile: { ...options.user, accountType: 'enterprise', timeZone: 'GMT Standard Time' } as Office.UserProfile,
    // Mailbox-level events (ItemChanged, OfficeThemeChanged) share the item's registry.
    addHandlerAsync: ((type: string, handler: (args: unknown) => void, ...args: unknown[]) =>
      call<void>('mailbox.addHandlerAsync', callbackOf(args), () => {
        const set = itemHandlers.get(type) ?? new Set();
        set.add(handler);
        itemHandlers.set(type, set);
      })) as Office.Mailbox['addHandlerAsync'],
  };

  /** Whether the Mailbox version this fake plays has `min` (a version it does not know never). */
  const hasMailbox = (min: string): boolean =>
    VERSION_ORDER.includes(min as MailboxVersion) && VERSION_ORDER.indexOf(min as MailboxVersion) <= VERSION_ORDER.indexOf(version);

  const context = {
    mailbox: mailbox as Office.Mailbox,
    roamingSettings: roamingSettings as Office.RoamingSettings,
    requirements: {
      isSetSupported: (name: string, minVersion?: string) => {
        if (name === 'NestedAppAuth') return nestedAppAuth && (minVersion ?? '1.1') === '1.1';
        if (name === 'DialogApi') return ['1.1', '1.2'].includes(minVersion ?? '1.1');
        return name === 'Mailbox' && hasMailbox(minVersion ?? '1.1');
      },
    },
    diagnostics: { host: runtimeValue<Office.HostType>('Outlook'), platform: runtimeValue<Office.PlatformType>(profile.diagnostics), version: '16.0.0.0' },
    get officeTheme() { return theme; },
    sensitivityLabelsCatalog: {
      getIsEnabledAsync: (...args: unknown[]) => call<boolean>('sensitivityLabelsCatalog.getIsEnabledAsync', callbackOf(args), () => labels.length > 0),
      getAsync: (...args: unknown[]) => call<Office.SensitivityLabelDetails[]>('sensitivityLabelsCatalog.getAsync', callbackOf(args), () => [...labels]),
    },
    displayLanguage: 'en-GB',
    ui: {
      displayDialogAsync: (url: string, ...args: unknown[]) => call<Office.Dialog>('ui.displayDialogAsync', callbackOf(args), () => {
        if (!options.openDialog) throw Object.assign(new Error('The dialog was blocked.'), { code: 12009 });
        const handlers = new Map<string, ((arg: unknown) => void)[]>();
        const emit = (type: string, arg: unknown): void => { for (const h of handlers.get(type) ?? []) h(arg); };
        const shown = options.openDialog(url, {
          message: (text) => emit('dialogMessageReceived', { type: 'dialogMessageReceived', message: text, origin: new URL(url, 'http://localhost').origin }),
          closedByUser: () => emit('dialogEventReceived', { type: 'dialogEventReceived', error: 12006 }),
        });
        const dialog = {
          close: () => shown.close(),
          addEventHandler: (type: string, handler: (arg: unknown) => void) => { handlers.set(type, [...(handlers.get(type) ?? []), handler]); },
          messageChild: () => undefined,
          sendMessage: () => undefined,
        };
        return dialog as unknown as Office.Dialog;
      }),
    },
  };

  const office = {
    context,
    onReady: (cb?: (info: { host: Office.HostType; platform: Office.PlatformType }) => void) => {
      const info = { host: runtimeValue<Office.HostType>('Outlook'), platform: runtimeValue<Office.PlatformType>(profile.diagnostics) };
      cb?.(info);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name: string, handler: FakeEventHandler) => { associated.set(name, handler); },
    },
    ...OFFICE_CONSTANTS,
  };

  const runtimeStorage: Partial<OfficeRuntime.Storage> = {
    getItem: (key: string) => Promise.resolve(storage.get(key) ?? null),
    setItem: (key: string, value: string) => { storage.set(key, value); return Promise.resolve(); },
    removeItem: (key: string) => { storage.delete(key); return Promise.resolve(); },
  };

  return {
    // The one cast: the fake implements the subset above, not all of Office.js.
    Office: office as unknown as typeof Office,
    OfficeRuntime: profile.runtimeStorage ? { storage: runtimeStorage } as unknown as typeof OfficeRuntime : undefined,
    runtimeStorage: runtimeStorage as OfficeRuntime.Storage,
    platform,
    state,
    associated,
    calls,
    peakConcurrency: () => peak,
    officeTimeMs: () => officeMs,
    dispatch(name) {
      const handler = associated.get(name);
      if (!handler) return Promise.reject(new Error(`No handler associated as ${name}`));
      return new Promise((resolve) => {
        handler({ completed: (opts) => resolve(opts) });
      });
    },
    notifyRecipientsChanged(fields) {
      fireItem('olkRecipientsChanged', { changedRecipientFields: Object.fromEntries(fields.map((f) => [f, true])) });
    },
    notifyAttachmentsChanged(status, attachment) {
      if (!hasMailbox('1.8')) return;
      fireItem('olkAttachmentsChanged', { attachmentStatus: status, attachmentDetails: { id: attachment.id, name: attachment.name, size: attachment.size, attachmentType: attachment.attachmentType ?? 'file', isInline: attachment.isInline ?? false } });
    },
    setTheme(next) {
      theme = next;
      fireItem('officeThemeChanged', { officeTheme: next });
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setMailboxVersion(next) { version = next; },
    setNestedAppAuth(on) { nestedAppAuth = on; },
    roamingKeys: () => [...roaming.keys()],
  };
}
