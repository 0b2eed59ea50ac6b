// The compose-check settings as an admin edits them: form values to and from
// the engine's Settings, the engine's own validation mapped onto each field,
// and what changed, to show before saving. Pure, so every rule is tested here.
import { diffArrays } from 'diff';
import {
  DAY_NAMES, DEFAULT_SETTINGS, parseSettings, REASON_CODES,
  type DayName, type ReasonCode, type Settings, type SettingsInput, type Severity,
} from '../../compose-check';

export interface SettingsFormValues {
  readonly timeZone: string;
  readonly hoursStart: string;
  readonly hoursEnd: string;
  readonly days: readonly DayName[];
  /** One entry a line (commas also separate). */
  readonly schoolDomains: string;
  readonly pupilDomains: string;
  readonly webmailDomains: string;
  readonly labelIds: string;
  readonly subjectTags: string;
  readonly severities: Readonly<Record<ReasonCode, Severity>>;
  /** A whole number, as typed. */
  readonly exposedRecipientsMin: string;
  readonly ownParentSensitive: 'warn' | 'info';
}

export type FieldName = Exclude<keyof SettingsFormValues, 'severities'> | `severities.${ReasonCode}`;

/** Each form field and the settings path the engine names in its errors. */
export const FIELD_PATHS: Readonly<Record<FieldName, string>> = {
  timeZone: 'timeZone',
  hoursStart: 'permittedHours.start',
  hoursEnd: 'permittedHours.end',
  days: 'days',
  schoolDomains: 'schoolDomains',
  pupilDomains: 'pupilDomains',
  webmailDomains: 'webmailDomains',
  labelIds: 'encryption.labelIds',
  subjectTags: 'encryption.subjectTags',
  'severities.sensitive-unencrypted': 'severities.sensitive-unencrypted',
  'severities.outside-hours': 'severities.outside-hours',
  'severities.personal-webmail': 'severities.personal-webmail',
  'severities.wrong-recipient': 'severities.wrong-recipient',
  'severities.recipients-exposed': 'severities.recipients-exposed',
  exposedRecipientsMin: 'exposedRecipientsMin',
  ownParentSensitive: 'ownParentSensitive',
};

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  timeZone: 'Time zone',
  hoursStart: 'Permitted hours start',
  hoursEnd: 'Permitted hours end',
  days: 'Days when contact is permitted',
  schoolDomains: 'School email domains',
  pupilDomains: 'Pupil email domains',
  webmailDomains: 'Extra personal webmail domains',
  labelIds: 'Encryption sensitivity label ids',
  subjectTags: 'Encryption subject tags',
  'severities.sensitive-unencrypted': 'Sensitive data sent unencrypted',
  'severities.outside-hours': 'Contact outside permitted hours',
  'severities.personal-webmail': 'Pupil data to personal webmail',
  'severities.wrong-recipient': 'Pupil data to another family',
  'severities.recipients-exposed': "Families' addresses in To or Cc",
  exposedRecipientsMin: 'Addresses in To or Cc that count as exposing each other',
  ownParentSensitive: "Pupil data to the pupil's own family, unencrypted",
};

const LIST_FIELDS = ['schoolDomains', 'pupilDomains', 'webmailDomains', 'labelIds', 'subjectTags'] as const;
type ListField = (typeof LIST_FIELDS)[number];

export function splitList(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s !== '');
}
const joinList = (items: readonly string[] | undefined): string => (items ?? []).join('\n');

export function formFromSettings(settings: Settings | null): SettingsFormValues {
  const s = settings ?? {};
  return {
    timeZone: s.timeZone ?? DEFAULT_SETTINGS.timeZone,
    hoursStart: s.permittedHours?.start ?? DEFAULT_SETTINGS.permittedHours.start,
    hoursEnd: s.permittedHours?.end ?? DEFAULT_SETTINGS.permittedHours.end,
    days: s.days ? DAY_NAMES.filter((d) => s.days?.includes(d)) : [...DEFAULT_SETTINGS.days],
    schoolDomains: joinList(s.schoolDomains),
    pupilDomains: joinList(s.pupilDomains),
    // Only the school's additions: the built-in webmail list is the engine's and always applies.
    webmailDomains: joinList(s.webmailDomains),
    labelIds: joinList(s.encryption?.labelIds),
    subjectTags: joinList(s.encryption?.subjectTags),
    severities: { ...DEFAULT_SETTINGS.severities, ...s.severities },
    exposedRecipientsMin: String(s.exposedRecipientsMin ?? DEFAULT_SETTINGS.exposedRecipientsMin),
    ownParentSensitive: s.ownParentSensitive ?? DEFAULT_SETTINGS.ownParentSensitive,
  };
}

/** The number typed, or the text itself, so the engine's schema names what is wrong with it. */
function wholeNumber(text: string): number | string {
  const t = text.trim();
  return /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * The settings document the form describes. Keys the form does not show
 * (parent contacts, pupils, hashes) are kept from `base` as they were.
 */
export function settingsFromForm(values: SettingsFormValues, base: Settings | null): SettingsInput {
  return {
    ...(base ?? {}),
    timeZone: values.timeZone as SettingsInput['timeZone'],
    permittedHours: { start: values.hoursStart.trim(), end: values.hoursEnd.trim() },
    days: [...values.days],
    schoolDomains: splitList(values.schoolDomains),
    pupilDomains: splitList(values.pupilDomains),
    webmailDomains: splitList(values.webmailDomains),
    encryption: { labelIds: splitList(values.labelIds), subjectTags: splitList(values.subjectTags) },
    severities: { ...values.severities },
    exposedRecipientsMin: wholeNumber(values.exposedRecipientsMin) as number,
    ownParentSensitive: values.ownParentSensitive,
  };
}

export type FieldErrors = Partial<Record<FieldName, string[]>>;

export type ValidatedForm =
  | { readonly ok: true; readonly settings: Settings }
  | { readonly ok: false; readonly fieldErrors: FieldErrors; readonly otherErrors: readonly string[] };

const fieldsByPathLength = (Object.entries(FIELD_PATHS) as [FieldName, string][]).sort((a, b) => b[1].length - a[1].length);

/**
 * Runs the engine's schema and puts each `path: problem` at its field. An
 * item of a list is named by its line (`line 2: "x" is not a domain name`);
 * a rule about the hours as a whole sits at the end time.
 */
export function validateForm(values: SettingsFormValues, base: Settings | null): ValidatedForm {
  const result = parseSettings(settingsFromForm(values, base));
  if (result.ok) return { ok: true, settings: result.settings };
  const fieldErrors: FieldErrors = {};
  const otherErrors: string[] = [];
  for (const error of result.errors) {
    const split = error.indexOf(': ');
    const path = split < 0 ? '' : error.slice(0, split);
    const message = split < 0 ? error : error.slice(split + 2);
    const match = fieldsByPathLength.find(([, p]) => path === p || path.startsWith(`${p}.`));
    const field: FieldName | undefined = match?.[0] ?? (path === 'permittedHours' ? 'hoursEnd' : undefined);
    if (!field) {
      otherErrors.push(error);
      continue;
    }
    const rest = match ? path.slice(match[1].length + 1) : '';
    const shown = /^\d+$/.test(rest) ? `line ${Number(rest) + 1}: ${message}` : message;
    (fieldErrors[field] ??= []).push(shown);
  }
  return { ok: false, fieldErrors, otherErrors };
}

export interface SettingChange {
  readonly field: FieldName;
  readonly label: string;
  readonly before: string;
  readonly after: string;
  /** For lists: what was added and removed, in order. */
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
}

function listOf(values: SettingsFormValues, field: ListField): string[] {
  return splitList(values[field]);
}

function display(values: SettingsFormValues, field: FieldName): string {
  if (field.startsWith('severities.')) return values.severities[field.slice('severities.'.length) as ReasonCode];
  if (field === 'days') return values.days.join(', ');
  if (field === 'ownParentSensitive') return values.ownParentSensitive === 'info' ? 'a note, not a warning' : 'a warning';
  if ((LIST_FIELDS as readonly string[]).includes(field)) return listOf(values, field as ListField).join(', ') || '(none)';
  return values[field as 'timeZone' | 'hoursStart' | 'hoursEnd' | 'exposedRecipientsMin'].trim();
}

/** What saving would change, field by field, in form order; empty when nothing would. */
export function settingsChanges(before: SettingsFormValues, after: SettingsFormValues): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const field of Object.keys(FIELD_PATHS) as FieldName[]) {
    if ((LIST_FIELDS as readonly string[]).includes(field)) {
      const parts = diffArrays(listOf(before, field as ListField), listOf(after, field as ListField));
      const added = parts.filter((p) => p.added).flatMap((p) => p.value);
      const removed = parts.filter((p) => p.removed).flatMap((p) => p.value);
      if (added.length === 0 && removed.length === 0) continue;
      changes.push({ field, label: FIELD_LABELS[field], before: display(before, field), after: display(after, field), added, removed });
      continue;
    }
    const b = display(before, field);
    const a = display(after, field);
    if (a !== b) changes.push({ field, label: FIELD_LABELS[field], before: b, after: a });
  }
  return changes;
}

export { REASON_CODES };

/** A subject tag in brackets, as mail gateways and staff write them: "[secure]". */
const BRACKETED = /^\[[^\]]+\]$/;

/**
 * What the admin must confirm or should know before saving, beyond what the
 * engine refuses. These are choices a school may make on purpose, so they are
 * not engine rules: a bare subject tag (any subject containing the word then
 * counts as encrypted) needs a deliberate yes; an empty pupil domain is allowed
 * but said out loud.
 */
export interface FormNotices {
  /** Subject tags without brackets: saving needs the admin to confirm them. */
  readonly bareTags: readonly string[];
  /** No pupil domain: mail to pupils' own school addresses is not recognised as such. */
  readonly noPupilDomain: boolean;
}

export function formNotices(values: SettingsFormValues): FormNotices {
  return {
    bareTags: splitList(values.subjectTags).filter((t) => !BRACKETED.test(t)),
    noPupilDomain: splitList(values.pupilDomains).length === 0,
  };
}

export function bareTagsWarning(tags: readonly string[]): string {
  const quoted = tags.map((t) => `"${t}"`).join(', ');
  return `${quoted} ${tags.length === 1 ? 'has' : 'have'} no brackets: any subject containing ${tags.length === 1 ? 'it' : 'one of them'} anywhere (for example "${tags[0]} of the building") will count as encrypted. Put ${tags.length === 1 ? 'it' : 'them'} in brackets, such as [${tags[0]}], or confirm below.`;
}
