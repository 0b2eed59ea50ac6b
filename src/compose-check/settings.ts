// The school's compose-check settings: one valibot schema, its error wording,
// and the defaults that make an almost empty configuration usable (issue #2).
import * as v from 'valibot';
import { REASON_CODES, type ReasonCode, type Severity } from './types';
import { BUILTIN_WEBMAIL_DOMAINS } from './webmail';
import { sha256Hex } from '../policy/hash';

export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** Without Intl the engine knows only these zones' rules. */
export const SUPPORTED_TIME_ZONES = ['Europe/London', 'UTC'] as const;
export type SupportedTimeZone = (typeof SUPPORTED_TIME_ZONES)[number];

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
// Deliberately loose: the host already validated the address; this catches typos such as a missing @.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/i;
// A sensitivity label's id is a GUID (Purview; Office.js getSensitivityLabelAsync gives the same):
// anything else can never match a message's label, so the check would silently never see encryption.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[A-Za-z]\d{12}$/;

const quoted = (input: unknown): string => JSON.stringify(input) ?? String(input);
/** An issue's message: the value as written, then what is wrong with it ("\"25:00\" is not a time of day"). */
const says = (problem: string) => (issue: { readonly input: unknown }): string => `${quoted(issue.input)} ${problem}`;

const timeOfDay = v.pipe(
  v.string('must be a time of day such as "08:00"'),
  v.regex(TIME_OF_DAY, says('is not a time of day')),
);
const email = v.pipe(
  v.string('must be an email address'),
  v.trim(),
  v.regex(EMAIL, says('is not an email address')),
);
const domain = v.pipe(
  v.string('must be a domain name'),
  v.trim(),
  // A leading "@" is a common slip when copying from an address; accept it.
  v.transform((d) => d.replace(/^@/, '')),
  v.regex(DOMAIN, says('is not a domain name')),
);
const nonEmpty = (what: string) =>
  v.pipe(v.string(`must be ${what}`), v.trim(), v.minLength(1, `must not be empty`));
const sha256HexString = v.pipe(
  v.string('must be a SHA-256 hex string'),
  v.regex(SHA256_HEX, says('is not a SHA-256 hex string')),
);
const severity = v.picklist(['off', 'warn', 'block'], says('is not one of "off", "warn", "block"'));

const settingsEntries = v.strictObject({
  timeZone: v.optional(
    v.picklist(SUPPORTED_TIME_ZONES, says('is not supported; use "Europe/London" or "UTC" (Outlook\'s send-time runtime has no time-zone database)')),
  ),
  permittedHours: v.optional(
    v.pipe(
      v.strictObject({ start: timeOfDay, end: timeOfDay }),
      // Only compare well-formed times; a malformed one already has its own message.
      v.check((h) => !TIME_OF_DAY.test(h.start) || !TIME_OF_DAY.test(h.end) || h.start < h.end, (issue) => {
        const h = issue.input;
        return `start ${quoted(h.start)} must be before end ${quoted(h.end)}`;
      }),
    ),
  ),
  days: v.optional(
    v.pipe(
      v.array(v.picklist(DAY_NAMES, says('is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun'))),
      v.minLength(1, 'must name at least one day'),
    ),
  ),
  schoolDomains: v.optional(v.array(domain)),
  pupilDomains: v.optional(v.array(domain)),
  parentContacts: v.optional(v.array(v.strictObject({ email, pupil: v.optional(nonEmpty('a pupil name')) }))),
  parentContactHashes: v.optional(v.array(sha256HexString)),
  /** Pupils' own addresses as hashContactEmail gives them: how the Outlook cache keeps them out of plain text. */
  pupilEmailHashes: v.optional(v.array(sha256HexString)),
  pupils: v.optional(
    v.array(
      v.strictObject({
        name: nonEmpty('a pupil name'),
        preferredName: v.optional(nonEmpty('a preferred name')),
        upn: v.optional(v.pipe(v.string('must be a UPN'), v.trim(), v.regex(UPN, says('is not a UPN (a letter and 12 digits)')))),
        email: v.optional(email),
      }),
    ),
  ),
  encryption: v.optional(
    v.strictObject({
      labelIds: v.optional(v.array(v.pipe(
        nonEmpty('a label id'),
        v.regex(GUID, says('is not a sensitivity label id (a GUID such as 0c5ae9d1-6f4a-4c1e-9a55-6b0b0e1c2f01)')),
      ))),
      subjectTags: v.optional(v.array(nonEmpty('a subject tag'))),
    }),
  ),
  webmailDomains: v.optional(v.array(domain)),
  /** The policy version (its label) whose contact-hours sentence these settings were last checked against. */
  policyVersionReviewed: v.optional(nonEmpty('a policy version label')),
  severities: v.optional(
    v.strictObject({
      'sensitive-unencrypted': v.optional(severity),
      'outside-hours': v.optional(severity),
      'personal-webmail': v.optional(severity),
      'wrong-recipient': v.optional(severity),
      'recipients-exposed': v.optional(severity),
    }),
  ),
  /** How many external parent, pupil or personal addresses in To and Cc together expose each other (issue 12). */
  exposedRecipientsMin: v.optional(v.pipe(
    v.number('must be a whole number'),
    v.integer(says('is not a whole number')),
    v.minValue(2, says('is too few: two addresses already see each other, so use 2 or more')),
    v.maxValue(500, says('is more than 500')),
  )),
  /**
   * A pupil's own parent or carer receiving their child's data unencrypted:
   * `warn` (the default: the policy still asks for appropriate security) or
   * `info`, a note that does not hold the message back.
   */
  ownParentSensitive: v.optional(v.picklist(['warn', 'info'], says('is not one of "warn", "info"'))),
});

/**
 * A domain cannot be both the school's (or its pupils') and personal webmail:
 * the checks would treat the same address as internal and as a personal
 * account at once (issue 14: the school's own domain added as webmail).
 */
const notAlsoWebmail = v.rawCheck<v.InferOutput<typeof settingsEntries>>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const input = dataset.value;
  const webmail = new Set([...BUILTIN_WEBMAIL_DOMAINS, ...(input.webmailDomains ?? [])].map((d) => d.toLowerCase()));
  for (const key of ['schoolDomains', 'pupilDomains'] as const) {
    const list = input[key] ?? [];
    list.forEach((domain, index) => {
      if (!webmail.has(domain.toLowerCase())) return;
      addIssue({
        message: `"${domain}" is personal webmail, so it cannot also be ${key === 'schoolDomains' ? 'a school' : 'a pupil'} domain`,
        path: [
          { type: 'object', origin: 'value', input, key, value: list },
          { type: 'array', origin: 'value', input: list, key: index, value: domain },
        ],
      });
    });
  }
});

export const settingsSchema = v.pipe(settingsEntries, notAlsoWebmail);

/** Settings as an admin writes them; every field optional. */
export type Settings = v.InferOutput<typeof settingsSchema>;
export type SettingsInput = v.InferInput<typeof settingsSchema>;

export interface ParentContact {
  readonly email: string;
  readonly pupil?: string;
}

export interface PupilEntry {
  readonly name: string;
  /** The name the pupil goes by, where the MIS records one: a forename ("Seun") or a full name. */
  readonly preferredName?: string;
  readonly upn?: string;
  readonly email?: string;
}

/** Settings with every default applied and every address and domain lower-cased. */
export interface ResolvedSettings {
  readonly timeZone: SupportedTimeZone;
  readonly permittedHours: { readonly start: string; readonly end: string };
  readonly days: readonly DayName[];
  readonly schoolDomains: readonly string[];
  readonly pupilDomains: readonly string[];
  readonly parentContacts: readonly ParentContact[];
  /** SHA-256 hex of each lower-cased parent address: the configured hashes plus those of `parentContacts`. */
  readonly parentContactHashes: readonly string[];
  readonly pupils: readonly PupilEntry[];
  /** SHA-256 hex of each lower-cased pupil address: the configured hashes plus those of `pupils`' emails. */
  readonly pupilEmailHashes: readonly string[];
  readonly encryption: { readonly labelIds: readonly string[]; readonly subjectTags: readonly string[] };
  /** Built-in personal webmail domains plus the configured ones. */
  readonly webmailDomains: readonly string[];
  readonly severities: Readonly<Record<ReasonCode, Severity>>;
  readonly exposedRecipientsMin: number;
  readonly ownParentSensitive: 'warn' | 'info';
}

export const DEFAULT_SEVERITIES: Readonly<Record<ReasonCode, Severity>> = {
  'sensitive-unencrypted': 'warn',
  'outside-hours': 'warn',
  'personal-webmail': 'block',
  'wrong-recipient': 'warn',
  'recipients-exposed': 'warn',
};

export const DEFAULT_SETTINGS: ResolvedSettings = {
  timeZone: 'Europe/London',
  permittedHours: { start: '08:00', end: '18:00' },
  // The policy names only hours, so every day by default.
  days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  schoolDomains: [],
  pupilDomains: [],
  parentContacts: [],
  parentContactHashes: [],
  pupils: [],
  pupilEmailHashes: [],
  encryption: { labelIds: [], subjectTags: [] },
  webmailDomains: BUILTIN_WEBMAIL_DOMAINS,
  severities: DEFAULT_SEVERITIES,
  exposedRecipientsMin: 3,
  ownParentSensitive: 'warn',
};

export type ParseSettingsResult =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly errors: readonly string[] };

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

function issueMessage(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  // strictObject reports keys it does not know (expected "never") and keys that are missing.
  if (issue.kind === 'schema' && last && 'origin' in last && last.origin === 'key') {
    return issue.expected === 'never' ? 'is not a known setting' : 'is required';
  }
  if (issue.type === 'object' || issue.type === 'strict_object') return 'must be an object';
  if (issue.type === 'array') return 'must be a list';
  return issue.message;
}

/** Formats valibot issues as `path: problem`, the wording admins see. */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = [prefix, issuePath(issue)].filter(Boolean).join('.');
    return path ? `${path}: ${issueMessage(issue)}` : `settings ${issueMessage(issue)}`;
  });
}

export function parseSettings(input: unknown): ParseSettingsResult {
  const result = v.safeParse(settingsSchema, input);
  if (result.success) return { ok: true, settings: result.output };
  return { ok: false, errors: formatIssues(result.issues) };
}

/**
 * Validates one field for an admin form. `path` is dotted, as in the errors
 * (`permittedHours.start`, `severities.outside-hours`, `pupils`). Returns the
 * `path: problem` messages, or an empty list when the value is valid.
 */
export function validateSettingsField(path: string, value: unknown): string[] {
  let schema: v.GenericSchema | undefined = settingsSchema;
  for (const key of path.split('.')) {
    schema = schema ? childSchema(schema, key) : undefined;
  }
  if (!schema) return [`${path}: is not a known setting`];
  const result = v.safeParse(schema, value);
  return result.success ? [] : formatIssues(result.issues, path);
}

function childSchema(schema: v.GenericSchema, key: string): v.GenericSchema | undefined {
  let s: unknown = schema;
  // Step through optional() and pipe() wrappers to the object or array inside.
  for (;;) {
    if (isSchemaWith(s, 'wrapped')) s = s.wrapped;
    else if (isSchemaWith(s, 'pipe') && Array.isArray(s.pipe)) s = s.pipe[0];
    else break;
  }
  if (isSchemaWith(s, 'entries') && typeof s.entries === 'object' && s.entries !== null) {
    const entries = s.entries as Record<string, v.GenericSchema>;
    return Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : undefined;
  }
  if (isSchemaWith(s, 'item') && /^\d+$/.test(key)) return s.item as v.GenericSchema;
  return undefined;
}

function isSchemaWith<K extends string>(s: unknown, key: K): s is Record<K, unknown> {
  return typeof s === 'object' && s !== null && key in s;
}

/** SHA-256 hex of the trimmed, lower-cased address: how the Outlook cache stores parents' and pupils' addresses. */
export function hashContactEmail(address: string): string {
  return sha256Hex(address.trim().toLowerCase());
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

/**
 * Applies defaults. With no school domains configured, the sender's own domain
 * stands in, so a fresh install still tells internal from external mail.
 */
export function resolveSettings(settings: Settings | undefined, senderEmail?: string): ResolvedSettings {
  const s = settings ?? EMPTY;
  const senderDomain = senderEmail ? domainOf(senderEmail) : '';
  // Hosts resolve once per message; returning the same object for the same
  // (settings, sender domain) lets the roster index and lookups be reused.
  const bySender = resolvedCache.get(s) ?? new Map<string, ResolvedSettings>();
  resolvedCache.set(s, bySender);
  const cached = bySender.get(senderDomain);
  if (cached) return cached;
  const resolved = resolveFresh(s, senderDomain);
  bySender.set(senderDomain, resolved);
  return resolved;
}

const EMPTY: Settings = {};
/** Settings are treated as immutable once parsed, so a resolved copy can be cached per object. */
const resolvedCache = new WeakMap<Settings, Map<string, ResolvedSettings>>();

/** Each reason's configured severity, or its default. */
function severitiesOf(configured: Settings['severities']): Record<ReasonCode, Severity> {
  const out = { ...DEFAULT_SEVERITIES };
  for (const code of REASON_CODES) out[code] = configured?.[code] ?? out[code];
  return out;
}

function resolveFresh(s: Settings, senderDomain: string): ResolvedSettings {
  // Defaults where a setting is absent (the schema never lets one be null).
  const {
    timeZone = DEFAULT_SETTINGS.timeZone, permittedHours = DEFAULT_SETTINGS.permittedHours, days, schoolDomains = [], pupilDomains = [],
    parentContacts: contacts = [], parentContactHashes = [], pupils = [], pupilEmailHashes = [], encryption: { labelIds = [], subjectTags = [] } = {},
    webmailDomains = [], severities, exposedRecipientsMin = DEFAULT_SETTINGS.exposedRecipientsMin, ownParentSensitive = DEFAULT_SETTINGS.ownParentSensitive,
  } = s;
  const configuredSchool = lowerCased(schoolDomains);
  const parentContacts = contacts.map((c) => ({ ...c, email: c.email.toLowerCase() }));
  return {
    timeZone,
    permittedHours,
    days: days ? DAY_NAMES.filter((d) => days.includes(d)) : DEFAULT_SETTINGS.days,
    schoolDomains: configuredSchool.length > 0 ? unique(configuredSchool) : senderDomain ? [senderDomain] : [],
    pupilDomains: unique(lowerCased(pupilDomains)),
    parentContacts,
    parentContactHashes: unique([...lowerCased(parentContactHashes), ...parentContacts.map((c) => hashContactEmail(c.email))]),
    pupils: pupils.map((p) => ({
      ...p,
      ...(p.email ? { email: p.email.toLowerCase() } : {}),
      ...(p.upn ? { upn: p.upn.toUpperCase() } : {}),
    })),
    pupilEmailHashes: unique([...lowerCased(pupilEmailHashes), ...pupils.filter((p) => p.email).map((p) => hashContactEmail(p.email ?? ''))]),
    encryption: { labelIds, subjectTags },
    webmailDomains: unique([...BUILTIN_WEBMAIL_DOMAINS, ...lowerCased(webmailDomains)]),
    severities: severitiesOf(severities),
    exposedRecipientsMin,
    ownParentSensitive,
  };
}

const lowerCased = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());
