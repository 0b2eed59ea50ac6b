// Attachment readers (issue 12, item 1): an attachment's bytes to the text
// the engine scans, with where each part came from. Pure: no DOM, network,
// clock (time limits use the caller's `now`), Intl or TextDecoder assumption;
// ES2017, as launchevent.js runs in classic Outlook. Never throws: damage,
// protection and limits all come back as a result with a reason.
//
// The format is decided by the bytes first (a .xlsx that is really a PDF is
// read as a PDF) and by the name where the bytes allow several (OOXML's kind,
// text formats).
import { Budget, DEFAULT_LIMITS, Protected, Stop, Unreadable, formatMB } from './budget';
import { cfbKind, cfbNames, isCfb } from './cfb';
import { readDocx } from './docx';
import { odfEncrypted, odfKind, readOdf } from './odf';
import { mainPart } from './ooxml';
import { Output, TextLimit } from './output';
import { isPdf, readPdf } from './pdf/index';
import { looksLikeHtml, looksLikeText, readPlain } from './plain';
import { readPptx } from './pptx';
import { decodeText } from './text-decode';
import type { ExtractLimits, Extraction, SkippedEntry } from './types';
import { readXlsx } from './xlsx';
import { ZipArchive, isZip } from './zip';

export type { Extraction, ExtractedPart, ExtractedText, ExtractLimits, SkippedEntry } from './types';
export { DEFAULT_LIMITS } from './budget';
export { decodeText } from './text-decode';

export interface AttachmentInput {
  readonly name: string;
  readonly contentType?: string;
  readonly bytes: Uint8Array;
}

/** A format that holds no text we read; the host decides whether to mention it. */
class Unsupported {
  constructor(readonly why: string) {}
}

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt', 'text', 'md', 'log', 'json', 'xml', 'vcf', 'ics', 'eml']);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'mht', 'mhtml']);
const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm']);
const DOCX_EXTENSIONS = new Set(['docx', 'docm', 'dotx', 'dotm']);
const PPTX_EXTENSIONS = new Set(['pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm']);
const ODF_EXTENSIONS = new Set(['odt', 'ods', 'odp', 'ott', 'ots', 'otp']);
const MEDIA = /^(?:png|jpe?g|gif|bmp|tiff?|heic|heif|webp|svg|ico|emf|wmf|mp3|mp4|m4a|wav|mov|avi|wmv|ogg|webm|aac|flac)$/;

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/**
 * How a text the host gave for an attachment (not its bytes) is read, from its
 * name and type: as text, as HTML, or not at all (a PDF's "text" from a host
 * is not trusted to be the PDF's).
 */
export function hostTextKind(name: string, contentType?: string): 'text' | 'html' | undefined {
  const ext = extensionOf(name);
  const type = (contentType ?? '').toLowerCase();
  if (type === 'text/html' || HTML_EXTENSIONS.has(ext)) return 'html';
  return type.startsWith('text/') || type === 'message/rfc822' || TEXT_EXTENSIONS.has(ext) ? 'text' : undefined;
}

/** What a password-protected OOXML file is called, from its extension. */
const officeNoun = (ext: string): string =>
  XLSX_EXTENSIONS.has(ext) || ext === 'xls' || ext === 'xlsb' ? 'workbook' : DOCX_EXTENSIONS.has(ext) || ext === 'doc' ? 'document' : PPTX_EXTENSIONS.has(ext) || ext === 'ppt' ? 'presentation' : 'Office file';

/**
 * Reads one attachment. `limits` override DEFAULT_LIMITS; `now` (milliseconds,
 * any origin) enables the time limit.
 */
export function extractAttachment(input: AttachmentInput, limits?: Partial<ExtractLimits>, now?: () => number): Extraction {
  const full: ExtractLimits = { ...DEFAULT_LIMITS, ...limits };
  const budget = new Budget(full, now);
  const out = new Output(full.maxTextChars);
  try {
    if (input.bytes.length > full.maxBytes) return { kind: 'unreadable', why: `over the ${formatMB(full.maxBytes)} limit` };
    const skipped = read(input, out, budget, 0);
    return { kind: 'text', parts: out.build(), ...(skipped.length > 0 ? { skipped } : {}) };
  } catch (error) {
    if (error instanceof TextLimit) return { kind: 'text', parts: out.build(), incomplete: error.why };
    return failure(error, input.name);
  }
}

function failure(error: unknown, name: string): Exclude<Extraction, { kind: 'text' }> {
  if (error instanceof Protected) return { kind: 'protected', why: error.why };
  if (error instanceof Stop || error instanceof Unreadable) return { kind: 'unreadable', why: error.why };
  if (error instanceof Unsupported) return { kind: 'unsupported', why: error.why };
  // Anything else is a damaged file that got past a check; the reason stays plain for the user.
  const ext = extensionOf(name);
  return { kind: 'unreadable', why: ext ? `a damaged or invalid .${ext} file` : 'a damaged or invalid file' };
}

/** Reads into `out`; returns the entries of a .zip that were not read. Throws the signals above. */
function read(input: AttachmentInput, out: Output, budget: Budget, depth: number): SkippedEntry[] {
  const { bytes } = input;
  const ext = extensionOf(input.name);
  const type = (input.contentType ?? '').toLowerCase();
  if (isPdf(bytes)) {
    readPdf(bytes, out, budget);
    return [];
  }
  if (isCfb(bytes)) {
    const kind = cfbKind(cfbNames(bytes, budget));
    if (kind === 'encrypted-ooxml') throw new Protected(`password-protected ${officeNoun(ext)}`);
    if (kind === 'msg') throw new Unreadable('an Outlook message (.msg), not checked');
    throw new Unreadable(`older Office format (.${kind === 'other' ? ext || 'doc' : kind}), not checked`);
  }
  if (isZip(bytes)) return readZip(input, ext, out, budget, depth);
  if (ext === 'pdf' || type === 'application/pdf') throw new Unreadable('not a valid PDF');
  if (XLSX_EXTENSIONS.has(ext) || DOCX_EXTENSIONS.has(ext) || PPTX_EXTENSIONS.has(ext) || ODF_EXTENSIONS.has(ext)) {
    throw new Unreadable(`not a valid .${ext} file`);
  }
  if (ext === 'xlsb') throw new Unreadable('Excel binary workbook (.xlsb), not checked');
  if (MEDIA.test(ext) || /^(?:image|audio|video)\//.test(type)) {
    throw new Unsupported(/^(?:mp3|m4a|wav|ogg|aac|flac)$/.test(ext) || type.startsWith('audio/') ? 'audio' : /^(?:mp4|mov|avi|wmv|webm)$/.test(ext) || type.startsWith('video/') ? 'video' : 'an image');
  }
  if (TEXT_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || type.startsWith('text/') || looksLikeText(bytes)) {
    const html = HTML_EXTENSIONS.has(ext) || type === 'text/html' || (!TEXT_EXTENSIONS.has(ext) && looksLikeHtml(decodeText(bytes.subarray(0, 1024))));
    readPlain(bytes, html, out);
    return [];
  }
  throw new Unsupported(ext ? `a file type that is not checked (.${ext})` : 'a file type that is not checked');
}

function readZip(input: AttachmentInput, ext: string, out: Output, budget: Budget, depth: number): SkippedEntry[] {
  const zip = ZipArchive.open(input.bytes, budget);
  const odf = odfKind(zip);
  if (odf) {
    if (odfEncrypted(zip)) throw new Protected(`password-protected ${odf === 'spreadsheet' ? 'spreadsheet' : odf === 'text' ? 'document' : 'presentation'}`);
    readOdf(zip, odf, out, budget);
    return [];
  }
  if (zip.get('[Content_Types].xml')) {
    if (zip.entries.some((e) => e.encrypted)) throw new Protected(`password-protected ${officeNoun(ext)}`);
    // The main part says what the package is (a .docx renamed .xlsx is still a document); then the name; then the folders.
    const main = mainPart(zip, '', budget).toLowerCase();
    const has = (folder: string): boolean => zip.entries.some((e) => e.name.startsWith(folder));
    const kind = /workbook\.xml$/.test(main) ? 'xlsx' : /document\.xml$/.test(main) ? 'docx' : /presentation\.xml$/.test(main) ? 'pptx'
      : XLSX_EXTENSIONS.has(ext) ? 'xlsx' : DOCX_EXTENSIONS.has(ext) ? 'docx' : PPTX_EXTENSIONS.has(ext) ? 'pptx'
        : has('xl/') ? 'xlsx' : has('word/') ? 'docx' : has('ppt/') ? 'pptx' : undefined;
    if (kind === 'xlsx') readXlsx(zip, out, budget);
    else if (kind === 'docx') readDocx(zip, out, budget);
    else if (kind === 'pptx') readPptx(zip, out, budget);
    else throw new Unsupported('an Office file of a kind that is not checked');
    return [];
  }
  if (XLSX_EXTENSIONS.has(ext) || DOCX_EXTENSIONS.has(ext) || PPTX_EXTENSIONS.has(ext) || ODF_EXTENSIONS.has(ext)) {
    throw new Unreadable(`not a valid .${ext} file`);
  }
  if (depth > 0) throw new Unsupported('a zip inside a zip, not opened');
  return readArchive(zip, out, budget);
}

/** Files a system adds to archives, which hold nothing anyone wrote. */
const JUNK = /(?:^|\/)(?:__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

/** A .zip attachment: each file read by its own format, one level deep. */
function readArchive(zip: ZipArchive, out: Output, budget: Budget): SkippedEntry[] {
  const files = zip.entries.filter((e) => !e.isDirectory && !JUNK.test(e.name));
  if (files.length === 0) throw new Unreadable('an empty zip file');
  if (files.every((e) => e.encrypted)) throw new Protected('password-protected zip');
  const skipped: SkippedEntry[] = [];
  for (const entry of files) {
    if (entry.encrypted) {
      skipped.push({ name: entry.name, kind: 'protected', why: 'password-protected' });
      continue;
    }
    try {
      const bytes = zip.read(entry);
      const inner = read({ name: entry.name, bytes }, out.within(entry.name), budget, 1);
      skipped.push(...inner);
    } catch (error) {
      // Limits and the text limit stop the whole attachment; anything else is this entry's alone.
      if (error instanceof Stop || error instanceof TextLimit) throw error;
      const result = failure(error, entry.name);
      skipped.push({ name: entry.name, kind: result.kind, why: result.why });
    }
  }
  return skipped;
}
