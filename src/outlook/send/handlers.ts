// The two event-based handlers, built over an injected host so unit tests,
// the node:vm test and the dev harness all drive the same code. Every path
// ends in event.completed(), failures included (STYLE.md, issue #6).
import type { Decision, Draft, Recipient } from '../../compose-check';
import { checkDraft, isProtected } from '../../compose-check';
import type { CheckSettings } from '../cache/resolve';
import { settingsForDraft, userEmail } from '../cache/resolve';
import type { LocalStore } from '../cache/stores';
import { composeItem, readDraft } from '../office/draft';
import type { SupportsMailbox } from '../office/requirements';
import { hostSupportsMailbox } from '../office/requirements';
import type { ComposeItem } from '../office/draft';
import { presentDecision, unreadableAttachmentLines } from '../present/plan';
import type { SendCompletion } from './alert';
import { completionFor, completionForFailure } from './alert';
import { rememberTold, takeTold, TOLD_KEY, WARNED_KEY } from './told';
import { syncAttachmentsNotice, syncNotice } from './notice';

export interface SendTimeHost {
  readonly office: typeof Office;
  /** Absent where the platform has no OfficeRuntime.storage (everywhere but classic Windows). */
  readonly runtime?: typeof OfficeRuntime;
  /** The runtime's localStorage: browser runtimes (web, new Outlook, Mac) share it with the pane. */
  readonly localStorage?: LocalStore;
  /** The clock, injected so the harness can set it; never read inside the engine. */
  readonly now: () => Date;
  /** Where diagnostics go; console in Outlook, a spy in tests. */
  readonly log?: (message: string) => void;
}

/** The event surface the handlers use: Office.MailboxEvent's completed(). */
export type CompletableEvent = Pick<Office.MailboxEvent, 'completed'>;

async function settingsFor(host: SendTimeHost, draft: { readonly from?: string; readonly recipients: readonly Recipient[] }): Promise<CheckSettings> {
  const checked = await settingsForDraft({ office: host.office, ...(host.runtime ? { runtime: host.runtime } : {}), ...(host.localStorage ? { localStorage: host.localStorage } : {}) }, draft, host.now());
  for (const p of checked.problems) host.log?.(`AUP Guard: ignoring cache in ${p}`);
  if (checked.state.kind === 'expired') host.log?.(`AUP Guard: the school settings saved ${checked.state.record.savedAt} are past their time-to-live; checking with defaults`);
  return checked;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The reasons a warning was about, so a second Send passes only for what the user was told. */
const codesOf = (decision: Decision): string => decision.reasons.map((r) => r.code).sort().join(',');

export interface SendTimeHandlers {
  onMessageSendHandler(event: CompletableEvent): Promise<void>;
  onMessageRecipientsChangedHandler(event: CompletableEvent): Promise<void>;
  onMessageAttachmentsChangedHandler(event: CompletableEvent): Promise<void>;
}

/** Milliseconds on the host's clock, for the engine's time limit on reading attachments. */
const clockOf = (host: SendTimeHost) => (): number => host.now().getTime();

export function createSendTimeHandlers(host: SendTimeHost): SendTimeHandlers {
  const supports: SupportsMailbox = hostSupportsMailbox(host.office);

  function itemOrNone(): ComposeItem | undefined {
    try {
      return composeItem(host.office);
    } catch {
      return undefined;
    }
  }

  /** Without "Send anyway" (before 1.14), the user is told once per draft and the next Send passes. */
  async function failureCompletion(): Promise<SendCompletion> {
    if (supports('1.14')) return completionForFailure(supports);
    const item = itemOrNone();
    try {
      if ((await takeTold(item, supports, TOLD_KEY)) !== undefined) return completionForFailure(supports, true);
      await rememberTold(item, supports, TOLD_KEY, '1');
    } catch (error) {
      // Remembering failed too: telling the user matters more than the second Send.
      host.log?.(`AUP Guard: could not remember the failed check: ${describe(error)}`);
    }
    return completionForFailure(supports, false);
  }

  /**
   * A warning on a host without "Send anyway" (Mailbox 1.12, 1.13): the first
   * Send stops and says Send again will send it; the next Send of the same
   * draft, with no new reason, goes ahead. A block is never let through.
   */
  async function warningCompletion(item: ComposeItem, decision: Decision, completion: () => SendCompletion): Promise<SendCompletion> {
    if (decision.verdict !== 'warn' || supports('1.14')) return completion();
    const codes = codesOf(decision);
    const told = await takeTold(item, supports, WARNED_KEY);
    if (told !== undefined && codes.split(',').every((c) => told.split(',').includes(c))) return { allowEvent: true };
    await rememberTold(item, supports, WARNED_KEY, codes);
    return completion();
  }

  async function onMessageSendHandler(event: CompletableEvent): Promise<void> {
    let completion: SendCompletion;
    try {
      const item = composeItem(host.office);
      const draft = await readDraft(item, { supports, from: userEmail(host.office) });
      const { settings, directory, policy } = await settingsFor(host, draft);
      const decision = checkDraft(draft, { now: host.now(), settings, clock: clockOf(host), ...(directory ? { directory } : {}) });
      const recipients = draft.recipients.map((r) => r.email);
      const presented = presentDecision(decision, { recipients, settings, ...(policy ? { policy } : {}) });
      const attachmentLines = unreadableAttachmentLines(decision, { recipients, settings, encrypted: isProtected(draft, settings) });
      completion = await warningCompletion(item, decision, () => completionFor(decision, presented, supports, { sendAgain: !supports('1.14'), attachmentLines }));
    } catch (error) {
      host.log?.(`AUP Guard: the send check failed: ${describe(error)}`);
      completion = await failureCompletion();
    }
    event.completed(completion);
  }

  async function onMessageRecipientsChangedHandler(event: CompletableEvent): Promise<void> {
    try {
      const item = composeItem(host.office);
      const draft = await readDraft(item, { supports, from: userEmail(host.office), recipientsOnly: true });
      const { settings, directory } = await settingsFor(host, draft);
      const decision = checkDraft(draft, { now: host.now(), settings, ...(directory ? { directory } : {}) });
      await syncNotice(item, decision, draft.scheduledDelivery ?? host.now(), settings, draft.scheduledDelivery !== undefined, supports);
    } catch (error) {
      host.log?.(`AUP Guard: the recipients check failed: ${describe(error)}`);
    }
    event.completed();
  }

  /** A file was attached or removed: the bar names the ones that are protected or could not be checked. */
  async function onMessageAttachmentsChangedHandler(event: CompletableEvent): Promise<void> {
    try {
      const item = composeItem(host.office);
      const draft: Draft = await readDraft(item, { supports, from: userEmail(host.office) });
      const { settings, directory } = await settingsFor(host, draft);
      const decision = checkDraft(draft, { now: host.now(), settings, clock: clockOf(host), ...(directory ? { directory } : {}) });
      await syncAttachmentsNotice(item, decision, supports);
    } catch (error) {
      host.log?.(`AUP Guard: the attachments check failed: ${describe(error)}`);
    }
    event.completed();
  }

  return { onMessageSendHandler, onMessageRecipientsChangedHandler, onMessageAttachmentsChangedHandler };
}
