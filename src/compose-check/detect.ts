// "Appears to contain sensitive pupil data" (issue #2), modelled on Purview's
// sensitive information types: a primary pattern, a checksum, supporting
// keywords within about 300 characters, and a confidence level.
//
// Each location (subject, body, each part of an attachment: a sheet, a
// document's body, its headers) is read once by each detector: identifiers (identifier-scan.ts), roster pupils (roster.ts),
// context near them (context.ts, within the pupil's section and outside
// boilerplate, sections.ts), and lists (bulk.ts). Regular expressions run only
// over whole texts, never per pupil, so a 2,000-pupil roster costs one Map
// lookup per word.
import type { AttachmentNote, Draft, Finding, FindingLocation } from './types';
import type { ResolvedSettings } from './settings';
import { bodyText, cleanText, cleanTextMapped } from './normalise';
import { readAttachments } from './attachments';
import { findIdentifiers } from './identifier-scan';
import { initials, pupilIndex, scanPupils } from './roster';
import type { PupilIndex, PupilMatch, ScanOptions } from './roster';
import { contextCandidates } from './context';
import { sectionStarts, withoutBoilerplate } from './sections';
import { bulkFinding, pairedPupils, tableShape } from './bulk';
import type { TableShape } from './bulk';
import { PROXIMITY, lineStart, lowerBound } from './text-scan';

export { PROXIMITY } from './text-scan';
export { scanIdentifiers } from './identifier-scan';
export { pupilIndex, scanPupils } from './roster';

/** Individual findings reported per location; a bulk finding covers the rest. */
const MAX_FINDINGS_PER_LOCATION = 10;

/**
 * Where context can count: within PROXIMITY of a pupil's name (nearest() looks
 * no further), merged into sorted, disjoint ranges.
 */
function contextWindows(pupils: readonly PupilMatch[], length: number): [number, number][] {
  const out: [number, number][] = [];
  for (const p of pupils) {
    const from = Math.max(0, p.pos - PROXIMITY);
    const to = Math.min(length, p.pos + PROXIMITY + 1);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * The context position nearest `pos` (within PROXIMITY and [from, to)) that
 * `counts`, trying the nearer ones first; ties go to the earlier position.
 */
function nearestCounting(xs: readonly number[], pos: number, from: number, to: number, counts: (at: number) => boolean): number | undefined {
  const lo = lowerBound(xs, Math.max(pos - PROXIMITY, from));
  const hi = lowerBound(xs, Math.min(pos + PROXIMITY, to - 1) + 1);
  let before = lowerBound(xs, pos) - 1;
  let after = before + 1;
  while (before >= lo || after < hi) {
    const b = before >= lo ? xs[before] ?? -Infinity : -Infinity;
    const a = after < hi ? xs[after] ?? Infinity : Infinity;
    const at = pos - b <= a - pos ? b : a;
    if (at === b) before--;
    else after++;
    if (counts(at)) return at;
  }
  return undefined;
}

interface Source {
  readonly location: FindingLocation;
  readonly text: string;
  /** How roster names are read here (a file name's are read loosely). */
  readonly names?: ScanOptions;
  /** How evidence names the place: "in body", "in pupils.xlsx, sheet Year 9". */
  readonly where: string;
  /** The finer place of a position in `text`: "cell B14", "page 2". */
  readonly locate?: (offset: number) => string | undefined;
  /**
   * Each line is one record (a spreadsheet's row): context counts only on the
   * pupil's own row, not in the next pupil's notes or in a column heading.
   */
  readonly rows?: boolean;
  /** The pupil the draft is addressed to: "you" and "your" in this text name them. */
  readonly reader?: number;
}

function scanSource(source: Source, settings: ResolvedSettings, index: PupilIndex, rosterPupils: (upn: string) => readonly number[]): Finding[] {
  const { text, location, where, locate, rows } = source;
  if (text.length === 0) return [];
  const lower = text.toLowerCase();
  const whereAt = (pos: number): string => {
    const place = locate?.(pos);
    return place ? `${where}, ${place}` : where;
  };
  let tableMemo: TableShape | undefined | null = null;
  const table = (): TableShape | undefined => (tableMemo === null ? (tableMemo = tableShape(text)) : tableMemo);

  const ids = findIdentifiers(text, lower, rosterPupils, () => table()?.header, location, whereAt);

  // Roster pupils near special-category or safeguarding words.
  const pupilMatches = source.reader === undefined ? scanPupils(text, lower, index, source.names)
    : withReader(scanPupils(text, lower, index, source.names), lower, source.reader);
  const contextFindings: Finding[] = [];
  const pupilsSeen = new Set<number>();
  if (pupilMatches.length > 0) {
    const found = contextCandidates(text, lower, contextWindows(pupilMatches, text.length), { readerIsPupil: source.reader !== undefined });
    const byStart = new Map(found.matches.map((c) => [c.start, c]));
    const context = withoutBoilerplate(text, lower, pupilMatches.map((p) => p.pos), found.matches.map((c) => c.start));
    const verdicts = new Map<number, boolean>();
    const counts = (at: number): boolean => {
      let v = verdicts.get(at);
      if (v === undefined) verdicts.set(at, (v = found.counts(byStart.get(at) ?? { start: at, end: at })));
      return v;
    };
    const reported = new Set<number>();
    const sections = context.length > 0 ? sectionStarts(text) : [];
    for (const m of pupilMatches) {
      pupilsSeen.add(m.pupil);
      if (reported.has(m.pupil)) continue;
      const s = lowerBound(sections, m.pos + 1) - 1;
      const rowEnd = rows ? text.indexOf('\n', m.pos) : -1;
      const at = rows
        ? nearestCounting(context, m.pos, lineStart(text, m.pos), rowEnd < 0 ? text.length : rowEnd, counts)
        : nearestCounting(context, m.pos, sections[s] ?? 0, sections[s + 1] ?? Infinity, counts);
      if (at === undefined) continue;
      reported.add(m.pupil);
      const word = text.slice(at, byStart.get(at)?.end ?? at);
      const name = settings.pupils[m.pupil]?.name ?? '';
      contextFindings.push({
        kind: 'pupil-in-sensitive-context',
        confidence: Math.abs(at - m.pos) <= PROXIMITY / 3 ? 'high' : 'medium',
        location,
        evidence: `pupil ${initials(name)} near "${word}" ${whereAt(m.pos)}`,
        pupils: [m.pupil],
      });
    }
  }

  // Bulk: a list of identifiers, or of pupils with their personal data.
  const paired = (skip?: readonly [number, number]): number => pairedPupils(text, pupilMatches, ids.positions, skip);
  const pupilsWithin = (start: number, end: number): number => {
    const inside = new Set<number>();
    for (const m of pupilMatches) if (m.pos >= start && m.pos < end) inside.add(m.pupil);
    return inside.size;
  };
  const found = bulkFinding(text, lower, table, ids.values.size, pupilsSeen.size, paired, location, where, pupilsWithin);
  // A list is about every roster pupil in it, by name or by UPN.
  const bulk = found ? { ...found, pupils: [...new Set([...pupilsSeen, ...ids.pupils])].sort((a, b) => a - b) } : undefined;
  const individual = [...ids.findings, ...contextFindings];
  return bulk ? [bulk, ...individual.slice(0, MAX_FINDINGS_PER_LOCATION)] : individual.slice(0, MAX_FINDINGS_PER_LOCATION);
}

const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/g;

/** The names found, and each "you" or "your" as the pupil the draft is addressed to, in order. */
function withReader(names: readonly PupilMatch[], lower: string, pupil: number): PupilMatch[] {
  const you: PupilMatch[] = [];
  SECOND_PERSON.lastIndex = 0;
  for (let m = SECOND_PERSON.exec(lower); m; m = SECOND_PERSON.exec(lower)) you.push({ pupil, pos: m.index, end: m.index + m[0].length });
  return [...names, ...you].sort((a, b) => a.pos - b.pos);
}

// ---------------------------------------------------------------------------

/**
 * An attachment's file name as words: "Amelia_Smith-EHCP.review.docx" and
 * "AmeliaSmithEHCP.pdf" both read "Amelia Smith EHCP review".
 */
export function fileNameText(name: string): string {
  return cleanText(name.replace(/\.[A-Za-z0-9]{1,5}$/, ''))
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.+\-\s]+/g, ' ')
    .trim();
}

/**
 * Forenames that name one pupil on their own in this draft: the pupil's full
 * name is in an attachment's file name ("Amelia_Smith_review.docx"), or the
 * draft is addressed to the pupil's own address, so the message's "Amelia's
 * diagnosis" or "Hi Amelia" is about that pupil. A forename two such pupils
 * share names neither.
 */
function knownForenames(fileNames: readonly string[], reader: number | undefined, settings: ResolvedSettings, index: PupilIndex): Map<string, number> {
  const byForename = new Map<string, number | null>();
  const known = (i: number): void => {
    const pupil = settings.pupils[i];
    for (const full of [pupil?.name, pupil?.preferredName]) {
      const forename = full ? cleanText(full).toLowerCase().split(/[\s-]+/)[0] : undefined;
      if (!forename) continue;
      const seen = byForename.get(forename);
      byForename.set(forename, seen === undefined || seen === i ? i : null);
    }
  };
  for (const name of fileNames) {
    const text = fileNameText(name);
    for (const m of scanPupils(text, text.toLowerCase(), index, { loose: true })) known(m.pupil);
  }
  if (reader !== undefined) known(reader);
  const out = new Map<string, number>();
  for (const [forename, pupil] of byForename) if (pupil !== null && pupil !== undefined) out.set(forename, pupil);
  return out;
}

export interface DraftScan {
  readonly findings: Finding[];
  /** Attachments that are protected or were not (fully) checked. */
  readonly attachments: AttachmentNote[];
}

export interface DraftScanOptions {
  /** The host's clock in milliseconds: with it, reading attachments has a time limit (attachments.ts). */
  readonly clock?: () => number;
  /** A UPN's pupils beyond the clear roster (Outlook's record keeps UPNs only as fingerprints). */
  readonly pupilsWithUpn?: (upn: string) => readonly number[];
  /**
   * The one roster pupil the draft is addressed to, at their own address (in To):
   * their forename names them, and "you" and "your" in the subject and body are them.
   */
  readonly reader?: number;
}

/** An attachment's part as a source: cleaned as the body is, with its places kept through the cleaning. */
function partSource(name: string, label: string, raw: string, locate: ((offset: number) => string | undefined) | undefined, names: ScanOptions | undefined): Source {
  const { text, origin } = cleanTextMapped(raw);
  return {
    location: `attachment:${name}`, text, ...(names ? { names } : {}),
    where: `in ${label ? `${name}, ${label}` : name}`,
    // "sheet Year 9", or "reports/pupils.xlsx, sheet Year 9" inside a .zip: the readers' label for a spreadsheet's part.
    ...(/(?:^|, )sheet /.test(label) ? { rows: true } : {}),
    ...(locate ? { locate: origin ? (offset: number) => locate(origin(offset)) : locate } : {}),
  };
}

/**
 * Every sensitive-data finding in the subject, body, attachments (each part
 * of each, as the readers give them) and attachments' names, in a stable
 * order, each naming the roster pupils it is about where it can; and a note
 * for each attachment that is protected or not checked.
 */
export function scanDraft(draft: Draft, settings: ResolvedSettings, options: DraftScanOptions = {}): DraftScan {
  const { pupilsWithUpn } = options;
  const index = pupilIndex(settings.pupils);
  const rosterPupils = (upn: string): readonly number[] => {
    const clear = index.upns.get(upn);
    const more = pupilsWithUpn ? pupilsWithUpn(upn) : [];
    return clear === undefined ? more : more.indexOf(clear) >= 0 ? more : [clear, ...more];
  };
  const { reader } = options;
  const forenames = draft.attachments.length > 0 || reader !== undefined
    ? knownForenames(draft.attachments.map((a) => a.name), reader, settings, index) : undefined;
  const names: ScanOptions | undefined = forenames && forenames.size > 0 ? { knownForenames: forenames } : undefined;
  const own = { ...(names ? { names } : {}), ...(reader !== undefined ? { reader } : {}) };
  const sources: Source[] = [
    { location: 'subject', where: 'in subject', text: cleanText(draft.subject), ...own },
    { location: 'body', where: 'in body', text: bodyText(draft.body.kind, draft.body.content), ...own },
  ];
  const attachments: AttachmentNote[] = [];
  const read = draft.attachments.length > 0 ? readAttachments(draft.attachments, options.clock) : [];
  draft.attachments.forEach((a, i) => {
    const { parts, notes } = read[i] ?? { parts: [], notes: [] };
    for (const p of parts) sources.push(partSource(a.name, p.label, p.text, p.locate, names));
    attachments.push(...notes);
    sources.push({ location: `attachment:${a.name}`, where: `in the name of ${a.name}`, text: fileNameText(a.name), names: { loose: true } });
  });
  const findings: Finding[] = [];
  for (const s of sources) findings.push(...scanSource(s, settings, index, rosterPupils));
  return { findings, attachments };
}

/** The findings of scanDraft(), without the attachment notes. */
export function findSensitiveData(draft: Draft, settings: ResolvedSettings, options?: DraftScanOptions): Finding[] {
  return scanDraft(draft, settings, options).findings;
}
