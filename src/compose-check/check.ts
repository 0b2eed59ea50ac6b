// The one decision for a draft: which of the policy's rules it breaks, how
// badly, and what would fix it. Pure: time and settings come in as arguments.
import { CLAUSES } from '../policy/clauses';
import type { ClauseRef, Decision, Draft, Finding, Fix, Reason, ReasonCode, Severity, Verdict } from './types';
import { REASON_CODES } from './types';
import type { ResolvedSettings } from './settings';
import { domainOf } from './settings';
import type { ContactDirectory } from './directory/types';
import { settingsDirectory } from './directory/settings-directory';
import { scanDraft } from './detect';
import { formatLocalDateTime, formatLocalTime, isWithinPermittedHours, nextPermittedTime } from './time';
import { isPersonalWebmail } from './webmail';
import { clip } from './clip';

export interface CheckContext {
  /** The send time; the engine never reads the clock. */
  readonly now: Date;
  readonly settings: ResolvedSettings;
  /**
   * Who family contacts and pupils are. Defaults to the one the settings
   * describe (parentContacts, pupils' emails, hashes); Outlook passes the
   * send-check record's, whose pupil ids index `settings.pupils` too.
   */
  readonly directory?: ContactDirectory;
  /**
   * The host's clock in milliseconds (any origin), for the time limit on
   * reading attachments; without it only their size limits apply.
   */
  readonly clock?: () => number;
}

/** The Smart Alerts limit on a message's length. */
export const MAX_MESSAGE_LENGTH = 500;
/** A summary's limit: room for all three reasons' summaries, with headings, in one alert. */
export const MAX_SUMMARY_LENGTH = 200;

const RANK: Record<Verdict, number> = { allow: 0, warn: 1, block: 2 };

/** True when `domain` is one of `domains` or a subdomain of one. */
export function inDomains(domain: string, domains: readonly string[]): boolean {
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** True when the message carries any protection the school counts as encryption. */
export function isProtected(draft: Draft, settings: ResolvedSettings): boolean {
  if (draft.smimeEncrypted) return true;
  const label = draft.sensitivityLabelId?.trim().toLowerCase();
  if (label && settings.encryption.labelIds.some((id) => id.trim().toLowerCase() === label)) return true;
  const subject = draft.subject.toLowerCase();
  return settings.encryption.subjectTags.some((tag) => subject.includes(tag.toLowerCase()));
}

/** "a, b, c", "a, b, c and 2 more": the first three addresses. */
export function listAddresses(addresses: readonly string[]): string {
  const shown = addresses.slice(0, 3).join(', ');
  return addresses.length > 3 ? `${shown} and ${addresses.length - 3} more` : shown;
}

/** How the school encrypts, in words: its sensitivity label, its subject tag, either, or neither configured. */
export function howToEncrypt(labelId: string | undefined, tag: string | undefined): string {
  return [labelId ? 'apply the encrypting sensitivity label' : '', tag ? `add ${tag} to the subject` : ''].filter(Boolean).join(' or ') || 'encrypt it';
}

function evidenceSummary(findings: readonly Finding[]): string {
  const shown = findings.slice(0, 2).map((f) => f.evidence).join('; ');
  return findings.length > 2 ? `${shown}; and ${findings.length - 2} more` : shown;
}

/** Lookups derived from settings, built once per settings object rather than per check. */
interface Lookups {
  readonly internal: readonly string[];
  readonly webmailDomains: ReadonlySet<string>;
}

const lookupsCache = new WeakMap<ResolvedSettings, Lookups>();

function lookups(settings: ResolvedSettings): Lookups {
  let found = lookupsCache.get(settings);
  if (!found) {
    found = {
      internal: [...settings.schoolDomains, ...settings.pupilDomains],
      webmailDomains: new Set(settings.webmailDomains),
    };
    lookupsCache.set(settings, found);
  }
  return found;
}

/** The one roster pupil the draft's To line holds at their own address ("Hi Jess, your access arrangements…"), if exactly one. */
function addressedPupil(draft: Draft, directory: ContactDirectory): number | undefined {
  const pupils = new Set<number>();
  for (const r of draft.recipients) {
    if (r.field !== 'to') continue;
    const m = directory.match(r.email);
    if (m.pupil && !m.family) for (const p of directory.linkedPupils(r.email)) pupils.add(p);
  }
  return pupils.size === 1 ? pupils.values().next().value : undefined;
}

export function checkDraft(draft: Draft, ctx: CheckContext): Decision {
  const { settings, now } = ctx;
  const severityOf = (code: ReasonCode): Severity => settings.severities[code];
  const recipients = dedupe(draft.recipients.map((r) => r.email.trim().toLowerCase()));
  // Each address's domain once: three rules ask, and a newsletter may have hundreds of recipients.
  const domains = new Map(recipients.map((r) => [r, domainOf(r)]));
  const domain = (r: string): string => domains.get(r) ?? '';
  const { internal, webmailDomains } = lookups(settings);
  const directory = ctx.directory ?? settingsDirectory(settings);

  const detect = needsDetection(settings);
  const reader = detect ? addressedPupil(draft, directory) : undefined;
  const { findings, attachments } = detect
    ? scanDraft(draft, settings, {
      pupilsWithUpn: (upn) => directory.pupilsWithUpn(upn), ...(ctx.clock ? { clock: ctx.clock } : {}), ...(reader !== undefined ? { reader } : {}),
    })
    : { findings: [], attachments: [] };
  const sensitive = findings.length > 0;
  const evidence = evidenceSummary(findings);
  // Asked of the directory: in Outlook it knows addresses only by keyed fingerprint, never in clear.
  const isParent = (r: string): boolean => directory.match(r).family;
  const isPupil = (r: string): boolean => directory.match(r).pupil;
  const subjects = subjectsOf(findings);
  const name = (pupil: number): string => settings.pupils[pupil]?.name ?? 'a pupil';
  // Family contacts of every pupil the data is about: the right family, recorded in the MIS.
  const ownFamily = (r: string): boolean => subjects.length > 0 && isParent(r) && subjects.every((p) => directory.isLinked(r, p));

  const reasons: Reason[] = [];
  const fixes: Fix[] = [];
  const add = (code: ReasonCode, message: string, summary: string, severity: Reason['severity'] | 'off' = severityOf(code)): boolean => {
    if (severity === 'off') return false;
    reasons.push({ code, severity, clause: CLAUSE_OF[code], message: clip(message, MAX_MESSAGE_LENGTH), summary: clip(summary, MAX_SUMMARY_LENGTH) });
    return true;
  };

  // sensitive-unencrypted
  const external = recipients.filter((r) => !inDomains(domain(r), internal));
  if (sensitive && external.length > 0 && !isProtected(draft, settings)) {
    const labelId = settings.encryption.labelIds[0];
    const tag = settings.encryption.subjectTags[0];
    const how = howToEncrypt(labelId, tag);
    // Only the pupil's own family outside the school: the right people, but the policy still asks for security.
    const rightFamily = external.every(ownFamily);
    const configured = severityOf('sensitive-unencrypted');
    const added = rightFamily
      ? add('sensitive-unencrypted',
        `This message appears to contain sensitive pupil data (${evidence}) and is going to ${nameList(subjects.map(name))}'s parent or carer, recorded in the MIS (${listAddresses(external)}), without encryption. It is the right family, but the policy still asks for appropriate security: before sending, ${how}.`,
        `It goes to ${nameList(subjects.map(name))}'s own family, recorded in the MIS, unencrypted. Before sending, ${how}.`,
        configured === 'off' ? 'off' : settings.ownParentSensitive === 'info' ? 'info' : configured)
      : add('sensitive-unencrypted',
        `This message appears to contain sensitive pupil data (${evidence}) and is going outside the school to ${listAddresses(external)} without encryption. Before sending, ${how}.`,
        `Pupil data is going outside the school unencrypted. Before sending, ${how}.`);
    if (added) {
      if (labelId) fixes.push({ kind: 'apply-label', labelId });
      if (tag) fixes.push({ kind: 'add-subject-tag', tag });
    }
  }

  // outside-hours
  const contacts = recipients.filter((r) => isParent(r) || isPupil(r) || inDomains(domain(r), settings.pupilDomains));
  const deliveryAt = draft.scheduledDelivery ?? now;
  if (contacts.length > 0 && severityOf('outside-hours') !== 'off' && !isWithinPermittedHours(deliveryAt, settings)) {
    const next = nextPermittedTime(deliveryAt, settings);
    const { start, end } = settings.permittedHours;
    const when = draft.scheduledDelivery ? 'is scheduled to arrive' : 'would arrive';
    if (add('outside-hours',
      `Contact with parents and pupils is limited to ${start} to ${end}${settings.days.length < 7 ? ` on ${settings.days.join(', ')}` : ''}. This message to ${listAddresses(contacts)} ${when} at ${draft.scheduledDelivery ? formatLocalDateTime(deliveryAt, settings.timeZone) : formatLocalTime(deliveryAt, settings.timeZone)}. Schedule it for ${formatLocalDateTime(next, settings.timeZone)} instead.`,
      `It goes to a parent or pupil outside ${start} to ${end}. Schedule it for ${formatLocalDateTime(next, settings.timeZone)} instead.`)) {
      fixes.push({ kind: 'schedule', at: next });
    }
  }

  // personal-webmail: fires even when encrypted, as the data still leaves the school.
  const webmail = recipients.filter((r) => isPersonalWebmail(domain(r), webmailDomains) && !isParent(r));
  if (sensitive && webmail.length > 0) {
    if (add('personal-webmail',
      `This message appears to contain sensitive pupil data (${evidence}) and is addressed to a personal webmail account (${listAddresses(webmail)}). Pupil data must not leave the school's systems, even encrypted. Remove ${webmail.length > 1 ? 'those recipients' : 'that recipient'}.`,
      `Pupil data must not go to a personal webmail address (${webmail.length > 1 ? `${webmail[0] ?? ''} and ${webmail.length - 1} more` : webmail[0] ?? ''}), even encrypted. Remove ${webmail.length > 1 ? 'them' : 'it'}.`)) {
      for (const email of webmail) fixes.push({ kind: 'remove-recipient', email, reason: 'personal-webmail' });
    }
  }

  // wrong-recipient: data about a pupil to a family contact recorded for other pupils. Encryption is no
  // help: the wrong family can read it. A parent of siblings is the parent of each. A contact linked to
  // no roster pupil says nothing about whose family it is, so it is never called the wrong one.
  const wrong = subjects.length === 0 ? [] : recipients.filter((r) => isParent(r) && !ownFamily(r) && directory.linkedPupils(r).length > 0);
  if (wrong.length > 0) {
    const first = wrong[0] ?? '';
    const about = subjects.filter((p) => !directory.isLinked(first, p));
    const recorded = `a parent or carer of ${nameList(directory.linkedPupils(first).map(name))}`;
    const others = wrong.length > 1 ? ` (and ${wrong.length - 1} more recipient${wrong.length > 2 ? 's' : ''} recorded for other families)` : '';
    if (add('wrong-recipient',
      `This message is about ${nameList(about.map(name))}, but ${first} is recorded in the MIS as ${recorded}${others}. Encryption will not help if it goes to the wrong family. Check the recipient and remove ${wrong.length > 1 ? 'them' : 'that address'}.`,
      `${first} is not recorded as ${nameList(about.map(name))}'s parent or carer${wrong.length > 1 ? `, nor are ${wrong.length - 1} more` : ''}. Remove ${wrong.length > 1 ? 'them' : 'it'}.`)) {
      for (const email of wrong) fixes.push({ kind: 'remove-recipient', email, reason: 'wrong-recipient' });
    }
  }

  // recipients-exposed: families' (or personal) addresses shown to each other in To and Cc.
  const visible = dedupe(draft.recipients.filter((r) => r.field !== 'bcc').map((r) => r.email.trim().toLowerCase()));
  const exposed = visible.filter((r) => {
    const d = domains.get(r) ?? domainOf(r);
    if (inDomains(d, internal)) return false;
    const m = directory.match(r);
    return m.family || m.pupil || isPersonalWebmail(d, webmailDomains);
  });
  if (exposed.length >= settings.exposedRecipientsMin) {
    const inTo = dedupe(draft.recipients.filter((r) => r.field === 'to').map((r) => r.email.trim().toLowerCase()));
    const toEmptied = inTo.length > 0 && inTo.every((r) => exposed.indexOf(r) >= 0);
    if (add('recipients-exposed',
      `${exposed.length} parents', pupils' or personal addresses are in To or Cc (${listAddresses(exposed)}), so everyone who receives this message sees all of them. Move them to Bcc so each family sees only its own.`,
      `It shows ${exposed.length} families' addresses to each other in To and Cc. Move them to Bcc.`)) {
      fixes.push({ kind: 'move-to-bcc', emails: exposed, ...(toEmptied && draft.from ? { senderToTo: draft.from.trim().toLowerCase() } : {}) });
    }
  }

  reasons.sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
  // An information-only reason says something without holding the message back.
  const verdict = reasons.reduce<Verdict>((v, r) => (r.severity !== 'info' && RANK[r.severity] > RANK[v] ? r.severity : v), 'allow');
  return { verdict, reasons, findings, fixes, attachments };
}

/** The policy's clause behind each reason. */
const CLAUSE_OF: Readonly<Record<ReasonCode, ClauseRef>> = {
  'sensitive-unencrypted': CLAUSES.emailSecurity,
  'outside-hours': CLAUSES.contactHours,
  'personal-webmail': CLAUSES.removingSensitive,
  'wrong-recipient': CLAUSES.responsibleForEmail,
  'recipients-exposed': CLAUSES.responsibleForEmail,
};

/** The roster pupils the findings are about, ascending. */
function subjectsOf(findings: readonly Finding[]): number[] {
  const all = new Set<number>();
  for (const f of findings) for (const p of f.pupils ?? []) all.add(p);
  return [...all].sort((a, b) => a - b);
}

/** "A", "A and B", "A, B and 3 more". */
function nameList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'a pupil';
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} more`;
}

/** Detection is the costly part; skip it when no rule that needs it is on. */
function needsDetection(settings: ResolvedSettings): boolean {
  return settings.severities['sensitive-unencrypted'] !== 'off' || settings.severities['personal-webmail'] !== 'off'
    || settings.severities['wrong-recipient'] !== 'off';
}

function dedupe(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
