// How a decision is shown, in the pane and in the send-time alert: one clear
// instruction per recipient (issue 11). The engine's reasons, and when they
// fire, are unchanged; this only decides which fixes and words go with each.
//  - A recipient that must be removed gets only the remove fix: pupil data to
//    a personal address is not allowed even encrypted, so offering "Apply
//    label" for it would contradict "Remove".
//  - Encryption fixes appear only for recipients that may receive the data
//    encrypted; when every outside recipient is one to remove, the encryption
//    reason says so and offers nothing else.
//  - Blocking reasons come first.
//  - Each reason cites the policy in force: the clause as the current version
//    words it, or that the version has no such clause.
import type { AttachmentNote, Decision, Fix, Reason, ReasonCode, ResolvedSettings } from '../../compose-check';
import { domainOf, howToEncrypt, inDomains, listAddresses as list } from '../../compose-check';
import type { PolicyInForce } from '../cache/settings-cache';

/** The pane's heading for each reason. */
export const TITLES: Record<ReasonCode, string> = {
  'sensitive-unencrypted': 'Pupil data needs encryption',
  'outside-hours': 'Outside contact hours',
  'personal-webmail': 'Pupil data to a personal email address',
  'wrong-recipient': 'Pupil data to another family',
  'recipients-exposed': "Families' addresses on show",
};

/** The alert's short heading for each reason. */
export const HEADINGS: Record<ReasonCode, string> = {
  'sensitive-unencrypted': 'Encryption needed',
  'outside-hours': 'Outside contact hours',
  'personal-webmail': 'Personal email address',
  'wrong-recipient': 'Wrong family',
  'recipients-exposed': 'Use Bcc',
};

export type Citation =
  | { readonly kind: 'quote'; readonly section: string; readonly quote: string; readonly version?: string }
  /** The policy in force has no clause on this: say so rather than quote an older one. */
  | { readonly kind: 'missing'; readonly version: string };

export interface PresentedReason {
  readonly code: ReasonCode;
  readonly severity: Reason['severity'];
  /** What to read: the engine's message, or a rewording that names only the recipients it is about. */
  readonly message: string;
  /** The short form for a crowded alert; ends with what to do. */
  readonly summary: string;
  /** The fixes to offer for this reason, and no others. */
  readonly fixes: readonly Fix[];
  /** True when another reason's instruction (removing recipients) already deals with this one. */
  readonly coveredBy?: ReasonCode;
  readonly citation: Citation;
}

export function citationFor(reason: Reason, policy: PolicyInForce | undefined): Citation {
  if (!policy) return { kind: 'quote', section: reason.clause.section, quote: reason.clause.quote };
  const found = (policy.clauses as Readonly<Record<string, { section: string; quote: string } | null | undefined>>)[reason.clause.id];
  return found ? { kind: 'quote', section: found.section, quote: found.quote, version: policy.version } : { kind: 'missing', version: policy.version };
}

/** How the school encrypts, in the engine's words, from the fixes it offers. */
function howToEncryptWith(fixes: readonly Fix[]): string {
  const label = fixes.find((f): f is Extract<Fix, { kind: 'apply-label' }> => f.kind === 'apply-label');
  const tag = fixes.find((f): f is Extract<Fix, { kind: 'add-subject-tag' }> => f.kind === 'add-subject-tag');
  return howToEncrypt(label?.labelId, tag?.tag);
}

export interface PresentContext {
  /** The draft's recipients' addresses. */
  readonly recipients: readonly string[];
  readonly settings: ResolvedSettings;
  readonly policy?: PolicyInForce;
}

const RANK = { block: 0, warn: 1, info: 2 } as const;

export function presentDecision(decision: Decision, ctx: PresentContext): PresentedReason[] {
  const removing = new Set<string>();
  for (const f of decision.fixes) if (f.kind === 'remove-recipient') removing.add(f.email.trim().toLowerCase());
  const internal = [...ctx.settings.schoolDomains, ...ctx.settings.pupilDomains];
  const outside = [...new Set(ctx.recipients.map((r) => r.trim().toLowerCase()))].filter((r) => !inDomains(domainOf(r), internal));
  const mayEncrypt = outside.filter((r) => !removing.has(r));
  const remover = decision.reasons.find((r) => decision.fixes.some((f) => f.kind === 'remove-recipient' && f.reason === r.code))?.code;

  const shown = decision.reasons.map((reason): PresentedReason => {
    const citation = citationFor(reason, ctx.policy);
    const base = { code: reason.code, severity: reason.severity, citation };
    switch (reason.code) {
      case 'sensitive-unencrypted': {
        const encryption = decision.fixes.filter((f) => f.kind === 'apply-label' || f.kind === 'add-subject-tag');
        if (removing.size === 0 || !outside.some((r) => removing.has(r))) {
          return { ...base, message: reason.message, summary: reason.summary, fixes: encryption };
        }
        if (mayEncrypt.length === 0) {
          // Every outside recipient must go: removing them is the one instruction.
          const text = `Removing ${list([...removing])} deals with this too: once ${removing.size > 1 ? 'they are' : 'it is'} gone, the message stays inside the school.`;
          return { ...base, message: text, summary: text, fixes: [], ...(remover ? { coveredBy: remover } : {}) };
        }
        const how = howToEncryptWith(encryption);
        return {
          ...base,
          message: `Pupil data is also going outside the school to ${list(mayEncrypt)} without encryption. Before sending, ${how}.`,
          summary: `It also goes to ${list(mayEncrypt)} unencrypted: ${how}.`,
          fixes: encryption,
        };
      }
      case 'outside-hours':
        return { ...base, message: reason.message, summary: reason.summary, fixes: decision.fixes.filter((f) => f.kind === 'schedule') };
      case 'personal-webmail':
      case 'wrong-recipient':
        return { ...base, message: reason.message, summary: reason.summary, fixes: decision.fixes.filter((f) => f.kind === 'remove-recipient' && f.reason === reason.code) };
      case 'recipients-exposed':
        return { ...base, message: reason.message, summary: reason.summary, fixes: decision.fixes.filter((f) => f.kind === 'move-to-bcc') };
    }
  });
  return shown.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

// ---------------------------------------------------------------------------
// Attachments the check could not read

export interface ExposureContext {
  /** The draft's recipients' addresses. */
  readonly recipients: readonly string[];
  readonly settings: ResolvedSettings;
  /** True when the message carries protection the school counts as encryption (isProtected). */
  readonly encrypted: boolean;
}

const unreadable = (notes: readonly AttachmentNote[]): AttachmentNote[] => notes.filter((n) => n.kind === 'unreadable');

/**
 * What the send-time alert says about attachments that could not be checked,
 * longest first for the alert to take the first that fits after the reasons.
 * Nothing when none was unreadable or when it does not matter: every
 * recipient is in the school, or the message is encrypted. Protected files
 * and ones with no text (images, cloud links) are left to the pane.
 */
export function unreadableAttachmentLines(decision: Decision, ctx: ExposureContext): string[] {
  const notes = unreadable(decision.attachments);
  if (notes.length === 0 || ctx.encrypted) return [];
  const internal = [...ctx.settings.schoolDomains, ...ctx.settings.pupilDomains];
  if (ctx.recipients.every((r) => inDomains(domainOf(r), internal))) return [];
  const [first] = notes;
  if (notes.length === 1 && first) {
    return [
      `Couldn't check ${first.name}: ${first.why}. It goes outside the school unencrypted: if it holds pupil data, encrypt the message or remove it.`,
      `Couldn't check ${first.name}: ${first.why}.`,
      `Couldn't check ${first.name}: the pane says why.`,
    ];
  }
  return [
    `Couldn't check ${list(notes.map((n) => n.name))}. They go outside the school unencrypted: if they hold pupil data, encrypt the message or remove them.`,
    `Couldn't check ${notes.length} attachments: the pane lists them.`,
  ];
}
