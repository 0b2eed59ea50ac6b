// Special-category and safeguarding context near a roster pupil's name.
import { alternation, boundedWords, positions } from './text-scan';

/**
 * Special-category and safeguarding context (issue #2's examples, widened
 * with the words DSLs and SENCOs use). Matched case-insensitively.
 */
// Phrases are chosen to read as safeguarding or health only: not "foster a love
// of reading", "looked after the hamster", "prescribed reading" or "netball court".
const CONTEXT_PHRASES = [
  'sen support', 'special educational needs', 'special needs', 'ehcp', 'ehc plan', 'education health and care',
  'safeguarding', 'child protection', 'cp plan', 'cp conference', 'protection plan', 'section 47', 's47', 'strategy meeting',
  'medical condition', 'medical needs', 'diagnosis', 'diagnosed', 'medication', 'allergy', 'allergic', 'anaphylaxis', 'epipen',
  'epilepsy', 'diabetes', 'diabetic', 'asthma', 'adhd', 'autism', 'autistic', 'asd', 'mental health', 'camhs', 'eating disorder',
  'exclusion', 'excluded', 'permanent exclusion', 'suspension', 'suspended', 'fixed-term exclusion', 'fixed term exclusion',
  'looked after child', 'looked after children', 'looked-after', 'is looked after', 'are looked after', 'was looked after',
  'being looked after', 'became looked after', 'looked after status', 'looked after by the local authority',
  'is in care', 'taken into care', 'into care', 'care order', 'foster carer', 'foster carers', 'foster care', 'foster placement',
  'foster family', 'foster parents', 'fostered', 'child in need', 'children in need plan',
  'social worker', 'social care', 'social services', 'children\'s services', 'early help', 'virtual school',
  'free school meals', 'pupil premium', 'self-harm', 'self harm', 'self-harming', 'suicidal', 'suicide', 'overdose',
  'police', 'arrested', 'youth offending', 'yot', 'youth court', 'family court', 'court order', 'court hearing', 'referral',
  'disclosure', 'disclosed', 'abuse', 'abused', 'neglect', 'domestic violence', 'domestic abuse', 'exploitation', 'cse', 'cce',
  'county lines', 'fgm', 'prevent referral', 'radicalisation', 'bereavement', 'counselling', 'young carer', 'pregnant', 'pregnancy',
  'sexual abuse', 'sexual assault', 'sexual exploitation', 'sexualised', 'assault', 'bruise', 'bruising', 'bruises',
  'missing from home', 'missing from education',
];
/** Acronyms that are context only in capitals: "Sen" is a surname, "cla" a typo. */
// SENCO and DSL are left out: they are job titles in staff signatures, next to any pupil's name.
const CONTEXT_ACRONYMS = ['SEN', 'SEND', 'EHCP', 'CP', 'LAC', 'CLA', 'CIN', 'FSM', 'PP', 'MASH', 'LADO', 'PEP', 'IEP', 'SEMH', 'TAF', 'CAF'];

const CONTEXT_WORDS = alternation(CONTEXT_PHRASES);
const CONTEXT_ACRONYM_WORDS = alternation(CONTEXT_ACRONYMS);
const CONTEXT_RE = boundedWords(CONTEXT_WORDS, 'a-z0-9', 'g');
const CONTEXT_ACRONYM_RE = boundedWords(CONTEXT_ACRONYM_WORDS, 'A-Za-z0-9', 'g');

/** Sorted positions where a context word or acronym starts. */
export function contextPositions(text: string, lower: string): number[] {
  return [...positions(CONTEXT_RE, lower), ...positions(CONTEXT_ACRONYM_RE, text)].sort((a, b) => a - b);
}

// Sticky at a position positions() found, where the word's start is already known to be bounded.
const CONTEXT_ACRONYM_AT = new RegExp(`(?:${CONTEXT_ACRONYM_WORDS})(?![A-Za-z0-9])`, 'y');
const CONTEXT_AT = new RegExp(`(?:${CONTEXT_WORDS})(?![a-z0-9])`, 'y');

/** The context word found at `at`, to name it in the evidence. */
export function contextWordAt(text: string, lower: string, at: number): string {
  CONTEXT_ACRONYM_AT.lastIndex = at;
  CONTEXT_AT.lastIndex = at;
  return CONTEXT_ACRONYM_AT.exec(text)?.[0] ?? CONTEXT_AT.exec(lower)?.[0] ?? text.slice(at, at + 12);
}
