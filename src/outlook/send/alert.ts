// What the send handler tells Outlook: the engine's decision turned into
// Smart Alerts options, with newer options only where the host supports them.
import type { Decision } from '../../compose-check';
import { clip, MAX_MESSAGE_LENGTH } from '../../compose-check';
import type { SupportsMailbox } from '../office/requirements';
import type { PresentedReason } from '../present/plan';
import { HEADINGS } from '../present/plan';

/** The manifest id of the compose task-pane button; Smart Alerts' action opens it. */
export const TASK_PANE_COMMAND_ID = 'aupGuardComposeOpenPane';
/** At most 20 characters (Smart Alerts' limit on cancelLabel). */
export const ACTION_LABEL = 'Fix in AUP Guard';

/** For hosts without "Send anyway" (before 1.14): the warning's way past is the next Send. */
export const SEND_AGAIN_NOTE = 'To send it anyway, press Send again.';

// The value of Office.MailboxEnums.SendModeOverride.PromptUser. The literal is
// used so the mapping stays testable without a global Office; the option's
// type accepts the enum or its string value.
const SEND_ANYWAY: Office.MailboxEnums.SendModeOverride | string = 'promptUser';

/** The completed() options this handler uses; a subset of Office's own type. */
export type SendCompletion = Pick<
  Office.SmartAlertsEventCompletedOptions,
  'allowEvent' | 'errorMessage' | 'errorMessageMarkdown' | 'cancelLabel' | 'commandId' | 'sendModeOverride' | 'contextData'
>;

const cite = (r: PresentedReason): string => (r.citation.kind === 'quote'
  ? ` (Policy${r.citation.version ? ` ${r.citation.version}` : ''}, ${r.citation.section}: “${r.citation.quote}”)`
  : '');

type Form = 'cited' | 'full' | 'short';

/**
 * The alert lists each reason on its own, blocking first, never cut
 * mid-sentence: every reason in full with the policy's words when that fits
 * in 500 characters, else in full, else each one's short summary (which ends
 * with its fix), as many as fit, and a pointer to the pane for the rest. A
 * reason another one's instruction already deals with is left to the pane.
 * Then the first of `extras` (rendered lines, longest first: attachments that
 * could not be checked) that still fits; an extra never pushes a reason out.
 */
function fitReasons(
  presented: readonly PresentedReason[], render: (r: PresentedReason, form: Form) => string, join: (parts: string[]) => string,
  tail: string | undefined, extras: readonly string[] = [],
): string {
  const shown = presented.filter((r) => !r.coveredBy);
  const withTail = (parts: string[]): string => join(tail ? [...parts, tail] : parts);
  const withExtra = (parts: string[]): string => {
    for (const extra of extras) {
      const text = withTail([...parts, extra]);
      if (text.length <= MAX_MESSAGE_LENGTH) return text;
    }
    return withTail(parts);
  };
  for (const form of ['cited', 'full'] as const) {
    const parts = shown.map((r) => render(r, form));
    if (withTail(parts).length <= MAX_MESSAGE_LENGTH) return withExtra(parts);
  }
  const parts: string[] = [];
  for (const [i, r] of shown.entries()) {
    const part = render(r, 'short');
    const rest = shown.length - i - 1;
    const more = rest > 0 ? [moreNote(rest)] : [];
    if (withTail([...parts, part, ...more]).length <= MAX_MESSAGE_LENGTH) parts.push(part);
    // Nothing fits whole (only with absurd input): the caller's clip shortens the first.
    else return withTail(parts.length > 0 ? [...parts, moreNote(rest + 1)] : [part]);
  }
  return withExtra(parts);
}

const moreNote = (n: number): string => `AUP Guard lists ${n === 1 ? 'one more problem' : `${n} more problems`} in its pane.`;

const textOf = (r: PresentedReason, form: Form): string => (form === 'short' ? r.summary : form === 'cited' ? `${r.message}${cite(r)}` : r.message);

/** One line per reason, each starting with a bullet, so they stay apart even where a client joins lines; `notes` are further lines to add if they fit. */
export function plainMessage(presented: readonly PresentedReason[], tail?: string, notes: readonly string[] = []): string {
  return clip(fitReasons(presented, (r, form) => `• ${HEADINGS[r.code]}: ${textOf(r, form)}`, (parts) => parts.join('\n'), tail, notes.map((n) => `• ${n}`)), MAX_MESSAGE_LENGTH);
}

// Markdown reserves these; an address such as a_b@x.org must not turn italic.
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]#|~<>])/g, '\\$1');

/** A Markdown list, one item per reason (Smart Alerts: "- item" ended by \r), the note after a blank line. */
export function markdownMessage(presented: readonly PresentedReason[], tail?: string, notes: readonly string[] = []): string {
  return clip(fitReasons(presented, (r, form) => `- **${HEADINGS[r.code]}.** ${escapeMarkdown(textOf(r, form))}\r`,
    (parts) => parts.filter((p) => p.startsWith('- ')).join('') + parts.filter((p) => !p.startsWith('- ')).map((p) => `\n\n${escapeMarkdown(p)}`).join(''),
    tail, notes.map((n) => `- ${escapeMarkdown(n)}\r`)), MAX_MESSAGE_LENGTH);
}

export interface CompletionOptions {
  /** Before 1.14 a warning has no "Send anyway": say that the next Send will send it. */
  readonly sendAgain?: boolean;
  /** Lines about attachments that could not be checked, longest first (unreadableAttachmentLines): the first that fits is added. */
  readonly attachmentLines?: readonly string[];
}

/** Smart Alerts options for a decision. Outlook is told to stop the send only when a reason applies. */
export function completionFor(decision: Decision, presented: readonly PresentedReason[], supports: SupportsMailbox, options: CompletionOptions = {}): SendCompletion {
  if (decision.verdict === 'allow' || decision.reasons.length === 0) return { allowEvent: true };
  const tail = options.sendAgain && decision.verdict === 'warn' ? SEND_AGAIN_NOTE : undefined;
  const notes = options.attachmentLines ?? [];
  const completion: SendCompletion = { allowEvent: false, errorMessage: plainMessage(presented, tail, notes) };
  if (supports('1.15')) completion.errorMessageMarkdown = markdownMessage(presented, tail, notes);
  if (supports('1.14')) {
    completion.cancelLabel = ACTION_LABEL;
    completion.commandId = TASK_PANE_COMMAND_ID;
    completion.contextData = JSON.stringify({ reasons: decision.reasons.map((r) => r.code) });
    // Warnings offer "Send anyway"; a block leaves the manifest's SoftBlock in force.
    if (decision.verdict === 'warn') completion.sendModeOverride = SEND_ANYWAY;
  }
  return completion;
}

export const CHECK_FAILED_MESSAGE =
  'AUP Guard could not check this message, so it cannot tell you whether it meets the school\'s email policy. ' +
  'If it contains pupil data or is going to a parent or pupil, check it yourself before sending.';

/** For hosts without "Send anyway": the next Send is the user's way past. */
export const CHECK_FAILED_SEND_AGAIN_MESSAGE =
  'AUP Guard couldn\'t check this message, so it cannot tell you whether it meets the school\'s email policy. ' +
  'If it contains pupil data or is going to a parent or pupil, check it yourself, then press Send again to send it without the check.';

/**
 * When the check itself fails. Failing closed would stop every message in the
 * school whenever the add-in has a bug, so the user is told and may send:
 * with "Send anyway" where the host offers it (1.14); on older hosts the first
 * Send stops with the explanation and, once `alreadyTold`, the next goes ahead.
 */
export function completionForFailure(supports: SupportsMailbox, alreadyTold = false): SendCompletion {
  if (supports('1.14')) return { allowEvent: false, errorMessage: CHECK_FAILED_MESSAGE, sendModeOverride: SEND_ANYWAY };
  if (alreadyTold) return { allowEvent: true };
  return { allowEvent: false, errorMessage: CHECK_FAILED_SEND_AGAIN_MESSAGE };
}
