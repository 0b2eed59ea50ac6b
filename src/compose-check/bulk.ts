// Lists of pupils' personal data (issue #2): several identifiers, several
// roster pupils each with an identifier of their own (an address, a postcode,
// a date of birth), or a table whose header names pupils and their data.
import type { Finding, FindingLocation } from './types';
import type { PupilMatch } from './roster';
import { isTrimSpace, lowerBound, positions } from './text-scan';

/** Distinct identifiers, or pupils with personal data, that make a list. */
export const BULK_MIN = 3;

/** Column headings that mark a table of pupils' personal data. */
const PUPIL_DATA_HEADINGS = /(?:^|[^a-z])(?:upn|uln|dob|d\.o\.b|date of birth|birth ?date|sen|send|ehcp|fsm|free school meals|pupil premium|ethnicity|medical|nhs|year group|tutor group|form|gender|address|postcode)(?![a-z])/;
const NAME_HEADINGS = /(?:^|[^a-z])(?:name|forename|surname|first ?name|last ?name|legal name|preferred name|pupil|student|learner|child)(?![a-z])/;
/** Dates of birth and other dates in a list: 03/04/2014, 3-4-2014, 2014-04-03. */
const DATE_RE = /(^|\D)(\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)/g;

const isDelimiter = (c: number): boolean => c === 44 || c === 9 || c === 59 || c === 124;
const TABLE_HEAD = 20_000;

export interface TableShape {
  /** The first non-blank line, lower-cased. */
  readonly header: string;
  readonly rows: number;
}

/**
 * True when the text looks like a table: a delimited header and at least three
 * delimited rows in its first 20,000 characters, and a header that `accept`
 * takes. Reads character codes line by line rather than splitting and matching
 * each line, and callers ask only when the answer matters: it was a fifth of a
 * short message's cost when run on every subject and body.
 */
export function tableShape(text: string, accept?: (header: string) => boolean): TableShape | undefined {
  const n = Math.min(text.length, TABLE_HEAD);
  let header: string | undefined;
  let rows = 0;
  for (let start = 0; start < n;) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > n) end = n;
    let blank = true;
    let delimited = false;
    for (let i = start; i < end && (blank || !delimited); i++) {
      const c = text.charCodeAt(i);
      if (isDelimiter(c)) delimited = true;
      if (!isTrimSpace(c)) blank = false;
    }
    if (!blank) {
      if (header === undefined) {
        if (!delimited) return undefined;
        header = text.slice(start, end).replace(/\r$/, '').toLowerCase();
        if (accept && !accept(header)) return undefined;
      } else if (delimited) rows++;
    }
    start = end + 1;
  }
  return header !== undefined && rows >= BULK_MIN ? { header, rows } : undefined;
}

/** How far from a name, on its line, a personal identifier still belongs to that pupil. */
const PAIR_REACH = 80;
const MAX_PAIR_LOOKS = 8;
const EMAIL_RE = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
/** A UK postcode: "WA1 2AP", "SW1A 1AA". */
const POSTCODE_RE = /(?:^|[^a-z0-9])[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}(?![a-z0-9])/i;
const ONE_DATE_RE = new RegExp(DATE_RE.source);
const MAY_PAIR_RE = /[@0-9]/;

/**
 * Distinct roster pupils written beside a personal identifier of their own: an
 * e-mail address, a postcode, a date (of birth) or a pupil identifier, on the
 * same line and not past the next or previous name. "Kayden O'Brien
 * <kayden.obrien@pupils…>" on each line is a list of pupils' personal data;
 * "well done to A, B, C and D - photos from office@school" pairs at most one.
 * Stops counting at BULK_MIN, which is all the caller needs.
 */
export function pairedPupils(text: string, matches: readonly PupilMatch[], idPositions: readonly number[]): number {
  const paired = new Set<number>();
  // A list names each pupil once or twice; looking at a pupil's first few mentions
  // keeps a body that repeats the same names 100,000 times cheap.
  const looked = new Map<number, number>();
  for (let i = 0; i < matches.length && paired.size < BULK_MIN; i++) {
    const m = matches[i];
    if (!m || paired.has(m.pupil)) continue;
    const times = looked.get(m.pupil) ?? 0;
    if (times >= MAX_PAIR_LOOKS) continue;
    looked.set(m.pupil, times + 1);
    // Windows are bounded by PAIR_REACH before the line is looked for, so a
    // long line of names costs O(PAIR_REACH) per name, not O(line).
    const back = text.slice(Math.max(m.pos - PAIR_REACH, matches[i - 1]?.end ?? 0), m.pos);
    const ahead = text.slice(m.end, Math.min(m.end + PAIR_REACH, matches[i + 1]?.pos ?? Infinity));
    const nl = ahead.indexOf('\n');
    const after = nl < 0 ? ahead : ahead.slice(0, nl);
    const before = back.slice(back.lastIndexOf('\n') + 1);
    const hasId = (span: string, from: number): boolean => {
      if (span.length === 0) return false;
      const id = idPositions[lowerBound(idPositions, from)];
      if (id !== undefined && id < from + span.length) return true;
      // Every kind needs an '@' or a digit: most spans between names have neither.
      return MAY_PAIR_RE.test(span) && (EMAIL_RE.test(span) || POSTCODE_RE.test(span) || ONE_DATE_RE.test(span));
    };
    if (hasId(after, m.end) || hasId(before, m.pos - before.length)) paired.add(m.pupil);
  }
  return paired.size;
}

const PUPILISH_HEADING = /(?:^|[^a-z])(?:upn|uln|dob|d\.o\.b|date of birth|sen|send|ehcp|fsm|free school meals|pupil premium|year group|tutor group|pupil|student|learner|child)(?![a-z])/;

/** A header row naming pupils and columns of their personal data. */
function isPupilDataHeader(header: string): boolean {
  return NAME_HEADINGS.test(header) && PUPIL_DATA_HEADINGS.test(header) && PUPILISH_HEADING.test(header)
    && header.split(/[,\t;|]/).some((h) => PUPIL_DATA_HEADINGS.test(h.trim()));
}

export function bulkFinding(
  text: string, lower: string, table: () => TableShape | undefined,
  ids: number, pupils: number, paired: () => number, location: FindingLocation, where: string,
): Finding | undefined {
  const describe = (what: string, confidence: Finding['confidence']): Finding =>
    ({ kind: 'bulk-pupil-data', confidence, location, evidence: `list of ${what} ${where}` });
  if (ids >= BULK_MIN) return describe(`${ids} pupil identifiers`, 'high');
  if (pupils >= BULK_MIN) {
    const dates = positions(DATE_RE, text).length;
    const dobWords = /(?:^|[^a-z])(?:dob|d\.o\.b|date of birth|born)(?![a-z])/.test(lower);
    if (ids >= 1 || dates >= 2 || dobWords || paired() >= BULK_MIN) return describe(`${pupils} pupils with personal data`, 'high');
    if (pupils >= 5 && table()) return describe(`${pupils} pupils`, 'medium');
  }
  // A table of pupils' personal data even without a roster: name and data columns, several rows.
  // Only a pupil-data header is worth counting rows under.
  const pupilTable = tableShape(text, isPupilDataHeader);
  if (pupilTable) return describe(`${pupilTable.rows} rows of pupil data`, 'medium');
  return undefined;
}

