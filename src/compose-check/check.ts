// The one decision for a draft: which of the policy's rules it breaks, how
// badly, and what would fix it. Pure: time and settings come in as arguments.
import { CLAUSES } from '../policy/clauses';
import type { Decision, Draft, Finding, Fix, Reason, ReasonCode, Severity, Verdict } from './types';
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

function listAddresses(addresses: readonly string[]): string {
  const shown = addresses.slice(0, 3).join(', ');
  return addresses.length > 3 ? `${shown} and ${addresses.length - 3} more` : shown;
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

export function checkDraft(draft: Draft, ctx: CheckContext): Decision {
  const { settings, now } = ctx;
  const severityOf = (code: ReasonCode): Severity => settings.severities[code];
  const recipients = dedupe(draft.recipients.map((r) => r.email.trim().toLowerCase()));
  // Each address's domain once: three rules ask, and a newsletter may have hundreds of recipients.
  const domains = new Map(recipients.map((r) => [r, domainOf(r)]));
  const domain = (r: string): string => domains.get(r) ?? '';
  const { internal, webmailDomains } = lookups(settings);
  const directory = ctx.directory ?? settingsDirectory(settings);

  const { findings, attachments } = needsDetection(settings) ? scanDraft(draft, settings, ctx.clock ? { clock: ctx.clock } : {}) : { findings: [], attachments: [] };
  const sensitive = findings.length > 0;
  const evidence = evidenceSummary(findings);

  const reasons: Reason[] = [];
  const fixes: Fix[] = [];
  const add = (code: ReasonCode, message: string, summary: string): boolean => {
    const severity = severityOf(code);
    if (severity === 'off') return false;
    const clause = code === 'outside-hours' ? CLAUSES.contactHours
      : code === 'personal-webmail' ? CLAUSES.removingSensitive : CLAUSES.emailSecurity;
    reasons.push({ code, severity, clause, message: clip(message, MAX_MESSAGE_LENGTH), summary: clip(summary, MAX_SUMMARY_LENGTH) });
    return true;
  };

  // sensitive-unencrypted
  const external = recipients.filter((r) => !inDomains(domain(r), internal));
  if (sensitive && external.length > 0 && !isProtected(draft, settings)) {
    const labelId = settings.encryption.labelIds[0];
    const tag = settings.encryption.subjectTags[0];
    const how = [labelId ? 'apply the encrypting sensitivity label' : '', tag ? `add ${tag} to the subject` : '']
      .filter(Boolean).join(' or ') || 'encrypt it';
    if (add('sensitive-unencrypted',
      `This message appears to contain sensitive pupil data (${evidence}) and is going outside the school to ${listAddresses(external)} without encryption. Before sending, ${how}.`,
      `Pupil data is going outside the school unencrypted. Before sending, ${how}.`)) {
      if (labelId) fixes.push({ kind: 'apply-label', labelId });
      if (tag) fixes.push({ kind: 'add-subject-tag', tag });
    }
  }

  // outside-hours
  // Asked of the directory: in Outlook it knows addresses only by keyed fingerprint, never in clear.
  const isParent = (r: string): boolean => directory.match(r).family;
  const isPupil = (r: string): boolean => directory.match(r).pupil;
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

  reasons.sort((a, b) => REASON_CODES.indexOf(a.code) - REASON_CODES.indexOf(b.code));
  const verdict = reasons.reduce<Verdict>((v, r) => (RANK[r.severity] > RANK[v] ? r.severity : v), 'allow');
  return { verdict, reasons, findings, fixes, attachments };
}

/** Detection is the costly part; skip it when no rule that needs it is on. */
function needsDetection(settings: ResolvedSettings): boolean {
  return settings.severities['sensitive-unencrypted'] !== 'off' || settings.severities['personal-webmail'] !== 'off';
}

function dedupe(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
