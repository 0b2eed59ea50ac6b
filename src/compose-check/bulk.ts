// Lists of pupils' personal data (issue #2): several identifiers, several
// roster pupils each with an identifier of their own (an address, a postcode,
// a date of birth), or a table of pupils with a column of their personal data.
// A table of names whose other columns are harmless (kit sizes, award titles,
// year groups) is not one: a column is personal data when its heading or its
// values are, judged by the same vocabulary as context.
import type { Finding, FindingLocation } from './types';
import type { PupilMatch } from './roster';
import { findContext } from './context';
import { scanIdentifiers } from './identifier-scan';
import { isTrimSpace, lowerBound, positions } from './text-scan';

/** Distinct identifiers, or pupils with personal data, that make a list. */
export const BULK_MIN = 3;

/**
 * Column headings of personal data: identifiers, dates of birth, home and
 * contact details, family, and the special categories schools record. Not
 * names, year, form or tutor group, class, house, sizes, awards or scores.
 */
const SENSITIVE_HEADINGS = /(?:^|[^a-z])(?:upns?|ulns?|nhs|ni number|nino|national insurance|dob|d\.o\.b|date of birth|birth ?date|birthday|born|address|postcode|post code|e-?mail|phone|mobile|telephone|tel|contact|parent|carer|guardian|emergency|ethnic\w*|religion|faith|nationality|first language|home language|eal|medical|medication|medicines?|allerg\w*|dietary|diet|health|conditions?|needs?|sen|send|ehcp|ehc|support|fsm|free school meals|pupil premium|pp|disadvantaged|cp|cin|lac|cla|looked after|safeguarding|social worker|exclusions?|suspensions?|biometric|gender identity)(?![a-z])/;
const DOB_HEADING = /(?:^|[^a-z])(?:dob|d\.o\.b|date of birth|birth ?date|birthday|born)(?![a-z])/;
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
export function pairedPupils(text: string, all: readonly PupilMatch[], idPositions: readonly number[], skip?: readonly [number, number]): number {
  const matches = skip ? all.filter((m) => m.pos < skip[0] || m.pos >= skip[1]) : all;
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

/** A header row naming pupils (no roster needed), with a column heading of their personal data. */
function isPupilDataHeader(header: string): boolean {
  return NAME_HEADINGS.test(header) && PUPILISH_HEADING.test(header)
    && header.split(/[,\t;|]/).some((h) => SENSITIVE_HEADINGS.test(h.trim()) || isSensitiveValue(h.trim()));
}

export function bulkFinding(
  text: string, lower: string, table: () => TableShape | undefined,
  ids: number, pupils: number, paired: (skip?: readonly [number, number]) => number, location: FindingLocation, where: string,
  pupilsWithin: (start: number, end: number) => number = () => pupils,
): Finding | undefined {
  const describe = (what: string, confidence: Finding['confidence']): Finding =>
    ({ kind: 'bulk-pupil-data', confidence, location, evidence: `list of ${what} ${where}` });
  if (ids >= BULK_MIN) return describe(`${ids} pupil identifiers`, 'high');
  const found = pupils >= BULK_MIN || table() ? readTable(text) : undefined;
  if (found) {
    // A table is judged by its columns, not by dates or addresses anywhere in it.
    const columns = sensitiveColumns(found);
    // The table's columns speak for the pupils in it, not for a list of names beside it (a trip's timetable above its groups).
    if (pupilsWithin(found.start, found.end) >= BULK_MIN && (ids >= 1 || columns.length > 0)) return describe(`${pupils} pupils with personal data`, 'high');
    if (columns.length > 0 && !found.headerIsData && isPupilDataHeader(found.header.join(','))) return describe(`${found.rowCount} rows of pupil data`, 'medium');
  }
  if (pupils >= BULK_MIN) {
    // Outside the table (all the text when there is none): a list written as lines or sentences.
    const outside = found ? `${text.slice(0, found.start)}\n${text.slice(found.end)}` : text;
    const dates = positions(DATE_RE, outside).length;
    const dobWords = /(?:^|[^a-z])(?:dob|d\.o\.b|date of birth|born)(?![a-z])/.test(found ? outside.toLowerCase() : lower);
    if (ids >= 1 || dates >= 2 || dobWords || paired(found ? [found.start, found.end] : undefined) >= BULK_MIN) {
      return describe(`${pupils} pupils with personal data`, 'high');
    }
  }
  if (found) return undefined;
  // A table of pupils' personal data even without a roster, whose rows do not split evenly (a pasted report).
  const pupilTable = tableShape(text, isPupilDataHeader);
  if (pupilTable) return describe(`${pupilTable.rows} rows of pupil data`, 'medium');
  return undefined;
}

// ---------------------------------------------------------------------------
// Tables, column by column

/** Rows read to judge a column: a list shows its kind in its first rows. */
const SAMPLE_ROWS = 60;
const DELIMITERS = ['\t', ',', ';', '|'];
const PHONE_RE = /(?:^|[^0-9])(?:0|\+44\s?)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![0-9])/;
const LOOKS_LIKE_DATA = /\d{3}|@|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/;

interface Grid {
  /** The first row's cells, lower-cased and trimmed. */
  readonly header: readonly string[];
  /** Whether the first row holds data rather than headings (a list exported without its header row). */
  readonly headerIsData: boolean;
  /** The rows after the header, as read (at most SAMPLE_ROWS). */
  readonly rows: readonly (readonly string[])[];
  readonly rowCount: number;
  /** Where the table lies in the text. */
  readonly start: number;
  readonly end: number;
}

/** One delimited line's cells, with "quoted, fields" kept whole. */
function splitRow(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/**
 * The first table in the text: a run of at least BULK_MIN + 1 lines (a
 * heading row and rows; blank lines between them allowed) that split by the
 * same delimiter into the same number of cells, two or more. Tabs are tried
 * first: an HTML table reads as tab-separated cells, and its addresses hold
 * commas. A greeting ("Hi Gareth, here's the list:") or prose with commas is
 * not a table row unless its neighbours split the same way.
 */
function readTable(text: string): Grid | undefined {
  // One pass over the characters: each non-blank line's span and, per
  // delimiter (DELIMITERS order), how many cells it splits into outside
  // quotes. Cells are made only for the table's own lines, at the end.
  const n = Math.min(text.length, TABLE_HEAD);
  const lines: Line[] = [];
  for (let start = 0; start < n;) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > n) end = n;
    let i = start;
    while (i < end && isTrimSpace(text.charCodeAt(i))) i++;
    if (i < end) {
      let tabs = 1;
      let commas = 1;
      let semicolons = 1;
      let bars = 1;
      let quoted = false;
      for (; i < end; i++) {
        switch (text.charCodeAt(i)) {
          case 34: quoted = !quoted; break;
          case 9: if (!quoted) tabs++; break;
          case 44: if (!quoted) commas++; break;
          case 59: if (!quoted) semicolons++; break;
          case 124: if (!quoted) bars++; break;
          default:
        }
      }
      lines.push({ start, end: text.charCodeAt(end - 1) === 13 ? end - 1 : end, cells: [tabs, commas, semicolons, bars] });
    }
    start = end + 1;
  }
  for (let d = 0; d < DELIMITERS.length; d++) {
    let runStart = 0;
    let width = 0;
    for (let i = 0; i <= lines.length; i++) {
      const cells = lines[i]?.cells[d] ?? 0;
      if (i < lines.length && cells === width && width >= 2) continue;
      if (i - runStart >= BULK_MIN + 1) return grid(text, lines.slice(runStart, i), DELIMITERS[d] ?? ',');
      runStart = i;
      const line = lines[i];
      // A heading row needs two filled cells: "Hi," is not one.
      width = line && cells >= 2 && splitRow(text.slice(line.start, line.end), DELIMITERS[d] ?? ',').filter((c) => c.length > 0).length >= 2 ? cells : 0;
    }
  }
  return undefined;
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** Cells per delimiter, in DELIMITERS order. */
  readonly cells: readonly number[];
}

function grid(text: string, lines: readonly Line[], delimiter: string): Grid {
  const row = (l: Line | undefined): string[] => (l ? splitRow(text.slice(l.start, l.end), delimiter) : []);
  const header = row(lines[0]);
  return {
    header: header.map((c) => c.toLowerCase()),
    headerIsData: header.some((c) => LOOKS_LIKE_DATA.test(c)),
    rows: lines.slice(1, SAMPLE_ROWS + 1).map(row),
    rowCount: lines.length - 1,
    start: lines[0]?.start ?? 0,
    end: lines[lines.length - 1]?.end ?? 0,
  };
}

/**
 * A value that is personal data on its own: an identifier that passes its
 * checksum, an e-mail address, a postcode, a phone number, or a context term
 * ("SEMH", "EHCP", "asthma", "CP plan") that is not just part of a name in
 * title case ("Mental Health Champion" is an award).
 */
function isSensitiveValue(cell: string): boolean {
  if (cell.length === 0) return false;
  if (/[0-9@]/.test(cell) && (EMAIL_RE.test(cell) || POSTCODE_RE.test(cell) || PHONE_RE.test(cell) || scanIdentifiers(cell).length > 0)) return true;
  const found = findContext(cell, cell.toLowerCase());
  if (found.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const m of found) {
    rest += ` ${cell.slice(at, m.start)}`;
    at = m.end;
  }
  const others = `${rest} ${cell.slice(at)}`.split(/[^A-Za-z0-9\u00c0-\u024f']+/).filter((w) => w.length > 0);
  const titleCase = others.length > 0 && others.every((w) => /^[A-Z0-9]/.test(w) || /^(?:of|and|in|for|the|on|with|to|a|at)$/.test(w));
  return !titleCase;
}

/** The headings (or column numbers) of the columns holding personal data. */
function sensitiveColumns(grid: Grid): string[] {
  const out: string[] = [];
  const rows = grid.headerIsData ? [grid.header, ...grid.rows] : grid.rows;
  grid.header.forEach((heading, c) => {
    const name = grid.headerIsData ? `column ${c + 1}` : heading;
    if (!grid.headerIsData && (SENSITIVE_HEADINGS.test(heading) || isSensitiveValue(heading))) {
      out.push(name);
      return;
    }
    // Dates count under a date-of-birth heading, or in a list without headings; an award's or a trip's date does not.
    const datesCount = grid.headerIsData || DOB_HEADING.test(heading);
    if (rows.some((r) => {
      const cell = r[c] ?? '';
      return isSensitiveValue(cell) || (datesCount && ONE_DATE_RE.test(cell));
    })) out.push(name);
  });
  return out;
}
