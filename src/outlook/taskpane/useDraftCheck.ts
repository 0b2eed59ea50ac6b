// The pane's live check: on open, when recipients change (Outlook's event),
// when the pinned pane moves to another item, and on a slow poll for body and
// subject edits, which Outlook raises no event for. Debounced; one run at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Decision, Draft, ResolvedSettings } from '../../compose-check';
import { checkDraft } from '../../compose-check';
import type { DataState } from '../cache/resolve';
import type { PolicyInForce } from '../cache/settings-cache';
import { settingsForDraft, userEmail } from '../cache/resolve';
import { presentDecision, type PresentedReason } from '../present/plan';
import { attachmentsNotice, contactHoursNotice, syncAttachmentsNotice, syncNotice } from '../send/notice';
import { AttachmentCache, composeItem, readDraft } from '../office/draft';
import { officeCall } from '../office/async';
import { hostSupportsMailbox } from '../office/requirements';
import type { PaneHost } from './host';

export type PaneCheck =
  | { readonly status: 'checking' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly decision: Decision;
      /** The reasons as shown: blocking first, each with only its own fixes and the policy's words. */
      readonly presented: readonly PresentedReason[];
      readonly settings: ResolvedSettings;
      /** What the check ran on: fresh school data, data past its time-to-live (so defaults), or none. */
      readonly data: DataState;
      readonly policy: PolicyInForce | undefined;
      readonly hasSchedule: boolean;
      /** Equal for equal drafts, so the pane can tell when the user edited it. */
      readonly draftKey: string;
      /** Which run produced this; runs are numbered as they start. */
      readonly runId: number;
    };

export const DEBOUNCE_MS = 300;
export const POLL_MS = 2000;

/** What makes one draft differ from another, for the pane's "has it changed" test. */
export function draftKey(draft: Draft): string {
  return JSON.stringify([
    draft.recipients.map((r) => `${r.field}:${r.email.toLowerCase()}`), draft.subject, draft.body.content,
    draft.attachments.map((a) => a.name), draft.sensitivityLabelId ?? '', draft.scheduledDelivery?.getTime() ?? 0,
  ]);
}

export interface DraftCheck {
  readonly check: PaneCheck;
  readonly recheck: () => void;
  /** The id the next run will have: a result with this id or more read the draft after now. */
  readonly nextRunId: () => number;
}

export function useDraftCheck(host: PaneHost): DraftCheck {
  const [check, setCheck] = useState<PaneCheck>({ status: 'checking' });
  const runs = useRef(0);
  const running = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The bar's text at the last check ('' for none); undefined before the first. */
  const lastNotice = useRef<string | undefined>(undefined);
  const lastAttachmentsNotice = useRef<string | undefined>(undefined);
  /** Attachments read by earlier checks: the poll does not fetch a workbook every two seconds. */
  const attachments = useRef(new AttachmentCache());

  const run = useCallback(async (): Promise<void> => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    const runId = ++runs.current;
    try {
      const supports = hostSupportsMailbox(host.office);
      const item = composeItem(host.office);
      const draft = await readDraft(item, { supports, from: userEmail(host.office), attachments: attachments.current });
      const env = { office: host.office, ...(host.runtime ? { runtime: host.runtime } : {}), ...(host.localStorage ? { localStorage: host.localStorage } : {}) };
      const { settings, directory, policy, state } = await settingsForDraft(env, draft, host.now());
      const decision = checkDraft(draft, { now: host.now(), settings, clock: () => host.now().getTime(), ...(directory ? { directory } : {}) });
      const presented = presentDecision(decision, { recipients: draft.recipients.map((r) => r.email), settings, ...(policy ? { policy } : {}) });
      // The information bar follows the draft: when its reason goes (a fix, a schedule), so does the bar.
      const at = draft.scheduledDelivery ?? host.now();
      const notice = contactHoursNotice(decision, at, settings, draft.scheduledDelivery !== undefined) ?? '';
      if (notice !== lastNotice.current && (lastNotice.current !== undefined || notice === '')) {
        await syncNotice(item, decision, at, settings, draft.scheduledDelivery !== undefined, supports).catch(() => undefined);
      }
      lastNotice.current = notice;
      // The attachments bar too, from the first check: the same key, so the event's bar is replaced, not doubled.
      const attachmentsBar = attachmentsNotice(decision) ?? '';
      if (attachmentsBar !== lastAttachmentsNotice.current) {
        await syncAttachmentsNotice(item, decision, supports).catch(() => undefined);
      }
      lastAttachmentsNotice.current = attachmentsBar;
      setCheck({ status: 'ready', decision, presented, settings, data: state, policy, hasSchedule: draft.scheduledDelivery !== undefined, draftKey: draftKey(draft), runId });
    } catch (error) {
      setCheck({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.current = false;
      if (again.current) {
        again.current = false;
        void run();
      }
    }
  }, [host]);

  const recheck = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), DEBOUNCE_MS);
  }, [run]);

  useEffect(() => {
    void run();
    const office = host.office;
    // Hosts before Mailbox 1.7 lack RecipientsChanged (1.8 AttachmentsChanged), and unpinnable panes lack
    // ItemChanged; the poll below still notices, so failures are ignored.
    officeCall<void>('item.addHandlerAsync', (cb) => composeItem(office).addHandlerAsync(office.EventType.RecipientsChanged, recheck, cb))
      .catch(() => undefined);
    // Mailbox 1.8: a file added or removed is checked at once, not at the next poll.
    officeCall<void>('item.addHandlerAsync', (cb) => composeItem(office).addHandlerAsync(office.EventType.AttachmentsChanged, recheck, cb))
      .catch(() => undefined);
    officeCall<void>('mailbox.addHandlerAsync', (cb) => office.context.mailbox.addHandlerAsync(office.EventType.ItemChanged, recheck, cb))
      .catch(() => undefined);
    const poll = setInterval(() => {
      if (document.visibilityState === 'visible') void run();
    }, POLL_MS);
    return () => {
      clearInterval(poll);
      clearTimeout(timer.current);
    };
  }, [host, run, recheck]);

  const nextRunId = useCallback(() => runs.current + 1, []);
  return { check, recheck, nextRunId };
}
