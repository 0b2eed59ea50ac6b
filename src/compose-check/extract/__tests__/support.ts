// Test helpers: the committed fixture files, small hand-built OOXML packages
// (fflate's zipSync, as a writer other than Office would) and hand-built PDFs
// with correct cross-reference offsets.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zlibSync, zipSync, type Zippable } from 'fflate';
import { expect } from 'vitest';
import { extractAttachment } from '../index';
import type { ExtractedPart, ExtractedText, Extraction, ExtractLimits } from '../types';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(FIXTURES + name));

export function extract(name: string, bytes: Uint8Array = fixture(name), limits?: Partial<ExtractLimits>, now?: () => number): Extraction {
  return extractAttachment({ name, bytes }, limits, now);
}

/** A result in one short line, so a failing limit test does not print megabytes of text. */
export function outcome(result: Extraction): string {
  if (result.kind !== 'text') return `${result.kind}: ${result.why}`;
  const chars = result.parts.reduce((s, p) => s + p.text.length, 0);
  return `text: ${result.parts.length} parts, ${chars} characters${result.incomplete ? `, incomplete: ${result.incomplete}` : ''}`;
}

/**
 * A zip written by hand around raw deflate data from node's zlib (much faster
 * than fflate's compressor for bombs of tens of MB): `size` is what the
 * headers declare; the CRC is left 0 (the readers do not check it).
 */
export function rawZip(entries: readonly { name: string; data: Uint8Array; size: number; method?: number; flags?: number }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, e.flags ?? 0, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, e.flags ?? 0, true);
    cv.setUint16(10, e.method ?? 8, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return bytesOf(...locals, ...centrals, end);
}

/** Text that compresses as prose does (about 3:1), from a fixed seed. */
export function prose(chars: number, seed = 1): string {
  const words = ['Emily', 'Bennett', 'review', 'school', 'term', 'pupils', 'support', 'reading', 'maths', 'Tuesday', 'meeting', 'the', 'and', 'of',
    'progress', 'homework', 'trip', 'letter', 'parents', 'attendance', 'lunch', 'football', 'library', 'science', 'history', 'Oliver', 'Hughes'];
  let x = seed;
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const w = `${words[x % words.length] ?? 'x'}${x % 7 === 0 ? `${x % 1000}` : ''}${x % 11 === 0 ? '.\n' : ' '}`;
    out.push(w);
    n += w.length;
  }
  return out.join('').slice(0, chars);
}

/** The result as text, or a failed expectation naming what came back instead. */
export function text(result: Extraction): ExtractedText {
  if (result.kind !== 'text') expect.fail(`expected text, got ${result.kind}: ${result.why}`);
  return result;
}

export function part(result: Extraction, label: string): ExtractedPart {
  const found = text(result).parts.find((p) => p.label === label);
  if (!found) expect.fail(`no part "${label}" in ${text(result).parts.map((p) => `"${p.label}"`).join(', ')}`);
  return found;
}

/** Where `needle` starts in the part, as the part locates it. */
export function whereIs(p: ExtractedPart, needle: string): string | undefined {
  const at = p.text.indexOf(needle);
  if (at < 0) expect.fail(`"${needle}" not in part "${p.label}": ${JSON.stringify(p.text.slice(0, 300))}`);
  return p.locate?.(at);
}

/** A zip of the given entries (strings as UTF-8). */
export function zip(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  return zipSync(entries);
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal .xlsx: sheets given as sheetData XML, optional shared strings and styles. */
export function xlsx(sheets: Record<string, string>, extra: { shared?: string; styles?: string; workbookPr?: string; prefix?: string } = {}): Uint8Array {
  const p = extra.prefix ? `${extra.prefix}:` : '';
  const ns = extra.prefix ? `xmlns:${extra.prefix}` : 'xmlns';
  const names = Object.keys(sheets);
  const files: Record<string, string> = {
    '[Content_Types].xml': CT,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${extra.workbookPr ?? ''}<${p}sheets>${names
      .map((n, i) => `<${p}sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}` +
      `<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  };
  names.forEach((n, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${sheets[n]}</${p}sheetData></${p}worksheet>`;
  });
  if (extra.shared) files['xl/sharedStrings.xml'] = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.shared}</sst>`;
  if (extra.styles) files['xl/styles.xml'] = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.styles}</styleSheet>`;
  return zip(files);
}

/** A minimal .docx whose body is the given WordprocessingML; headers as extra parts. */
export function docx(body: string, parts: { headers?: string[] } = {}): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  const files: Record<string, string> = {
    '[Content_Types].xml': CT,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${(parts.headers ?? [])
      .map((_, i) => `<Relationship Id="rH${i}" Type="${REL}/header" Target="header${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  (parts.headers ?? []).forEach((h, i) => {
    files[`word/header${i + 1}.xml`] = `<w:hdr ${W}>${h}</w:hdr>`;
  });
  return zip(files);
}

export const wp = (...runs: string[]): string => `<w:p>${runs.map((r) => `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`).join('')}</w:p>`;

// ---------------------------------------------------------------------------
// PDFs

export interface PdfObject {
  /** The object's body, e.g. "<< /Type /Catalog /Pages 2 0 R >>". */
  readonly body: string;
  /** Stream data, written after the body with a correct /Length. */
  readonly stream?: Uint8Array | string;
}

export const latin1Bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** Concatenates byte arrays. */
export function bytesOf(...parts: (Uint8Array | string)[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? latin1Bytes(p) : p));
  const out = new Uint8Array(arrays.reduce((s, a) => s + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/**
 * A PDF of objects 1..n (object 1 must be the catalog) with a correct
 * cross-reference table, or none (`xref: false`) or a wrong startxref
 * (`xref: 'wrong'`).
 */
export function buildPdf(objects: readonly PdfObject[], options: { xref?: boolean | 'wrong'; trailer?: string } = {}): Uint8Array {
  const chunks: Uint8Array[] = [latin1Bytes('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')];
  let size = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(size);
    const data = o.stream === undefined ? undefined : typeof o.stream === 'string' ? latin1Bytes(o.stream) : o.stream;
    const body = data ? o.body.replace(/>>\s*$/, ` /Length ${data.length} >>`) : o.body;
    const chunk = data ? bytesOf(`${i + 1} 0 obj\n${body}\nstream\n`, data, '\nendstream\nendobj\n') : latin1Bytes(`${i + 1} 0 obj\n${body}\nendobj\n`);
    chunks.push(chunk);
    size += chunk.length;
  });
  const xrefAt = size;
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${options.trailer ?? ''}>>\n`;
  if (options.xref !== false) {
    const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    chunks.push(latin1Bytes(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}${trailer}startxref\n${options.xref === 'wrong' ? xrefAt + 17 : xrefAt}\n%%EOF\n`));
  } else {
    chunks.push(latin1Bytes(`${trailer}%%EOF\n`));
  }
  return bytesOf(...chunks);
}

/** Flate-compressed stream data (zlib, as FlateDecode expects). */
export const flate = (data: string | Uint8Array): Uint8Array => zlibSync(typeof data === 'string' ? latin1Bytes(data) : data);

/** A one-page PDF showing `content` with the given font objects (F1 = object 4 onwards). */
export function onePagePdf(content: string | Uint8Array, fonts: readonly PdfObject[], options: { filter?: string; extra?: readonly PdfObject[] } = {}): Uint8Array {
  const fontRefs = fonts.map((_, i) => `/F${i + 1} ${4 + i} 0 R`).join(' ');
  return buildPdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontRefs} >> >> /Contents ${4 + fonts.length} 0 R >>` },
    ...fonts,
    { body: options.filter ? `<< /Filter /${options.filter} >>` : '<< >>', stream: content },
    ...(options.extra ?? []),
  ]);
}

/** A Helvetica font object with WinAnsi encoding and no widths, as simple PDF writers emit. */
export const HELVETICA: PdfObject = { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>' };
