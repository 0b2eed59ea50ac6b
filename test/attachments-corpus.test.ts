// Structural checks on the attachments corpus; the engine's score is
// `npm run bench -- attachments`. Beyond the shared checks: every attachment is
// the committed file, parses as its format, is protected or scanned exactly as
// its manifest says, and holds the identifiers (valid) and look-alikes
// (failing every check) the labels rely on.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS, ATTACHMENT_FILES_DIR } from './fixtures/attachments/load';
import { isCfb, readCfb, zipEntries } from './fixtures/attachments/formats';
import { IDENTIFIER_CHECKS, isNhsNumber, isNino, isUln, isUpn, passesAnyCheck, upnCheckLetter } from './fixtures/attachments/ids';
import type { IdentifierKind } from './fixtures/attachments/ids';
import { describeLabelledCorpus } from './fixtures/labelled-corpus-checks';

describeLabelledCorpus(ATTACHMENTS, 80);

type Format = 'xlsx' | 'xlsm' | 'docx' | 'pptx' | 'odt' | 'ods' | 'pdf' | 'zip' | 'csv';
type Protection = 'ooxml-agile' | 'ooxml-standard' | 'odf' | 'pdf' | 'zip';

interface ManifestEntry {
  readonly format: Format;
  readonly protection?: Protection;
  readonly scanned?: boolean;
  readonly identifiers?: Partial<Record<IdentifierKind, readonly string[]>>;
  readonly lookAlikes?: readonly string[];
}

const MANIFEST = JSON.parse(readFileSync(join(ATTACHMENT_FILES_DIR, 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
const fileBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(ATTACHMENT_FILES_DIR, name)));

const MIME_TYPES: Readonly<Record<Format, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.12',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  pdf: 'application/pdf',
  zip: 'application/zip',
  csv: 'text/csv',
};

// The part [Content_Types].xml must declare for the package's main document.
const OOXML_MAIN: Readonly<Partial<Record<Format, { part: string; type: string; more: RegExp }>>> = {
  xlsx: { part: 'xl/workbook.xml', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', more: /^xl\/worksheets\/sheet\d+\.xml$/ },
  xlsm: { part: 'xl/workbook.xml', type: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', more: /^xl\/worksheets\/sheet\d+\.xml$/ },
  docx: { part: 'word/document.xml', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', more: /^word\/styles\.xml$/ },
  pptx: { part: 'ppt/presentation.xml', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', more: /^ppt\/slides\/slide\d+\.xml$/ },
};

const latin1 = (b: Uint8Array): string => new TextDecoder('latin1').decode(b);
const utf8 = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);

/** The text of every XML part of a zip package, tags dropped and white space removed, for substring checks. */
function packageText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes);
  return Object.entries(parts)
    .filter(([name]) => name.endsWith('.xml'))
    .map(([, data]) => utf8(data).replace(/<[^>]+>/g, ' '))
    .join(' ')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, '');
}

/** Everything wrong with one committed file against its manifest entry; empty when it is what it claims. */
function formatProblems(name: string, entry: ManifestEntry): string[] {
  const bytes = fileBytes(name);
  const problems: string[] = [];
  const problem = (p: string): void => void problems.push(`${name}: ${p}`);
  const main = OOXML_MAIN[entry.format];

  if (main && entry.protection) {
    if (!isCfb(bytes)) return [`${name}: an encrypted OOXML file must be a CFB container`];
    const cfb = readCfb(bytes);
    for (const stream of ['EncryptionInfo', 'EncryptedPackage']) if (!cfb.names.includes(stream)) problem(`no ${stream} stream`);
    if (problems.length > 0) return problems;
    const info = cfb.stream('EncryptionInfo');
    const header = new DataView(info.buffer, info.byteOffset, info.byteLength);
    const [major, minor] = [header.getUint16(0, true), header.getUint16(2, true)];
    if (entry.protection === 'ooxml-agile') {
      if (major !== 4 || minor !== 4) problem(`Agile encryption is version 4.4, found ${major}.${minor}`);
      if (!latin1(info).includes('http://schemas.microsoft.com/office/2006/keyEncryptor/password')) problem('no password key encryptor in EncryptionInfo');
    } else if (entry.protection === 'ooxml-standard') {
      if (minor !== 2 || major < 2 || major > 4) problem(`Standard encryption is version 2-4.2, found ${major}.${minor}`);
    } else problem(`unexpected protection ${entry.protection}`);
    const sealed = cfb.stream('EncryptedPackage');
    const packageSize = new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(0, true);
    if (packageSize < 1000) problem(`EncryptedPackage declares ${packageSize} bytes of package`);
  } else if (main) {
    if (isCfb(bytes)) return [`${name}: is encrypted but the manifest says plain`];
    const parts = unzipSync(bytes);
    const types = parts['[Content_Types].xml'];
    if (!types) return [`${name}: no [Content_Types].xml`];
    if (!parts[main.part]) problem(`no ${main.part}`);
    const override = new RegExp(`<Override[^>]*PartName="/${main.part.replace(/[./]/g, '\\$&')}"[^>]*>`).exec(utf8(types))?.[0] ?? '';
    if (!override.includes(`ContentType="${main.type}"`)) problem(`${main.part} is not declared as ${main.type}`);
    if (!Object.keys(parts).some((p) => main.more.test(p))) problem(`no part matching ${main.more}`);
  } else if (entry.format === 'odt' || entry.format === 'ods') {
    const entries = zipEntries(bytes);
    const first = entries[0];
    if (first?.name !== 'mimetype' || first.method !== 0) problem('the first entry must be an uncompressed "mimetype"');
    const parts = unzipSync(bytes);
    const type = utf8(parts['mimetype'] ?? new Uint8Array());
    if (type !== MIME_TYPES[entry.format]) problem(`mimetype is "${type}"`);
    if (!parts['content.xml']) problem('no content.xml');
    const manifest = utf8(parts['META-INF/manifest.xml'] ?? new Uint8Array());
    const contentEncrypted = /full-path="content\.xml"[^>]*>\s*<manifest:encryption-data/.test(manifest);
    if (entry.protection === 'odf' && !contentEncrypted) problem('content.xml is not encrypted');
    if (!entry.protection && contentEncrypted) problem('content.xml is encrypted but the manifest says plain');
    if (!entry.protection && !contentEncrypted && !utf8(parts['content.xml'] ?? new Uint8Array()).includes('<office:body>')) problem('content.xml has no office:body');
  } else if (entry.format === 'pdf') {
    const text = latin1(bytes);
    if (!text.startsWith('%PDF-')) problem('does not start with %PDF-');
    if (!text.slice(-1024).includes('%%EOF')) problem('no %%EOF at the end');
    const encrypted = /\/Encrypt\s/.test(text);
    if (entry.protection === 'pdf') {
      if (!encrypted) problem('no /Encrypt dictionary');
    } else {
      if (encrypted) problem('has /Encrypt but the manifest says plain');
      if (entry.scanned) {
        if (!/\/Subtype\s*\/Image/.test(text)) problem('a scan must hold an image XObject');
        if (/\/FontFile|\/ToUnicode/.test(text)) problem('a scan must have no fonts');
      } else {
        // As an office suite writes it: compressed content streams, fonts mapped back to Unicode.
        if (!text.includes('/FlateDecode')) problem('no FlateDecode stream');
        if (!text.includes('/ToUnicode')) problem('no ToUnicode map');
      }
    }
  } else if (entry.format === 'zip') {
    const entries = zipEntries(bytes);
    if (entries.length === 0) problem('empty zip');
    if (entry.protection === 'zip' && !entries.every((e) => e.encrypted)) problem('not every entry is encrypted');
    if (!entry.protection && entries.some((e) => e.encrypted)) problem('has encrypted entries but the manifest says plain');
  } else if (entry.format === 'csv') {
    const lines = utf8(bytes).trim().split(/\r?\n/);
    const width = lines[0]?.split(',').length ?? 0;
    if (lines.length < 3) problem('fewer than three lines');
    if (!lines.every((l) => l.split(',').length === width)) problem('rows of different widths');
  } else problem(`unknown format ${entry.format}`);
  return problems;
}

describe('attachments corpus: the committed files', () => {
  const names = readdirSync(ATTACHMENT_FILES_DIR).filter((f) => f !== 'manifest.json').sort();

  it('has a manifest entry for every file and a file for every entry, with the extension as format', () => {
    expect(Object.keys(MANIFEST).sort()).toEqual(names);
    for (const [name, entry] of Object.entries(MANIFEST)) expect(name.toLowerCase().endsWith(`.${entry.format}`), name).toBe(true);
  });

  it('parses every file as its format, protected or scanned exactly as the manifest says', () => {
    const problems = names.flatMap((name) => {
      try {
        return formatProblems(name, MANIFEST[name] as ManifestEntry);
      } catch (error) {
        return [`${name}: ${error instanceof Error ? error.message : String(error)}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it('covers every container and every way of protecting one', () => {
    const entries = Object.values(MANIFEST);
    for (const format of Object.keys(MIME_TYPES) as Format[]) expect(entries.some((e) => e.format === format), format).toBe(true);
    for (const p of ['ooxml-agile', 'ooxml-standard', 'odf', 'pdf', 'zip'] as Protection[]) expect(entries.some((e) => e.protection === p), p).toBe(true);
    expect(entries.filter((e) => e.scanned).length).toBeGreaterThanOrEqual(3);
  });

  it('holds valid identifiers where the manifest says so, each present in the file text', () => {
    const checked: string[] = [];
    for (const [name, entry] of Object.entries(MANIFEST)) {
      const ids = Object.entries(entry.identifiers ?? {}) as [IdentifierKind, readonly string[]][];
      if (ids.length === 0) continue;
      // PDFs keep text behind ToUnicode maps; the generator checked those with pdftotext.
      const text = entry.format === 'pdf' ? undefined : entry.format === 'csv' ? utf8(fileBytes(name)) : packageText(fileBytes(name));
      for (const [kind, values] of ids) {
        for (const value of values) {
          expect(IDENTIFIER_CHECKS[kind](value), `${name}: ${kind} ${value}`).toBe(true);
          if (text !== undefined) expect(text.includes(value), `${name}: ${value} in the text`).toBe(true);
          checked.push(value);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('holds look-alike numbers that fail every identifier check', () => {
    const look = Object.entries(MANIFEST).flatMap(([name, e]) => (e.lookAlikes ?? []).map((v) => ({ name, v, format: e.format })));
    expect(look.length).toBeGreaterThanOrEqual(20);
    for (const { name, v, format } of look) {
      expect(passesAnyCheck(v), `${name}: ${v}`).toBe(false);
      if (format !== 'pdf') expect(packageText(fileBytes(name)).includes(v), `${name}: ${v} in the text`).toBe(true);
    }
  });
});

interface ParsedMessage {
  readonly file: string;
  readonly attachments: readonly { name: string; mimeType: string; bytes: Uint8Array }[];
}

async function parseMessages(): Promise<ParsedMessage[]> {
  return Promise.all(ATTACHMENTS.files().map(async (file) => {
    const email = await PostalMime.parse(readFileSync(join(ATTACHMENTS.messagesDir, file)));
    return {
      file,
      attachments: email.attachments.map((a) => ({
        name: a.filename ?? '',
        mimeType: a.mimeType,
        bytes: typeof a.content === 'string' ? new TextEncoder().encode(a.content) : new Uint8Array(a.content),
      })),
    };
  }));
}

describe('attachments corpus: the messages', () => {
  const labels = ATTACHMENTS.labels();

  it('carries committed files byte for byte, with the right Content-Type and file name', async () => {
    const messages = await parseMessages();
    expect(messages.filter((m) => m.attachments.length > 0).length / messages.length).toBeGreaterThanOrEqual(0.95);
    for (const m of messages) {
      for (const a of m.attachments) {
        const entry = MANIFEST[a.name];
        expect(entry, `${m.file}: ${a.name} is a committed file`).toBeDefined();
        if (!entry) continue;
        expect(a.mimeType.toLowerCase(), `${m.file}: ${a.name}`).toBe(MIME_TYPES[entry.format].toLowerCase());
        expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(fileBytes(a.name))), `${m.file}: ${a.name} bytes`).toBe(0);
      }
    }
  });

  it('names in each label note exactly the attachments the message carries', async () => {
    for (const m of await parseMessages()) {
      const note = labels[m.file]?.note ?? '';
      const named = [...note.matchAll(/`([^`]+)`/g)].map((x) => x[1]);
      expect(new Set(named), m.file).toEqual(new Set(m.attachments.map((a) => a.name)));
    }
  });

  it('has realistic proportions: every reason at least 12 times, at least 30% with no reason', () => {
    const all = Object.values(labels);
    const reasons = ['sensitive-unencrypted', 'outside-hours', 'personal-webmail', 'wrong-recipient', 'recipients-exposed'];
    for (const r of reasons) expect(all.filter((l) => l.expected.includes(r)).length, r).toBeGreaterThanOrEqual(12);
    expect(all.filter((l) => l.expected.length === 0).length / all.length).toBeGreaterThanOrEqual(0.3);
  });

  it('sends every kind of attachment, protected and scanned ones included', async () => {
    const sent = new Set((await parseMessages()).flatMap((m) => m.attachments.map((a) => a.name)));
    const kinds = new Set([...sent].map((n) => MANIFEST[n]).flatMap((e) => (e ? [e.format, e.protection ?? 'plain', e.scanned ? 'scanned' : 'text'] : [])));
    for (const k of ['xlsx', 'xlsm', 'docx', 'pptx', 'odt', 'ods', 'pdf', 'zip', 'csv', 'ooxml-agile', 'ooxml-standard', 'odf', 'pdf', 'zip', 'scanned']) {
      expect(kinds.has(k), k).toBe(true);
    }
    expect(Object.keys(MANIFEST).filter((name) => !sent.has(name)), 'files no message sends').toEqual([]);
  });
});

interface RosterSettings {
  readonly schoolDomains: readonly string[];
  readonly pupilDomains: readonly string[];
  readonly parentContacts: readonly { email: string; pupil: string }[];
  readonly pupils: readonly { name: string; upn: string; email: string }[];
  readonly encryption: { labelIds: readonly string[]; subjectTags: readonly string[] };
}

describe('attachments corpus: the school', () => {
  const settings = ATTACHMENTS.settingsJson() as RosterSettings;
  const linked = (pupil: string): Set<string> =>
    new Set(settings.parentContacts.filter((c) => c.pupil === pupil).map((c) => c.email.toLowerCase()));

  it('has a roster of 60-80 pupils with valid, distinct UPNs, some with middle names', () => {
    expect(settings.pupils.length).toBeGreaterThanOrEqual(60);
    expect(settings.pupils.length).toBeLessThanOrEqual(80);
    for (const p of settings.pupils) expect(isUpn(p.upn), `${p.name} ${p.upn}`).toBe(true);
    expect(new Set(settings.pupils.map((p) => p.upn)).size).toBe(settings.pupils.length);
    expect(settings.pupils.filter((p) => p.name.split(' ').length > 2).length).toBeGreaterThanOrEqual(3);
  });

  it('links every pupil to a parent contact, with sibling families and unrelated families sharing a surname', () => {
    const names = new Set(settings.pupils.map((p) => p.name));
    for (const c of settings.parentContacts) expect(names.has(c.pupil), c.pupil).toBe(true);
    for (const p of settings.pupils) expect(linked(p.name).size, p.name).toBeGreaterThan(0);
    const childrenOf = new Map<string, Set<string>>();
    for (const c of settings.parentContacts) childrenOf.set(c.email, (childrenOf.get(c.email) ?? new Set()).add(c.pupil));
    expect([...childrenOf.values()].filter((kids) => kids.size >= 2).length).toBeGreaterThanOrEqual(4);
    const bySurname = new Map<string, string[]>();
    for (const p of settings.pupils) {
      const surname = p.name.split(' ').pop() ?? '';
      bySurname.set(surname, [...(bySurname.get(surname) ?? []), p.name]);
    }
    const unrelated = [...bySurname.values()].filter((group) =>
      group.some((a) => group.some((b) => a !== b && [...linked(a)].every((e) => !linked(b).has(e)))));
    expect(unrelated.length).toBeGreaterThanOrEqual(3);
  });

  it('uses its own domains, not the other corpora\'s, and declares an encryption label and tag', () => {
    const others = ['blind', 'heldout', 'corpus'].flatMap((c) =>
      (JSON.parse(readFileSync(join(ATTACHMENT_FILES_DIR, '..', '..', c, 'settings.json'), 'utf8')) as RosterSettings).schoolDomains);
    for (const d of [...settings.schoolDomains, ...settings.pupilDomains]) expect(others.includes(d), d).toBe(false);
    expect(settings.encryption.labelIds.length).toBeGreaterThan(0);
    expect(settings.encryption.subjectTags.length).toBeGreaterThan(0);
  });
});

describe('attachments corpus identifier helper', () => {
  it('reproduces the published examples and rejects a changed check character', () => {
    expect(upnCheckLetter('801200005001')).toBe('B');
    expect(isUpn('B801200005001')).toBe(true);
    expect(isUpn('C801200005001')).toBe(false);
    expect(isUln('9276308686')).toBe(true);
    expect(isUln('9276308687')).toBe(false);
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
  });

  it('applies the National Insurance prefix and suffix rules', () => {
    expect(isNino('JT482917B')).toBe(true);
    expect(isNino('QQ123456C')).toBe(false);
    expect(isNino('TN311258A')).toBe(false);
    expect(isNino('AB123456E')).toBe(false);
  });
});
