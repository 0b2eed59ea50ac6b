// Publishing a policy version and the Outlook checks' contact hours, kept in
// step (issue 11): the new version's contact-hours sentence beside the hours
// the settings enforce, and the settings as they will be saved (the hours the
// admin chose, and the version they were reviewed against). Pure.
import { DEFAULT_SETTINGS, type Settings, type SettingsInput } from '../../compose-check';
import { CLAUSES, contactHoursIn, findClauses } from '../../policy/clauses';

export interface Hours { readonly start: string; readonly end: string }

export interface HoursReview {
  readonly version: string;
  /** The version's contact-hours sentence, or null when it has none. */
  readonly sentence: string | null;
  /** The hours that sentence names, where they can be read. */
  readonly policyHours?: Hours;
  /** What the Outlook checks enforce now. */
  readonly settingsHours: Hours;
  /** True when the policy names hours and they are not the settings'. */
  readonly differs: boolean;
}

export function reviewContactHours(policyText: string, version: string, settings: Settings | null): HoursReview {
  const sentence = findClauses(policyText)[CLAUSES.contactHours.id]?.quote ?? null;
  const policyHours = sentence ? contactHoursIn(sentence) : undefined;
  const settingsHours = settings?.permittedHours ?? DEFAULT_SETTINGS.permittedHours;
  return {
    version, sentence, settingsHours,
    ...(policyHours ? { policyHours } : {}),
    differs: policyHours !== undefined && (policyHours.start !== settingsHours.start || policyHours.end !== settingsHours.end),
  };
}

/** The settings to save with the publish: reviewed against this version, with the policy's hours if the admin chose them. */
export function settingsAfterReview(settings: Settings | null, review: HoursReview, takePolicyHours: boolean): SettingsInput {
  return {
    ...(settings ?? {}),
    ...(takePolicyHours && review.policyHours ? { permittedHours: { ...review.policyHours } } : {}),
    policyVersionReviewed: review.version,
  };
}
