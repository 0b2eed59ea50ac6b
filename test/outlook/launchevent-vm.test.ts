// The built launchevent.js in a bare node:vm context, as classic Outlook on
// Windows runs it: no window, document, localStorage, Intl or module loader;
// only the Office object (here the dev harness's typed fake).
import { beforeAll, describe, expect, it } from 'vitest';
import { createContext, Script } from 'node:vm';
import { parse } from 'acorn';
import { buildLaunchEvent } from './build-launchevent';
import { createFakeOffice, type FakeOffice, type FakeOfficeOptions, type MailboxVersion } from '../../src/dev/fake-office/fake-office';
import { DEMO_USER } from '../../src/dev/demo-settings';
import type { Settings } from '../../src/compose-check';
import { CACHE_KEY } from '../../src/outlook/cache/stores';
import { BOUND_BUILTINS } from '../../src/outlook/vite-builtins';
import { ES2017_REGEXP } from '../support/es2017-regexp';

let code = '';
beforeAll(async () => {
  code = (await buildLaunchEvent()).code;
}, 120_000);

interface Loaded {
  readonly fake: FakeOffice;
  readonly logs: string[];
  readonly context: Record<string, unknown>;
}

/** A context with V8's built-ins only, Intl removed, plus Office and a console. */
function load(options: Partial<FakeOfficeOptions> & { mailboxVersion?: MailboxVersion; clockAt?: number } = {}, withRuntimeStorage = false, es2017RegExp = false): Loaded {
  const { clockAt, ...office } = options;
  const fake = createFakeOffice({ user: DEMO_USER, ...office });
  const logs: string[] = [];
  const sandbox: Record<string, unknown> = {
    Office: fake.Office,
    console: { error: (m: string) => logs.push(m), log: (m: string) => logs.push(m) },
    ...(withRuntimeStorage ? { OfficeRuntime: fake.OfficeRuntime } : {}),
  };
  const context = createContext(sandbox);
  new Script('delete globalThis.Intl;').runInContext(context);
  new Script(ES2017_LIBRARY).runInContext(context);
  if (es2017RegExp) new Script(ES2017_REGEXP).runInContext(context);
  // Before the bundle: it binds Date once as it loads (vite-builtins.ts), so a clock set afterwards is never read
  // and the test would follow the real time of day.
  if (clockAt !== undefined) {
    new Script(`(() => { const at = ${clockAt}; const R = Date; globalThis.Date = class extends R { constructor(...a) { super(...(a.length ? a : [at])); } static now() { return at; } }; })();`).runInContext(context);
  }
  new Script(code, { filename: 'launchevent.js' }).runInContext(context);
  return { fake, logs, context };
}

// vite's es2017 target rewrites newer syntax but never the standard library: a
// flatMap or Object.fromEntries in the bundle would be undefined in an ES2017
// runtime. Every load runs without them, so a call to one fails these tests.
const ES2017_LIBRARY = `(() => {
  delete Array.prototype.flat; delete Array.prototype.flatMap; delete Array.prototype.at;
  delete Array.prototype.findLast; delete Array.prototype.findLastIndex;
  delete String.prototype.matchAll; delete String.prototype.replaceAll; delete String.prototype.at;
  delete String.prototype.trimStart; delete String.prototype.trimEnd;
  delete Object.fromEntries; delete Object.hasOwn; delete Promise.allSettled; delete Promise.any;
})();`;

/** A cache record as the pane writes it, saved a day before the fake's events. */
async function cacheJson(settings: Settings): Promise<string> {
  const { cacheDraftFrom, fitForStore } = await import('../../src/outlook/cache/build');
  const { recordForStore } = await import('../../src/outlook/cache/settings-cache');
  const { draft } = cacheDraftFrom({ settings, sendCheck: undefined, policy: undefined }, new Date(Date.now() - 24 * 3600_000));
  return recordForStore(draft, undefined, fitForStore).json;
}

const to = (emailAddress: string, recipientType = 'externalUser'): Office.EmailAddressDetails =>
  ({ emailAddress, displayName: emailAddress, recipientType, appointmentResponse: 'none' } as Office.EmailAddressDetails);

describe('launchevent.js in a bare JavaScript-only runtime', () => {
  // Its size is a target, not a rule: `npm run bench` (sizes) prints it beside issue 12's 60 KB.
  it('is self-contained: no imports, no DOM or Intl', () => {
    expect(code).not.toMatch(/\bimport\s*[({'"]|\brequire\(/);
    // As globals used, not as words: the readers' messages say "password-protected document".
    expect(code).not.toMatch(/(?<![./\w`'"-])(?:window|document|Intl)\s*[.[(]|typeof (?:window|document|Intl)\b/);
    // Browser runtimes share localStorage with the pane; classic Windows' runtime has none. The global is only
    // looked up behind a typeof check (the contexts below have none, and every test runs without it).
    expect(code).toMatch(/typeof localStorage/);
    expect(code).not.toMatch(/Segmenter/);
    // The runtime may lack TextEncoder; the SHA-256 helper encodes UTF-8 itself.
    expect(code).not.toMatch(/\bTextEncoder\b/);
    expect(code).not.toMatch(/\breact(?:-dom)?\b|react\.(?:production|development)/i);
  });

  it("carries none of the pane's cache writing: the handler only reads the cache", () => {
    expect(code).not.toMatch(/roamingSettings\.saveAsync|aupGuard\.cache\.v1/);
  });

  // Node's V8 accepts newer syntax than classic Outlook's runtime, so running
  // the file in node:vm proves nothing about ES2017: parse it as ES2017, which
  // also validates every regular expression literal (e.g. rejects \p{L}).
  it('parses as ES2017, regular expressions included', () => {
    expect(() => parse(code, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
  });

  it('loads and decides in an engine whose regular expressions stop at ES2017', async () => {
    const { fake } = load({}, false, true);
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.bodyHtml = '<p>Pupil UPN: B801200005001, please see attached.</p>';
    expect((await fake.dispatch('onMessageSendHandler'))?.allowEvent).toBe(false);
  });

  it('registers the three handlers at load time', () => {
    const { fake, context } = load();
    expect([...fake.associated.keys()].sort()).toEqual(['onMessageAttachmentsChangedHandler', 'onMessageRecipientsChangedHandler', 'onMessageSendHandler']);
    expect(new Script('typeof Intl').runInContext(context)).toBe('undefined');
    expect(new Script('typeof window + typeof document + typeof localStorage + typeof TextDecoder + typeof TextEncoder').runInContext(context)).toBe('undefined'.repeat(5));
  });

  it('stops a message carrying a valid UPN to an external address', async () => {
    const { fake } = load();
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.subject = 'Referral';
    fake.state.bodyHtml = '<p>Pupil UPN: B801200005001, please see attached.</p>';
    const completed = await fake.dispatch('onMessageSendHandler');
    expect(completed?.allowEvent).toBe(false);
    expect(completed?.errorMessage).toMatch(/sensitive pupil data/);
    expect(completed?.errorMessage?.length).toBeLessThanOrEqual(500);
    // Warn-level with Mailbox 1.14+: "Send anyway" and the pane button.
    expect(completed?.sendModeOverride).toBe('promptUser');
    expect(completed?.commandId).toBe('aupGuardComposeOpenPane');
    expect(completed?.errorMessageMarkdown).toMatch(/^- \*\*Encryption needed\.\*\*/);
  });

  // vite-builtins.ts: hot loops must not pay a global lookup per character.
  it('reads the standard built-ins once, at load, not from the global object afterwards', async () => {
    const { fake, context } = load();
    new Script(`for (const name of ${JSON.stringify(BOUND_BUILTINS)}) globalThis[name] = undefined;`).runInContext(context);
    expect(new Script('typeof Math + typeof String').runInContext(context)).toBe('undefinedundefined');
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.bodyHtml = '<p>Pupil UPN: B801200005001, please see attached.</p>';
    const completed = await fake.dispatch('onMessageSendHandler');
    expect(completed?.allowEvent).toBe(false);
    expect(completed?.errorMessage).toMatch(/sensitive pupil data/);
  });

  it('lets a staff-only message through', async () => {
    const { fake } = load();
    fake.state.to = [to('head@wellsap.example.org.uk', 'user')];
    fake.state.bodyHtml = '<p>Pupil UPN: B801200005001 for the SEN review.</p>';
    expect(await fake.dispatch('onMessageSendHandler')).toEqual({ allowEvent: true });
  });

  it('makes its Office calls one at a time', async () => {
    const { fake } = load({ latencyMs: 2 });
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.bodyHtml = '<p>Nothing sensitive.</p>';
    await fake.dispatch('onMessageSendHandler');
    expect(fake.calls).toEqual(expect.arrayContaining(['to.getAsync', 'cc.getAsync', 'bcc.getAsync', 'body.getAsync']));
    expect(fake.peakConcurrency()).toBe(1);
  });

  it('still completes, and tells the user, when reading the draft fails', async () => {
    const { fake, logs } = load({ failCalls: /^body\.getAsync$/ });
    fake.state.to = [to('officer@county.example.gov.uk')];
    const completed = await fake.dispatch('onMessageSendHandler');
    expect(completed?.allowEvent).toBe(false);
    expect(completed?.errorMessage).toMatch(/could not check this message/);
    expect(completed?.sendModeOverride).toBe('promptUser');
    expect(logs.join('\n')).toMatch(/body\.getAsync failed/);
  });

  it('on an internal error without "Send anyway" (1.13), says the check could not run, then lets the next Send through', async () => {
    const { fake } = load({ failCalls: /^body\.getAsync$/, mailboxVersion: '1.13' });
    const first = await fake.dispatch('onMessageSendHandler');
    expect(first?.allowEvent).toBe(false);
    expect(first?.errorMessage).toMatch(/^AUP Guard couldn't check this message.*press Send again to send it without the check\.$/);
    expect(first?.sendModeOverride).toBeUndefined();
    // Remembered in the item's session data (Mailbox 1.11), so it holds across runtimes.
    expect(fake.state.sessionData.get('aupGuardCheckFailedTold')).toBe('1');
    expect(await fake.dispatch('onMessageSendHandler')).toEqual({ allowEvent: true });
  });

  it('tells the user again on a new draft, whose session data starts empty', async () => {
    const { fake } = load({ failCalls: /^body\.getAsync$/, mailboxVersion: '1.13' });
    await fake.dispatch('onMessageSendHandler');
    fake.state.sessionData = new Map();
    expect((await fake.dispatch('onMessageSendHandler'))?.allowEvent).toBe(false);
  });

  it('remembers in memory where session data is missing (before 1.11) or fails, once per telling', async () => {
    for (const options of [{ mailboxVersion: '1.10' as const }, { mailboxVersion: '1.13' as const, failCalls: /^(?:body\.getAsync|sessionData\.setAsync)$/ }]) {
      const { fake } = load({ failCalls: /^body\.getAsync$/, ...options });
      expect((await fake.dispatch('onMessageSendHandler'))?.errorMessage).toMatch(/press Send again/);
      expect(await fake.dispatch('onMessageSendHandler')).toEqual({ allowEvent: true });
      // Consumed by the Send it let through: a runtime reused for another draft tells again.
      expect((await fake.dispatch('onMessageSendHandler'))?.allowEvent).toBe(false);
    }
  });

  it('reads the cache from OfficeRuntime.storage when the host has it', async () => {
    const { fake } = load({}, true);
    await fake.runtimeStorage.setItem(CACHE_KEY, await cacheJson({ schoolDomains: ['wellsap.example.org.uk'], severities: { 'sensitive-unencrypted': 'block' } }));
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.bodyHtml = '<p>UPN B801200005001</p>';
    const completed = await fake.dispatch('onMessageSendHandler');
    expect(completed?.allowEvent).toBe(false);
    // Block-level: no "Send anyway"; the manifest's SoftBlock applies.
    expect(completed?.sendModeOverride).toBeUndefined();
  });

  it('knows a parent from the send-check record and warns about contact hours, then ignores a record past its time-to-live', async () => {
    const json = await cacheJson({ schoolDomains: ['wellsap.example.org.uk'], parentContacts: [{ email: 'mum@example.com', pupil: 'Sam Lee' }], pupils: [{ name: 'Sam Lee' }] });
    for (const [savedDaysAgo, warned] of [[1, true], [15, false]] as const) {
      // The handler's clock: 19:10 on a Thursday; the record saved some days before.
      const { fake } = load({ clockAt: Date.parse('2026-11-26T19:10:00Z') }, true);
      const record = JSON.parse(json) as { savedAt: string };
      record.savedAt = new Date(Date.parse('2026-11-26T19:10:00Z') - savedDaysAgo * 24 * 3600_000).toISOString();
      await fake.runtimeStorage.setItem(CACHE_KEY, JSON.stringify(record));
      fake.state.to = [to('mum@example.com')];
      const completed = await fake.dispatch('onMessageSendHandler');
      expect(completed?.allowEvent).toBe(!warned);
      if (warned) expect(completed?.errorMessage).toMatch(/Contact with parents and pupils is limited to 08:00 to 18:00/);
    }
  });

  it('on Mailbox 1.13 stops a warning once, saying Send again will send it, then lets the same draft go; a block stays a block', async () => {
    const { fake } = load({ mailboxVersion: '1.13' }, true);
    await fake.runtimeStorage.setItem(CACHE_KEY, await cacheJson({ schoolDomains: ['wellsap.example.org.uk'] }));
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.bodyHtml = '<p>Pupil UPN: B801200005001</p>';
    const first = await fake.dispatch('onMessageSendHandler');
    expect(first).toMatchObject({ allowEvent: false });
    expect(first?.errorMessage).toMatch(/To send it anyway, press Send again\.$/);
    expect(await fake.dispatch('onMessageSendHandler')).toEqual({ allowEvent: true });
    // A new reason on the same draft (a Gmail recipient: a block) is not let through by the earlier warning.
    fake.state.to = [to('officer@county.example.gov.uk'), to('someone@gmail.com')];
    for (let i = 0; i < 2; i++) {
      const blocked = await fake.dispatch('onMessageSendHandler');
      expect(blocked?.allowEvent).toBe(false);
      expect(blocked?.errorMessage).not.toMatch(/press Send again/);
    }
  });

  it('reads localStorage where the runtime has one (browser runtimes), and no OfficeRuntime.storage', async () => {
    const fake = createFakeOffice({ user: DEMO_USER, platform: 'web' });
    const stored = new Map<string, string>([[CACHE_KEY, await cacheJson({ schoolDomains: ['wellsap.example.org.uk'], severities: { 'sensitive-unencrypted': 'block' } })]]);
    const context = createContext({ Office: fake.Office, console: { error() {}, log() {} }, localStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem() {} } });
    new Script('delete globalThis.Intl;').runInContext(context);
    new Script(code).runInContext(context);
    fake.state.to = [to('officer@county.example.gov.uk')];
    fake.state.bodyHtml = '<p>UPN B801200005001</p>';
    expect((await fake.dispatch('onMessageSendHandler'))?.sendModeOverride).toBeUndefined();
  });

  it('completes the recipients-changed event even when nothing needs saying', async () => {
    const { fake } = load();
    fake.state.to = [to('head@wellsap.example.org.uk', 'user')];
    expect(await fake.dispatch('onMessageRecipientsChangedHandler')).toBeUndefined();
    expect(fake.state.notifications.size).toBe(0);
  });
});
