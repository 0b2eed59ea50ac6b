// What the send handler tells Outlook: the engine's decision turned into
// Smart Alerts options, with newer options only where the host supports them.
import type { Decision, Reason, ReasonCode } from '../../compose-check';
import { clip as clipTo, MAX_MESSAGE_LENGTH } from '../../compose-check';
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

const clip = (text: string): string => clipTo(text, MAX_MESSAGE_LENGTH);

/** Block-level reasons first: they are the ones the user cannot send past. */
function ordered(reasons: readonly Reason[]): Reason[] {
  return [...reasons].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

export function plainMessage(reasons: readonly Reason[]): string {
  return clip(ordered(reasons).map((r) => r.message).join(' '));
}

// Markdown reserves these; an address such as a_b@x.org must not turn italic.
const escapeMarkdown = (text: string): string => text.replace(/([\\`*_[\]#|~<>])/g, '\\$1');

export function markdownMessage(reasons: readonly Reason[]): string {
  return clip(ordered(reasons).map((r) => `**${HEADINGS[r.code]}.** ${escapeMarkdown(r.message)}`).join('\n\n'));
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

/**
 * When the check itself fails. Failing closed would stop every message in the
 * school whenever the add-in has a bug, so the user is told and may send:
 * with "Send anyway" where the host offers it (1.14), else the send goes
 * ahead, as SoftBlock itself does when the add-in cannot load.
 */
export function completionForFailure(supports: SupportsMailbox): SendCompletion {
  if (!supports('1.14')) return { allowEvent: true };
  return {
    allowEvent: false,
    errorMessage: CHECK_FAILED_MESSAGE,
    sendModeOverride: SEND_ANYWAY,
  };
}
