// Whose a term is: the pupil named near it, or someone else. Only personal
// terms (health, religious practice: VocabularyGroup.personal) can be someone
// else's; "Mum has a social worker" is still the child's. Read from the words
// around the term: the subject just before it, the person its clause is about,
// an earlier term in the sentence that was someone else's, and whether a name
// or he, she or they comes in between. Pure; ES2017; no Intl.
import { OTHER_PEOPLE, OTHER_PUPIL_NOUNS, OTHER_PUPIL_OPENERS, PERSON_TITLES, SUBJECT_LINKS, TOPIC_WORDS } from './vocabulary/index';
import type { TermTrie } from './vocabulary-match';

/** A term found in a text: [start, end). */
interface Span {
  readonly start: number;
  readonly end: number;
}

const OTHERS: ReadonlySet<string> = new Set(OTHER_PEOPLE);
const READER = ['you', 'your', 'yourself'];
/** When the draft is addressed to the pupil, "you" and "your" are the pupil. */
const OTHERS_BUT_READER: ReadonlySet<string> = new Set(OTHER_PEOPLE.filter((w) => READER.indexOf(w) < 0));
const PUPIL_NOUNS = new Set(OTHER_PUPIL_NOUNS);
const PUPIL_OPENERS = new Set(OTHER_PUPIL_OPENERS);
const TITLES = new Set(PERSON_TITLES);
const LINKS = new Set(SUBJECT_LINKS);
/** How far back the subject of a term is looked for, within its sentence. */
const SUBJECT_REACH = 60;
const SENTENCE_END = /[.!?;:\n]/;
/** A word as written, with its apostrophes and hyphens; and a contraction's tail: "mum's", "you've", "I'm" read as the person. */
const WORDS = /[A-Za-z\u00c0-\u024f'\u2019-]+/g;
const CONTRACTION = /['\u2019](?:s|ve|re|m|d|ll)$/;

/**
 * True when a personal term is someone else's, not the pupil named near it
 * (rules.ts, OTHER_PEOPLE): "her mum is in hospital", "Miss Nair is having an
 * operation", "a younger pupil had an asthma attack", "I'm off for a knee
 * operation". What was done to someone (a term ending in -ed, "Dad
 * diagnosed") is never excused.
 */
export function saidOfSomeoneElse(personal: TermTrie, text: string, lower: string, c: Span, readerIsPupil: boolean): boolean {
  if (/ed$/.test(lower.slice(c.start, c.end))) return false;
  if (!personal.scan(lower, c.start, c.end).some((hit) => hit.start === c.start)) return false;
  const others = readerIsPupil ? OTHERS_BUT_READER : OTHERS;
  if (subjectIsSomeoneElse(lower, c.start, others) || clauseIsSomeoneElses(text, lower, c, others)) return true;
  // "You've been in hospital, I hope the operation went well"; "his brother's diagnosis - leukaemia is…";
  // "my knee operation the consultant has signed me off":
  // a later personal term in the sentence is the same person's while no one else (a name, he, she, they) comes in between.
  const from = sentenceStart(lower, c.start, CARRY_REACH);
  const earlier = personal.scan(lower, from, c.start).filter((hit) => hit.end <= c.start);
  const last = earlier[earlier.length - 1];
  if (last === undefined) return false;
  const comesIn = someoneComesIn(text, lower, last.end, c.start);
  // "Hope your mum's operation goes well and she's home from hospital soon": when the sentence is about the
  // reader's or writer's family and no one else, "she" is that person; "her mum … and she" may be the pupil.
  if (comesIn && !(ownFamilyOnly(text, lower, from, last.start) && !namesSomeone(text, last.end, c.start))) return false;
  return subjectIsSomeoneElse(lower, last.start, others) || clauseIsSomeoneElses(text, lower, last, others);
}

const POSSESSIVE_THIRD = /^(?:her|his|their)$/;

/** Where the last whole `word` starts in `text`. */
function lastWordAt(text: string, word: string): number {
  const re = new RegExp(`\\b${word}\\b`, 'g');
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

/** Before an earlier term: "your mum", "my dad", and no he, she, they or name that could be the pupil. */
function ownFamilyOnly(text: string, lower: string, from: number, to: number): boolean {
  const lead = lower.slice(from, to);
  return /\b(?:your|my|our)\s+(?:[a-z]+\s+)?(?:mum|mam|mother|dad|father|nan|nana|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|brother|sister|husband|wife|partner|aunt|auntie|uncle)\b/.test(lead)
    && !THIRD_PERSON.test(lead) && !namesSomeone(text, from, to);
}

/** A capitalised word other than "I", the first word, or a title and the name after it ("Hi Mr O", a member of staff). */
function namesSomeone(text: string, from: number, to: number): boolean {
  const words = text.slice(from, to).match(WORDS) ?? [];
  const titled = (k: number): boolean => TITLES.has((words[k] ?? '').toLowerCase());
  return words.some((w, k) => k > 0 && w !== 'I' && /^[A-Z]/.test(w) && !titled(k) && !titled(k - 1));
}

/** How many words back, within the clause, the person a term is said of may be. */
const CLAUSE_WORDS = 6;
const CLAUSE_END = /[,.;:!?()\n]/;
/** Who a clause can be about besides the pupil: the writer, the reader, family, staff, or pupils in general. */
const CLAUSE_PEOPLE = ['me', 'myself', 'ourselves', 'pupils', 'students', 'children', 'learners'];
const TOPICS = new Set(TOPIC_WORDS);
/** "My knee operation": a possessive is the person only right before the term. */
const POSSESSIVES = new Set(['my', 'our', 'your']);

/**
 * A wider reading of the subject, within the clause and only when no one who
 * could be the pupil comes in: "I'm off for a knee operation", "I nearly
 * needed A&E myself", "pupils needing a halal lunch". A name or he, she or
 * they before the term, or after it in the clause ("...for Kai"), leaves it the
 * pupil's, and so does a word that makes the term a topic ("we spoke about self-harm").
 */
function clauseIsSomeoneElses(text: string, lower: string, c: Span, others: ReadonlySet<string>): boolean {
  let from = c.start;
  while (from > 0 && c.start - from < SUBJECT_REACH && !CLAUSE_END.test(lower.charAt(from - 1))) from--;
  let to = c.end;
  while (to < lower.length && to - c.end < SUBJECT_REACH && !CLAUSE_END.test(lower.charAt(to))) to++;
  if (someoneComesIn(text, lower, c.end, to)) return false;
  const words = text.slice(from, c.start).match(WORDS) ?? [];
  for (let k = words.length - 1, n = 1; k >= 0 && n <= CLAUSE_WORDS; k--, n++) {
    const written = words[k] ?? '';
    const word = written.toLowerCase().replace(CONTRACTION, '');
    const opensSentence = k === 0 && (from === 0 || /[.!?\n]/.test(lower.charAt(from - 1)));
    // "My mum is in for her hip operation": her is the mum's while the clause names no one else.
    if (POSSESSIVE_THIRD.test(word)) return ownFamilyOnly(text, lower, from, from + lastWordAt(lower.slice(from, c.start), word));
    if (THIRD_PERSON.test(word) || (/^[A-Z]/.test(written) && word !== 'i' && !opensSentence)) return false;
    if (TOPICS.has(word)) return false;
    if (POSSESSIVES.has(word) && others.has(word)) return n <= 2;
    if (others.has(word) || CLAUSE_PEOPLE.indexOf(word) >= 0) return true;
  }
  return false;
}

/** How far back an earlier health term's subject carries to a later one, within the sentence. */
const CARRY_REACH = 120;
const THIRD_PERSON = /\b(?:he|she|they|him|her|his|hers|them|their|theirs|himself|herself|themselves)\b/;

/** A person who could be the pupil between two terms: a third-person pronoun, or a capitalised word other than "I". */
function someoneComesIn(text: string, lower: string, from: number, to: number): boolean {
  return THIRD_PERSON.test(lower.slice(from, to)) || /(?:^|[^A-Za-z])(?!I\b)[A-Z]/.test(text.slice(from, to));
}

/** Where the sentence holding `at` starts, looking back at most `reach` characters. */
function sentenceStart(lower: string, at: number, reach: number): number {
  const limit = Math.max(0, at - reach);
  for (let k = at - 1; k >= limit; k--) if (SENTENCE_END.test(lower.charAt(k))) return k + 1;
  return limit;
}

/** The subject just before `start` in its sentence is someone other than a pupil named. */
function subjectIsSomeoneElse(lower: string, start: number, others: ReadonlySet<string>): boolean {
  const before = lower.slice(sentenceStart(lower, start, SUBJECT_REACH), start);
  const words = before.match(/[a-z\u00c0-\u024f'\u2019-]+/g) ?? [];
  let at = words.length - 1;
  for (let links = 0; at >= 0 && links < 3 && LINKS.has(words[at] ?? ''); links++) at--;
  if (at < 0) return false;
  const subject = (words[at] ?? '').replace(CONTRACTION, '');
  const previous = words[at - 1] ?? '';
  if (others.has(subject)) return true;
  if (PUPIL_NOUNS.has(subject)) return PUPIL_OPENERS.has(previous) || PUPIL_OPENERS.has(words[at - 2] ?? '');
  return TITLES.has(previous.replace(/\.$/, ''));
}
