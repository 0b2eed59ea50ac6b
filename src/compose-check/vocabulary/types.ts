// The shape of the context vocabulary: words and phrases grouped by category,
// each group naming the document (and section) its terms come from, so a
// reviewer can check a term against its source and a missing term has a home.

/** What a group's terms reveal about a pupil. */
export type Category =
  /** Special educational needs and disability: needs, the statutory process, provision. */
  | 'send'
  /** Abuse, neglect, named safeguarding issues and the child-protection process. */
  | 'safeguarding'
  /** Health: conditions, mental health and care events. */
  | 'health'
  /** UK GDPR Art. 9 beyond health: ethnicity, religion, sex life and sexual orientation, gender identity, biometrics. */
  | 'special-category'
  /** UK GDPR Art. 10: criminal offences, the police and youth justice. */
  | 'criminal'
  /** Suspension, permanent exclusion and what follows them. */
  | 'exclusion'
  /** Looked-after and previously looked-after children, kinship care, fostering, young carers. */
  | 'care'
  /** Free school meals and pupil premium: a family's income. */
  | 'welfare';

/**
 * English and the languages most spoken by EAL families in English schools
 * (DfE school census, first language recorded).
 */
export type Language = 'en' | 'pl' | 'ro' | 'ur' | 'pa' | 'ar' | 'bn' | 'pt' | 'es' | 'so' | 'lt';

/**
 * A term is matched as whole words, case-insensitively, on text whose accents
 * are already folded (normalise.ts cleanText: "Łódź" reads "Lodz"); terms are
 * folded the same way when the matcher is built, so write them as the source does.
 *
 * - Words are separated by single spaces; in a message any run of spaces, line
 *   breaks, hyphens or a wrapped reply's "> " may stand between them. A hyphen
 *   in a term is a word separator too: "self-harm" also matches "self harm".
 * - "(a|b)" anywhere is optional: "referral(s)" matches "referral" and
 *   "referrals"; "(ال)توحد" matches with and without the article. "[a|b]" is
 *   one of the alternatives, required: "care [order|plan]". Alternatives may
 *   hold spaces; groups do not nest.
 * - "*" ends a word with any further letters: "autis*" matches "autism", "autistic".
 *   Use it for inflected languages, never where a short stem is an English word.
 * - A leading "~" counts the term only when typed in lower case: "~asma" is the
 *   Spanish and Portuguese for asthma, "Asma" a girl's name.
 */
export type Term = string;

/** A term that is context only with a supporting word near it ("operation" near "hospital"). */
export interface AmbiguousTerm {
  readonly term: Term;
  /** Terms of which one must be within SUPPORT_REACH characters, in the same paragraph. */
  readonly near: readonly Term[];
}

export interface VocabularyGroup {
  /** Stable id, e.g. "send-broad-areas". */
  readonly id: string;
  readonly category: Category;
  readonly language: Language;
  /** The document the terms come from, with its edition. */
  readonly source: string;
  /** The part of it: chapter, section or paragraphs. */
  readonly section: string;
  readonly terms: readonly Term[];
  /** Abbreviations, matched only as written (in capitals): "SEN" yes, "Sen" (a surname) no. */
  readonly acronyms?: readonly string[];
  readonly ambiguous?: readonly AmbiguousTerm[];
  /**
   * The terms are one person's own, as health always is: a teacher's fast or a
   * count of halal lunches is not the pupil's religion, so such a term said of
   * someone else does not count (context.ts). Not safeguarding or care: "Mum
   * has a social worker" is still the child's.
   */
  readonly personal?: boolean;
}

/**
 * The part of a group the engine reads when it builds its matcher, and all of
 * it that launchevent.js carries (src/outlook/vite-vocabulary.ts packs only this).
 */
export type MatchedGroup = Pick<VocabularyGroup, 'category' | 'terms' | 'acronyms' | 'ambiguous' | 'personal'>;
