// The two event-based handlers, built over an injected host so unit tests,
// the node:vm test and the dev harness all drive the same code. Every path
// ends in event.completed(), failures included (STYLE.md, issue #6).
import type { Draft, ResolvedSettings } from '../../compose-check';
import { checkDraft } from '../../compose-check';
import { settingsForDraft, userEmail } from '../cache/resolve';
import { composeItem, readDraft } from '../office/draft';
import { officeCall } from '../office/async';
import type { SupportsMailbox } from '../office/requirements';
import { hostSupportsMailbox } from '../office/requirements';
import type { ComposeItem } from '../office/draft';
import type { SendCompletion } from './alert';
import { completionFor, completionForFailure, TASK_PANE_COMMAND_ID } from './alert';
import { consumeTold, rememberTold } from './check-failed';
import { contactHoursNotice, NOTICE_ACTION_TEXT, NOTICE_KEY } from './notice';

export interface SendTimeHost {
  readonly office: typeof Office;
  /** Absent in hosts without OfficeRuntime.storage; roaming settings are then the cache. */
  readonly runtime?: typeof OfficeRuntime;
  /** The clock, injected so the harness can set it; never read inside the engine. */
  readonly now: () => Date;
  /** Where diagnostics go; console in Outlook, a spy in tests. */
  readonly log?: (message: string) => void;
}

/** The event surface the handlers use: Office.MailboxEvent's completed(). */
export type CompletableEvent = Pick<Office.MailboxEvent, 'completed'>;

async function settingsFor(host: SendTimeHost, draft: Draft): Promise<ResolvedSettings> {
  const { settings, problems } = await settingsForDraft(host.office, host.runtime, draft);
  for (const p of problems) host.log?.(`AUP Guard: ignoring cache in ${p}`);
  return settings;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export interface SendTimeHandlers {
  onMessageSendHandler(event: CompletableEvent): Promise<void>;
  onMessageRecipientsChangedHandler(event: CompletableEvent): Promise<void>;
}

export function createSendTimeHandlers(host: SendTimeHost): SendTimeHandlers {
  const supports: SupportsMailbox = hostSupportsMailbox(host.office);

  /** Without "Send anyway" (before 1.14), the user is told once per draft and the next Send passes. */
  async function failureCompletion(): Promise<SendCompletion> {
    if (supports('1.14')) return completionForFailure(supports);
    let item: ComposeItem | undefined;
    try {
      item = composeItem(host.office);
    } catch {
      item = undefined;
    }
    try {
      if (await consumeTold(item, supports)) return completionForFailure(supports, true);
      await rememberTold(item, supports);
    } catch (error) {
      // Remembering failed too: telling the user matters more than the second Send.
      host.log?.(`AUP Guard: could not remember the failed check: ${describe(error)}`);
    }
    return completionForFailure(supports, false);
  }

  async function onMessageSendHandler(event: CompletableEvent): Promise<void> {
    let completion: SendCompletion;
    try {
      const draft = await readDraft(composeItem(host.office), { supports, from: userEmail(host.office) });
      const settings = await settingsFor(host, draft);
      completion = completionFor(checkDraft(draft, { now: host.now(), settings }), supports);
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
      const settings = await settingsFor(host, draft);
      const at = draft.scheduledDelivery ?? host.now();
      const decision = checkDraft(draft, { now: host.now(), settings });
      const text = contactHoursNotice(decision, at, settings, draft.scheduledDelivery !== undefined);
      if (text) {
        // InsightMessage (1.10) can carry the "open the pane" action; older hosts get a plain bar.
        const details: Office.NotificationMessageDetails = supports('1.10')
          ? {
              type: 'insightMessage',
              message: text,
              icon: 'Icon.16x16',
              actions: [{ actionType: 'showTaskPane', actionText: NOTICE_ACTION_TEXT, commandId: TASK_PANE_COMMAND_ID, contextData: '' }],
            }
          : { type: 'informationalMessage', message: text, icon: 'Icon.16x16', persistent: false };
        await officeCall<void>('notificationMessages.replaceAsync', (cb) => item.notificationMessages.replaceAsync(NOTICE_KEY, details, cb));
      } else {
        // Recipients changed back to staff only: the old bar no longer applies.
        await officeCall<void>('notificationMessages.removeAsync', (cb) => item.notificationMessages.removeAsync(NOTICE_KEY, cb))
          .catch(() => undefined); // removing a bar that is not there is not an error worth reporting
      }
    } catch (error) {
      host.log?.(`AUP Guard: the recipients check failed: ${describe(error)}`);
    }
    event.completed();
  }

  return { onMessageSendHandler, onMessageRecipientsChangedHandler };
}
