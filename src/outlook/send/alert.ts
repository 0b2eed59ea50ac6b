// What the send handler tells Outlook: the engine's decision turned into
// Smart Alerts options, with newer options only where the host supports them.
import type { Decision, Reason, ReasonCode } from '../../compose-check';
import { clip, MAX_MESSAGE_LENGTH } from '../../compose-check';
import type { SupportsMailbox } from '../office/requirements';

/** The manifest id of the compose task-pane button; Smart Alerts' action opens it. */
export const TASK_PANE_COMMAND_ID = 'aupGuardComposeOpenPane';
/** At most 20 characters (Smart Alerts' limit on cancelLabel). */
export const ACTION_LABEL = 'Fix in AUP Guard';

const HEADINGS: Record<ReasonCode, string> = {
  'sensitive-unencrypted': 'Encryption needed',
  'outside-hours': 'Outside contact hours',
  'personal-webmail': 'Personal email address',
};

// The value of Office.MailboxEnums.SendModeOverride.PromptUser. The literal is
// used so the mapping stays testable without a global Office; the option's
// type accepts the enum or its string value.
const SEND_ANYWAY: Office.MailboxEnums.SendModeOverride | string = 'promptUser';

/** The completed() options this handler uses; a subset of Office's own type. */
export type SendCompletion = Pick<
  Office.SmartAlertsEventCompletedOptions,
  'allowEvent' | 'errorMessage' | 'errorMessageMarkdown' | 'cancelLabel' | 'commandId' | 'sendModeOverride' | 'contextData'
>;

/** Block-level reasons first: they are the ones the user cannot send past. */
function ordered(reasons: readonly Reason[]): Reason[] {
  return [...reasons].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

/**
 * Reasons rendered whole, never cut mid-sentence: every reason in full when
 * that fits in 500 characters; else each one's short summary (which ends
 * with its fix), as many as fit, and a pointer to the pane for the rest.
 * The pane shows every reason in full either way.
 */
function fitReasons(reasons: readonly Reason[], render: (r: Reason, short: boolean) => string, separator: string): string {
  const sorted = ordered(reasons);
  const full = sorted.map((r) => render(r, false)).join(separator);
  if (full.length <= MAX_MESSAGE_LENGTH) return full;
  const parts: string[] = [];
  for (const [i, r] of sorted.entries()) {
    const part = render(r, true);
    const rest = sorted.length - i - 1;
    const more = rest > 0 ? [moreNote(rest)] : [];
    if ([...parts, part, ...more].join(separator).length <= MAX_MESSAGE_LENGTH) parts.push(part);
    // Nothing fits whole (only with absurd input): the caller's clip shortens the first.
    else return parts.length > 0 ? [...parts, moreNote(rest + 1)].join(separator) : part;
  }
  return parts.join(separator);
}

const moreNote = (n: number): string => `AUP Guard lists ${n === 1 ? 'one more problem' : `${n} more problems`} in its pane.`;

export function plainMessage(reasons: readonly Reason[]): string {
  return clip(fitReasons(reasons, (r, short) => (short ? r.summary : r.message), ' '), MAX_MESSAGE_LENGTH);
}

// Markdown reserves these; an address such as a_b@x.org must not turn italic.
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]#|~<>])/g, '\\$1');

export function markdownMessage(reasons: readonly Reason[]): string {
  return clip(fitReasons(reasons, (r, short) => `**${HEADINGS[r.code]}.** ${escapeMarkdown(short ? r.summary : r.message)}`, '\n\n'), MAX_MESSAGE_LENGTH);
}

/** Smart Alerts options for a decision. Outlook is told to stop the send only when a reason applies. */
export function completionFor(decision: Decision, supports: SupportsMailbox): SendCompletion {
  if (decision.verdict === 'allow' || decision.reasons.length === 0) return { allowEvent: true };
  const options: SendCompletion = { allowEvent: false, errorMessage: plainMessage(decision.reasons) };
  if (supports('1.15')) options.errorMessageMarkdown = markdownMessage(decision.reasons);
  if (supports('1.14')) {
    options.cancelLabel = ACTION_LABEL;
    options.commandId = TASK_PANE_COMMAND_ID;
    options.contextData = JSON.stringify({ reasons: decision.reasons.map((r) => r.code) });
    // Warnings offer "Send anyway"; a block leaves the manifest's SoftBlock in force.
    if (decision.verdict === 'warn') options.sendModeOverride = SEND_ANYWAY;
  }
  return options;
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
