// Attachment readers (issue 12, "Measured"): median time to read a ~2 MB
// .xlsx of 2,000 rows, a 40-page .docx and a 40-page PDF (and the same at
// twice the size, for linearity), in this process (TextDecoder present) and
// in the built bundle in a bare node:vm context as Outlook runs it (no
// TextDecoder, no Intl), with the engine's scan of the text beside it; how
// fast a 10 MB zip bomb and 5 MB adversarial PDFs stop. launchevent.js's
// size, readers and all, is the sizes section's. Inputs are generated here, in
// memory (a LibreOffice-made PDF too when soffice is installed), never committed.
// Run alone with `npx tsx test/bench/sections/attachments-speed.ts`.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createContext, Script } from 'node:vm';
import { constants, deflateRawSync, deflateSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { build } from 'vite';
import { checkDraft, extractAttachment, type Extraction } from '../../../src/compose-check/index';
import { uln } from '../../fixtures/corpus/ids';
import { LAUNCHEVENT_CONFIG } from '../../outlook/build-launchevent';
import { medianMs, roster, schoolSettings } from '../support';
import { formatNumber, printTable, verdict } from '../table';

const MB = 1024 * 1024;
const KB = 1024;
const NOW = new Date('2026-02-10T10:30:00Z');
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// ---------------------------------------------------------------------------
// Inputs

/** Deterministic words for free-text columns and paragraphs. */
function words(count: number, seed: number): string {
  const vocabulary = ['review', 'meeting', 'progress', 'reading', 'maths', 'support', 'homework', 'attendance', 'parents', 'evening', 'target',
    'phonics', 'spelling', 'behaviour', 'report', 'science', 'history', 'music', 'football', 'club', 'lunch', 'library', 'trip', 'museum',
    'term', 'week', 'morning', 'afternoon', 'group', 'teacher', 'assistant', 'plan', 'goal', 'confident', 'improving', 'settled', 'kind'];
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length] ?? 'x');
    if (x % 13 === 0) out.push(String(x % 997));
  }
  return out.join(' ');
}

const noise = (seed: number): number => ((seed * 2654435761) >>> 0) % 1000003;

/** Text that compresses as typed notes do (about 2:1): letters and spaces from a seed. */
function letters(count: number, seed: number): string {
  let x = seed + 1;
  let out = '';
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += x % 6 === 0 ? ' ' : String.fromCharCode(97 + ((x >> 8) % 26));
  }
  return out;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function zipOf(files: Record<string, string>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(files)) entries[name] = [strToU8(text), { level: 6 }];
  return zipSync(entries);
}

/**
 * An MIS export as Excel writes it: a pupil per row, 80 columns (identifiers,
 * contacts, assessment grades, free-text notes), every cell with its
 * reference and style, text in shared strings, ULNs as numbers and dates of
 * birth as dates, two columns of typed comments. 2,000 rows come to about 2 MB.
 */
export function workbook(rows: number): Uint8Array {
  const pupils = roster(2000);
  const shared: string[] = [];
  const index = new Map<string, number>();
  const columns = 80;
  const ref = (c: number, r: number): string => `${c >= 26 ? String.fromCharCode(64 + Math.floor(c / 26)) : ''}${String.fromCharCode(65 + (c % 26))}${r}`;
  const s = (c: number, r: number, text: string): string => {
    let i = index.get(text);
    if (i === undefined) {
      i = shared.length;
      shared.push(text);
      index.set(text, i);
    }
    return `<c r="${ref(c, r)}" s="${3 + (c % 5)}" t="s"><v>${i}</v></c>`;
  };
  const n = (c: number, r: number, v: string | number, style = 2): string => `<c r="${ref(c, r)}" s="${style}"><v>${v}</v></c>`;
  const header = Array.from({ length: columns }, (_, c) => ['Name', 'UPN', 'ULN', 'Date of birth', 'Year', 'Tutor group', 'SEN', 'FSM', 'Address', 'Postcode',
    'Parent', 'Parent email', 'Phone', 'Attendance', 'Notes'][c] ?? `Assessment ${c - 14}`);
  const out: string[] = [`<row r="1" spans="1:${columns}">${header.map((h, c) => s(c, 1, h)).join('')}</row>`];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const p = pupils[i % pupils.length] ?? { name: 'Pupil', upn: '' };
    const learner = uln(String(928374651 + i * 7919).slice(0, 9)) ?? '9283746510';
    const cells = [
      s(0, r, p.name), s(1, r, p.upn ?? ''), n(2, r, learner), n(3, r, 39000 + (i % 1500), 1), n(4, r, 7 + (i % 5)),
      s(5, r, `${7 + (i % 5)}${'KWHP'[i % 4]}`), s(6, r, ['N', 'K', 'E'][i % 3] ?? 'N'), s(7, r, i % 4 === 0 ? 'Y' : 'N'), s(8, r, `${i + 1} ${words(3, i)} Road`),
      s(9, r, `BS${i % 40} ${i % 9}AB`), s(10, r, `Parent of ${p.name}`), s(11, r, `parent${i}@example.com`), s(12, r, `07700 9${String(i).padStart(5, '0')}`),
      n(13, r, (90 + (i % 100) / 10).toFixed(1)), s(14, r, words(30, i * 31 + 7)),
    ];
    for (let c = 15; c < columns - 2; c++) cells.push(c % 3 === 0 ? s(c, r, `${'ABCDE'[(i + c) % 5]}${(i * c) % 9}`) : n(c, r, noise(i * columns + c) % 10000 / 10));
    // Two free-text comment columns, as typed (little repetition): most of the file's 2 MB.
    cells.push(s(columns - 2, r, letters(300, i * 2 + 1)), s(columns - 1, r, letters(300, i * 2 + 2)));
    out.push(`<row r="${r}" spans="1:${columns}">${cells.join('')}</row>`);
  }
  return zipOf({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Pupils" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0"/>' +
      '<xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="0"/><xf numFmtId="0"/></cellXfs></styleSheet>',
    'xl/sharedStrings.xml': `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((t) => `<si><t>${xmlEscape(t)}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${out.join('')}</sheetData></worksheet>`,
  });
}

/** The lines of a pupil-report document, `perPage` to a page: prose, and a table of pupils every few pages. */
function reportLines(pages: number, perPage: number): { kind: 'p' | 'row'; text: string[] }[][] {
  const pupils = roster(2000);
  const out: { kind: 'p' | 'row'; text: string[] }[][] = [];
  for (let page = 0; page < pages; page++) {
    const lines: { kind: 'p' | 'row'; text: string[] }[] = [];
    for (let l = 0; l < perPage; l++) {
      const p = pupils[(page * perPage + l) % pupils.length] ?? { name: 'Pupil', upn: '' };
      if (page % 3 === 1 && l < 20) lines.push({ kind: 'row', text: [p.name, p.upn ?? '', l % 4 === 0 ? 'EHCP' : 'SEN support', words(4, page * 100 + l)] });
      else lines.push({ kind: 'p', text: [`${p.name} ${words(14, page * 1000 + l)}.`] });
    }
    out.push(lines);
  }
  return out;
}

/** A Word document: paragraphs and tables, a page break after each page, with the rendered breaks Word writes. */
export function document(pages: number): Uint8Array {
  const body: string[] = [];
  reportLines(pages, 36).forEach((lines, page) => {
    if (page > 0) body.push('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
    let inTable = false;
    lines.forEach((line, i) => {
      if (line.kind === 'row' && !inTable) { body.push('<w:tbl>'); inTable = true; }
      if (line.kind !== 'row' && inTable) { body.push('</w:tbl>'); inTable = false; }
      const run = (t: string): string => `<w:r><w:rPr><w:rFonts w:ascii="Calibri"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">${xmlEscape(t)}</w:t></w:r>`;
      const lrpb = i === 0 && page > 0 ? '<w:r><w:lastRenderedPageBreak/></w:r>' : '';
      if (line.kind === 'row') body.push(`<w:tr>${line.text.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`);
      else body.push(`<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${lrpb}${run(line.text[0] ?? '')}</w:p>`);
    });
    if (inTable) body.push('</w:tbl>');
  });
  return zipOf({
    '_rels/.rels': `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`,
  });
}

/**
 * A PDF as Word's "Save as PDF" writes one: a subset TrueType font through
 * Identity-H (two-byte glyph ids, not character codes) with a ToUnicode map,
 * every line its own BT/Tm/TJ with kerning, Flate-compressed pages.
 */
export function pdf(pages: number): Uint8Array {
  const glyph = (c: number): number => c + 29; // the subset's glyph ids are not Unicode
  const hex = (text: string): string => Array.from(text, (ch) => glyph(ch.charCodeAt(0)).toString(16).padStart(4, '0')).join('');
  const objects: (string | { dict: string; data: Uint8Array })[] = [];
  const add = (o: string | { dict: string; data: Uint8Array }): number => objects.push(o);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('');
  const cid = add('');
  const cmapText = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n` +
    `1 begincodespacerange <0000> <FFFF> endcodespacerange\n1 beginbfrange <${glyph(32).toString(16).padStart(4, '0')}> <${glyph(255).toString(16).padStart(4, '0')}> <0020> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end`;
  const toUnicode = add({ dict: '<< /Filter /FlateDecode', data: deflateSync(strToU8(cmapText)) });
  const kids: number[] = [];
  for (const lines of reportLines(pages, 36)) {
    const ops: string[] = [];
    lines.forEach((line, i) => {
      const y = 770 - i * 19;
      if (line.kind === 'row') {
        line.text.forEach((cell, c) => ops.push(`BT /F1 11 Tf 1 0 0 1 ${72 + c * 120} ${y} Tm [<${hex(cell)}>] TJ ET`));
      } else {
        const text = line.text[0] ?? '';
        const cut = text.indexOf(' ', 40);
        const a = cut > 0 ? text.slice(0, cut + 1) : text;
        const b = cut > 0 ? text.slice(cut + 1) : '';
        ops.push(`BT /F1 11 Tf 1 0 0 1 72.02 ${y}.54 Tm [<${hex(a)}>-3<${hex(b)}>] TJ ET`);
      }
    });
    const content = add({ dict: '<< /Filter /FlateDecode', data: deflateSync(strToU8(ops.join('\n'))) });
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  objects[font - 1] = `<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`;
  objects[cid - 1] = `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 /W [${glyph(32)} [226] ${glyph(48)} ${glyph(57)} 507] >>`;
  const parts: Uint8Array[] = [strToU8('%PDF-1.7\n%\u00e2\u00e3\n')];
  let size = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(size);
    const bytes = typeof o === 'string'
      ? strToU8(`${i + 1} 0 obj\n${o}\nendobj\n`)
      : concat([strToU8(`${i + 1} 0 obj\n${o.dict} /Length ${o.data.length} >>\nstream\n`), o.data, strToU8('\nendstream\nendobj\n')]);
    parts.push(bytes);
    size += bytes.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}` +
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  parts.push(strToU8(xref));
  return concat(parts);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The .docx turned into a PDF by LibreOffice, when it is installed (how schools' non-Word PDFs are made). */
async function libreOfficePdf(docx: Uint8Array, dir: string, name: string): Promise<Uint8Array | undefined> {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
  } catch {
    return undefined;
  }
  const source = join(dir, `${name}.docx`);
  await writeFile(source, docx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, source], { stdio: 'ignore', timeout: 300_000 });
  return readFile(join(dir, `${name}.pdf`)).then((b) => new Uint8Array(b), () => undefined);
}

// ---------------------------------------------------------------------------
// Adversarial inputs

/**
 * `compressedBytes` of deflate data that inflate to about 1,000 times as much:
 * one sync-flushed block of zeros repeated (each block stands alone), then a
 * final empty block. 10 MB of it is about 10 GB.
 */
let zerosBlock: Uint8Array | undefined;
function zerosDeflate(compressedBytes: number): Uint8Array {
  const block = zerosBlock ?? (zerosBlock = new Uint8Array(deflateRawSync(new Uint8Array(16 * MB), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 })));
  const count = Math.ceil(compressedBytes / block.length);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) parts.push(block);
  parts.push(new Uint8Array([0x03, 0x00]));
  return concat(parts);
}

/** A zip around raw deflate data, declaring `size` (which may lie); CRCs left 0. */
function rawZip(entries: readonly { name: string; data: Uint8Array; size: number }[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(8, 8, true);
    lv.setUint32(18, e.data.length, true); lv.setUint32(22, e.size, true); lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true); cv.setUint16(10, 8, true);
    cv.setUint32(20, e.data.length, true); cv.setUint32(24, e.size, true); cv.setUint16(28, name.length, true); cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true); ev.setUint16(8, entries.length, true); ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centrals.reduce((s, c) => s + c.length, 0), true); ev.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/** A PDF of one page whose content stream is `content`, under the stream dictionary `dict` (open, without /Length). */
function pagePdf(content: Uint8Array, dict = '<<'): Uint8Array {
  const head = strToU8(`%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
    `3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >> endobj\n` +
    `4 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> endobj\n` +
    `5 0 obj ${dict} /Length ${content.length} >>\nstream\n`);
  return concat([head, content, strToU8('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')]);
}

function adversarial(): { label: string; name: string; bytes: Uint8Array }[] {
  const bomb = zerosDeflate(10 * MB);
  const five = 5 * MB;
  const fill = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));
  const objects: string[] = [];
  for (let n = 1, size = 0; size < five; n++) {
    const o = `${n} 0 obj ${n % 7} endobj\n`;
    objects.push(o);
    size += o.length;
  }
  const catalog = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n';
  const streamHead = '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj\n' +
    '3 0 obj << /Type /Page /Contents 5 0 R >> endobj\n5 0 obj << /Length 999999999 >>\nstream\n';
  return [
    { label: '10 MB zip bomb, sizes declared honestly (~10 GB)', name: 'bomb.zip', bytes: rawZip([{ name: 'pupils.csv', data: bomb, size: 0xfffffffe }]) },
    { label: '10 MB zip bomb, size declared as 100 KB', name: 'bomb.zip', bytes: rawZip([{ name: 'pupils.csv', data: bomb, size: 100 * KB }]) },
    { label: '10 MB .xlsx whose sheet is a bomb', name: 'bomb.xlsx', bytes: rawZip([
      { name: '[Content_Types].xml', data: new Uint8Array(deflateRawSync(strToU8('<Types/>'))), size: 8 },
      { name: 'xl/workbook.xml', data: new Uint8Array(deflateRawSync(strToU8('<workbook/>'))), size: 11 },
      { name: 'xl/worksheets/sheet1.xml', data: bomb, size: 200 * KB },
    ]) },
    { label: '10 MB of 1,000 entries sharing one 10 MB stream', name: 'overlap.zip', bytes: rawZip(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}.txt`, data: zerosDeflate(10 * KB), size: 10 * MB }))) },
    { label: '5 MB PDF: arrays nested 5 million deep', name: 'nested.pdf', bytes: pagePdf(strToU8(`BT /F1 12 Tf (before) Tj ${fill('[', five)} TJ ET`)) },
    { label: '5 MB PDF: a stream that never ends', name: 'endless.pdf', bytes: strToU8(`${streamHead}${fill('q 1 0 0 1 0 0 cm Q ', five)}`) },
    { label: `5 MB PDF: ${formatNumber(objects.length)} tiny objects, no xref`, name: 'objects.pdf', bytes: strToU8(`%PDF-1.7\n${objects.join('')}`) },
    { label: '5 MB PDF: a Flate bomb in the page', name: 'flate.pdf', bytes: pagePdf(concat([new Uint8Array([0x78, 0x9c]), zerosDeflate(five)]), '<< /Filter /FlateDecode') },
    { label: '5 MB PDF: 400,000 text operators', name: 'ops.pdf', bytes: pagePdf(strToU8(`BT /F1 12 Tf 14 TL ${fill('(ab) Tj T* ', five)} ET`)) },
    { label: '5 MB PDF: xref claiming a billion objects', name: 'xref.pdf', bytes: strToU8(`${catalog}xref\n0 1000000000\n${fill('0000000000 65535 f \n', five)}trailer << /Root 1 0 R >>\nstartxref\n${catalog.length}\n%%EOF`) },
  ];
}

// ---------------------------------------------------------------------------
// Measuring

/** Median CPU time (user + system) of `fn`: unlike wall time, not stretched by other processes on a shared machine. */
function medianCpuMs(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? NaN;
}

const outcome = (r: Extraction): string => (r.kind === 'text'
  ? `text, ${formatNumber(r.parts.reduce((s, p) => s + p.text.length, 0))} chars${r.incomplete ? ` (${r.incomplete})` : ''}`
  : `${r.kind}: ${r.why}`);

const textOf = (r: Extraction): string => (r.kind === 'text' ? r.parts.map((p) => p.text).join('\n') : '');

/** The extractors built as launchevent.js is, exposed as one global, for a bare node:vm context. */
async function buildExtractBundle(dir: string): Promise<string> {
  const outDir = join(dir, 'extract-bundle');
  await build({
    configFile: LAUNCHEVENT_CONFIG, logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: false, lib: { entry: join(ROOT, 'src/compose-check/extract/index.ts'), name: 'AupGuardExtract', formats: ['iife'], fileName: () => 'extract.js' } },
  });
  return readFile(join(outDir, 'extract.js'), 'utf8');
}

/** Median ms of extracting `bytes` with the bundle in a bare context (no TextDecoder, no Intl), warm; and the first call in a fresh context. */
function vmTimes(code: string, name: string, bytes: Uint8Array, runs: number): { warm: number; cold: number } {
  const fresh = (): Record<string, unknown> => {
    const context = createContext({ input: bytes });
    new Script('delete globalThis.Intl;').runInContext(context);
    new Script(code).runInContext(context);
    return context;
  };
  const call = new Script(`(() => { const t = performance.now(); AupGuardExtract.extractAttachment({ name: ${JSON.stringify(name)}, bytes: new Uint8Array(input) }); return performance.now() - t; })()`);
  const colds: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = fresh();
    context.performance = performance;
    colds.push(call.runInContext(context) as number);
  }
  const context = fresh();
  context.performance = performance;
  const warm: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const ms = call.runInContext(context) as number;
    if (i >= 3) warm.push(ms);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return { warm: median(warm), cold: median(colds) };
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'aup-bench-attachments-'));
  try {
    const settings = schoolSettings(2000);
    const bundle = await buildExtractBundle(dir);
    const docs: { label: string; name: string; size: '1x' | '2x'; bytes: Uint8Array }[] = [];
    for (const [size, scale] of [['1x', 1], ['2x', 2]] as const) {
      docs.push({ label: `.xlsx, ${formatNumber(2000 * scale)} rows`, name: 'pupils.xlsx', size, bytes: workbook(2000 * scale) });
      const docx = document(40 * scale);
      docs.push({ label: `.docx, ${40 * scale} pages`, name: 'review.docx', size, bytes: docx });
      docs.push({ label: `.pdf (Word-like), ${40 * scale} pages`, name: 'review.pdf', size, bytes: pdf(40 * scale) });
      const lo = await libreOfficePdf(docx, dir, `review-${size}`);
      if (lo) docs.push({ label: `.pdf (LibreOffice), ${40 * scale} pages`, name: 'review.pdf', size, bytes: lo });
    }

    const rows = docs.map((d) => {
      const result = extractAttachment({ name: d.name, bytes: d.bytes });
      const ms = medianMs(() => extractAttachment({ name: d.name, bytes: d.bytes }), 15, 3);
      const cpu = medianCpuMs(() => extractAttachment({ name: d.name, bytes: d.bytes }), 15);
      const text = textOf(result);
      const draft = {
        from: 'j.morgan@wellsap.example.org.uk', recipients: [{ email: 'officer@county.example.gov.uk', field: 'to' as const }],
        subject: 'Reports', body: { kind: 'text' as const, content: 'Please see attached.' }, attachments: [{ name: 'extracted.txt', text }],
      };
      const scan = medianMs(() => checkDraft(draft, { now: NOW, settings }), 5, 1);
      const vm = vmTimes(bundle, d.name, d.bytes, 7);
      return { ...d, result, ms, cpu, scan, vm, mb: d.bytes.length / MB, chars: text.length };
    });
    printTable('Attachments: median time to read (2,000-pupil roster for the scan; in-process has TextDecoder, the vm runs the built bundle without it, as Outlook may)',
      ['document', 'size KB', 'text chars', 'read ms', 'read CPU ms', 'target', '', 'vm warm ms', 'vm first call ms', '+ engine scan ms', 'outcome'],
      rows.map((r) => [r.label, r.bytes.length / KB, r.chars, r.ms, r.cpu, r.size === '1x' ? '< 200 ms' : '', r.size === '1x' ? verdict(r.ms < 200 && r.vm.warm < 200) : '',
        r.vm.warm, r.vm.cold, r.scan, r.result.kind === 'text' ? `${r.result.parts.length} part(s)` : outcome(r.result)]));
    console.log(`(load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores: on a shared machine the CPU column, this process's own CPU time, is the steadier figure)`);

    printTable('Linearity: CPU ms per MB of file at 2x over 1x (in-process, warm)', ['document', '1x ms/MB', '2x ms/MB', '2x / 1x', 'target', ''],
      rows.filter((r) => r.size === '1x').map((one) => {
        const two = rows.find((r) => r.size === '2x' && r.label.split(',')[0] === one.label.split(',')[0]);
        const a = one.cpu / one.mb;
        const b = two ? two.cpu / two.mb : NaN;
        return [one.label.split(',')[0] ?? '', a, b, b / a, '<= 1.5', verdict(b / a <= 1.5)];
      }));

    const hostile = adversarial().map((a) => {
      const started = performance.now();
      const result = extractAttachment({ name: a.name, bytes: a.bytes }, undefined, () => performance.now());
      const ms = performance.now() - started;
      return [a.label, a.bytes.length / MB, ms, '< 1000 ms', verdict(ms < 1000), outcome(result)];
    });
    printTable('Hostile attachments: time to stop at a limit (default limits, the caller\'s clock for the time limit)',
      ['attachment', 'MB', 'ms', 'target', '', 'outcome'], hostile);

  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
