// The compose-check engine's public API. Hosts (Outlook send handler, task
// pane, CLI, bench, admin form) import from here only.
export type * from './types';
export { REASON_CODES } from './types';

export { checkDraft, isProtected, inDomains, listAddresses, howToEncrypt, MAX_MESSAGE_LENGTH } from './check';
export type { CheckContext } from './check';
export { clip } from './clip';

export {
  settingsSchema, parseSettings, resolveSettings, validateSettingsField, formatIssues,
  hashContactEmail, domainOf, DEFAULT_SETTINGS, DEFAULT_SEVERITIES, DAY_NAMES, SUPPORTED_TIME_ZONES,
} from './settings';
export type {
  Settings, SettingsInput, ResolvedSettings, ParseSettingsResult, DayName, SupportedTimeZone, ParentContact, PupilEntry,
} from './settings';

export {
  isBritishSummerTime, utcOffsetMinutes, toLocal, fromLocal, parseTimeOfDay,
  isWithinPermittedHours, nextPermittedTime, formatLocalTime, formatLocalDateTime,
} from './time';
export type { HoursSettings, LocalDateTime } from './time';

export { findSensitiveData, scanDraft, scanIdentifiers, PROXIMITY } from './detect';
export type { DraftScan, DraftScanOptions } from './detect';
export { describeAttachmentNote, ATTACHMENTS_TIME_MS } from './attachments';
export { isValidUpn, isValidUln, isValidNhsNumber, isValidNiNumber, upnCheckLetter, maskIdentifier } from './identifiers';
export { htmlToText, decodeEntities, cleanText, bodyText } from './normalise';
export { BUILTIN_WEBMAIL_DOMAINS, isPersonalWebmail } from './webmail';

export { extractAttachment, DEFAULT_LIMITS as DEFAULT_EXTRACT_LIMITS, decodeText } from './extract/index';
export type { AttachmentInput, Extraction, ExtractedPart, ExtractedText, ExtractLimits, SkippedEntry } from './extract/index';
export type { ContactDirectory, ContactMatch } from './directory';
export { combineDirectories, settingsDirectory } from './directory';
