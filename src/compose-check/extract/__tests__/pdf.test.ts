import { describe, expect, it } from 'vitest';
import {
  HELVETICA, buildPdf, bytesOf, extract, fixture, flate, latin1Bytes, onePagePdf, part, whereIs, type PdfObject,
} from './support';

const pdfText = (bytes: Uint8Array): string => part(extract('x.pdf', bytes), '').text;

describe('PDF exported by LibreOffice (ToUnicode fonts)', () => {
  const result = extract('report.pdf');
  const body = part(result, '');

  it('reads each page in order, lines as lines and table rows as tab-separated cells', () => {
    expect(body.text).toContain('Annual review: Emily Bennett\nEmily Bennett (UPN Q886402190100) has an EHCP for speech, language and communication');
    expect(body.text).toContain('Name\tUPN\tNeed\nEmily Bennett\tQ886402190100\tEHCP\n');
    expect(body.text).toContain('Oliver Hughes has asthma and carries an inhaler. NHS number 943 476 5919.\n');
  });

  it('locates text by page', () => {
    expect(whereIs(body, 'Annual review: Emily')).toBe('page 1');
    expect(whereIs(body, 'NHS number')).toBe('page 2');
    expect(whereIs(body, 'Speech and language therapy')).toBe('page 3');
  });

  it('reads the same text from object streams and a cross-reference stream with a PNG predictor', () => {
    expect(part(extract('report-objstm.pdf'), '').text).toBe(body.text);
  });

  it('recovers from a wrong startxref, from no cross-reference at all, and from offsets shifted by junk before the header', () => {
    const bytes = fixture('report.pdf');
    const source = String.fromCharCode(...bytes.subarray(bytes.length - 64));
    const startxref = /startxref\s+(\d+)/.exec(source);
    expect(startxref).not.toBeNull();
    const wrong = bytes.slice();
    const at = bytes.length - 64 + (startxref?.index ?? 0) + (startxref?.[0].length ?? 0) - (startxref?.[1]?.length ?? 0);
    wrong.set(latin1Bytes('1'.padStart(startxref?.[1]?.length ?? 1, '9')), at);
    expect(pdfText(wrong)).toBe(body.text);

    const xrefAt = Number(startxref?.[1]);
    expect(pdfText(bytes.subarray(0, xrefAt))).toBe(body.text);
    expect(pdfText(bytesOf('junk from a mail gateway\r\n', bytes))).toBe(body.text);
  });

  it('reads what is left of a truncated file', () => {
    const bytes = fixture('report.pdf');
    const result = extract('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    // Whatever was cut off, the answer is a reading or a reason, never an exception.
    expect(['text', 'unreadable']).toContain(result.kind);
  });
});

describe('PDFs that cannot be read', () => {
  it('says a scanned page (an image, no text) is a scanned image', () => {
    expect(extract('scan.pdf')).toEqual({ kind: 'unreadable', why: 'scanned image, no text' });
  });

  it('says a PDF with /Encrypt in its trailer is protected', () => {
    expect(extract('report-protected.pdf')).toEqual({ kind: 'protected', why: 'password-protected PDF' });
  });

  it('says a file named .pdf that is not one is not a valid PDF', () => {
    expect(extract('x.pdf', latin1Bytes('Hello, this is text'))).toEqual({ kind: 'unreadable', why: 'not a valid PDF' });
  });

  it('tells a page with no text and no image from a scan, and text whose font has no character map', () => {
    expect(extract('x.pdf', onePagePdf('0 0 m 100 100 l S', []))).toEqual({ kind: 'unreadable', why: 'no text in this PDF' });
    const cid: PdfObject[] = [
      { body: '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [5 0 R] >>' },
      { body: '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>' },
    ];
    expect(extract('x.pdf', onePagePdf('BT /F1 12 Tf 72 700 Td <00250026> Tj ET', cid))).toEqual({ kind: 'unreadable', why: 'its text uses fonts with no character map' });
  });
});

/** A Type0 font with a ToUnicode CMap, as Word's "Save as PDF" writes: Identity-H, two-byte codes. */
function type0(cmap: string, widths = '[3 [250] 4 5 500]'): PdfObject[] {
  return [
    { body: '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 6 0 R >>' },
    { body: `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri /DW 1000 /W ${widths} >>` },
    { body: '<< >>', stream: cmap },
  ];
}

const CMAP = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0010> <00450048>
<0011> /eacute
endbfchar
2 beginbfrange
<0020> <0029> <0030>
<0040> <0042> [<0055> <0050> <004E>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`;

describe('text operators and fonts', () => {
  it('maps two-byte codes through bfchar and bfrange (incrementing and array forms)', () => {
    // 0020..0029 are the digits, 0040..0042 "UPN", 0010 "EH", 0011 é, 0003 a space.
    const t = pdfText(onePagePdf('BT /F1 12 Tf 72 700 Td <004000410042000300210022002300240025> Tj ET\nBT /F1 12 Tf 72 680 Td <00100011> Tj ET', type0(CMAP)));
    expect(t).toBe('UPN 12345\nEH\u00e9\n');
  });

  it('turns a wide TJ gap into a space and kerning into nothing, and a move down into a new line', () => {
    const t = pdfText(onePagePdf('BT /F1 10 Tf 72 700 Td [(Emily)-250(Ben)10(nett)-600(EHCP)] TJ 0 -14 Td (next line) Tj ET', [HELVETICA]));
    expect(t).toBe('Emily Bennett EHCP\nnext line\n');
  });

  it("follows T*, ' and \" with the leading, Tm to a new line, and a wide gap on one line as a tab", () => {
    const t = pdfText(onePagePdf(
      'BT /F1 10 Tf 14 TL 72 700 Td (one) Tj T* (two) Tj (three) \' 2 0 (four) " 1 0 0 1 72 600 Tm (five) Tj 1 0 0 1 300 600 Tm (col) Tj ET',
      [HELVETICA],
    ));
    expect(t).toBe('one\ntwo\nthree\nfour\nfive\tcol\n');
  });

  it('joins runs that continue a word where the last one ended, using the font widths', () => {
    const font: PdfObject = { body: '<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 48 /LastChar 57 /Widths [556 556 556 556 556 556 556 556 556 556] /Encoding /WinAnsiEncoding >>' };
    // "8012" at 10 pt ends at 72 + 4 × 5.56 = 94.24, where the next run starts; "0000" ends at 116.48, 0.35 em before "next".
    const t = pdfText(onePagePdf('BT /F1 10 Tf 72 700 Td (8012) Tj ET BT /F1 10 Tf 94.24 700 Td (0000) Tj ET BT /F1 10 Tf 120 700 Td (next) Tj ET', [font]));
    expect(t).toBe('80120000 next\n');
  });

  it('falls back to WinAnsi with /Differences for a font without ToUnicode', () => {
    const font: PdfObject = { body: '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /Euro /uni00E9 /f_i] >> >>' };
    expect(pdfText(onePagePdf('BT /F1 12 Tf 72 700 Td (ABC \\222s \\(x\\) \\101) Tj ET', [font]))).toBe('\u20ac\u00e9fi \u2019s (x) \u20ac\n');
  });

  it('uses a one-byte ToUnicode map on a simple font over its encoding', () => {
    const fonts: PdfObject[] = [
      { body: '<< /Type /Font /Subtype /TrueType /BaseFont /XYZ /Encoding /WinAnsiEncoding /ToUnicode 5 0 R >>' },
      { body: '<< >>', stream: 'begincmap 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <41> <0042> endbfchar endcmap' },
    ];
    expect(pdfText(onePagePdf('BT /F1 12 Tf 72 700 Td (AA) Tj ET', fonts))).toBe('BB\n');
  });

  it('reads content streams under FlateDecode, ASCIIHexDecode and ASCII85Decode', () => {
    const content = 'BT /F1 12 Tf 72 700 Td (Emily Bennett) Tj ET';
    expect(pdfText(onePagePdf(flate(content), [HELVETICA], { filter: 'FlateDecode' }))).toBe('Emily Bennett\n');
    const hex = Array.from(latin1Bytes(content), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(pdfText(onePagePdf(`${hex}>`, [HELVETICA], { filter: 'ASCIIHexDecode' }))).toBe('Emily Bennett\n');
    expect(pdfText(onePagePdf(ascii85(latin1Bytes(content)), [HELVETICA], { filter: 'ASCII85Decode' }))).toBe('Emily Bennett\n');
  });

  it('skips inline image data and notes the image', () => {
    const binary = bytesOf('q BI /W 4 /H 1 /BPC 8 /CS /G ID ', new Uint8Array([0x28, 0x54, 0x6a, 0x29, 0x45, 0x49, 0xff]), ' EI Q BT /F1 12 Tf 72 700 Td (after) Tj ET');
    expect(pdfText(onePagePdf(binary, [HELVETICA]))).toBe('after\n');
  });

  it('reads text inside form XObjects, and stops at a form that draws itself', () => {
    const extra: PdfObject[] = [{ body: '<< /Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> /XObject << /Me 6 0 R >> >> >>', stream: 'BT /F1 12 Tf 72 650 Td (in the form) Tj ET /Me Do' }];
    const pdf = buildPdf([
      { body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { body: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>' },
      HELVETICA,
      { body: '<< >>', stream: 'BT /F1 12 Tf 72 700 Td (on the page) Tj ET /X Do' },
      ...extra,
    ]);
    expect(pdfText(pdf)).toBe('on the page\nin the form\n');
  });

  it('reads filled-in form fields as their own part', () => {
    const pdf = buildPdf([
      { body: '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R] >> >>' },
      { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { body: '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>' },
      { body: '<< >>', stream: '' },
      { body: '<< /T (pupil) /V <FEFF0045006D0069006C0079> >>' },
      { body: '<< /T (details) /Kids [7 0 R] >>' },
      { body: '<< /T (upn) /V (Q886402190100) >>' },
    ]);
    expect(part(extract('form.pdf', pdf), 'form fields').text).toBe('pupil: Emily\ndetails.upn: Q886402190100\n');
  });

  it('keeps the newest version of an object changed by an incremental update', () => {
    const first = onePagePdf('BT /F1 12 Tf 72 700 Td (old text) Tj ET', [HELVETICA]);
    const s = String.fromCharCode(...first.subarray(first.length - 40));
    const prev = Number(/startxref\s+(\d+)/.exec(s)?.[1]);
    const content = 'BT /F1 12 Tf 72 700 Td (new text) Tj ET';
    const object = `5 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
    const xrefAt = first.length + object.length;
    const update = `${object}xref\n5 1\n${String(first.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    expect(pdfText(bytesOf(first, update))).toBe('new text\n');
  });
});

describe('damaged and hostile PDFs end with a reading or a reason', () => {
  it('reads a stream whose /Length is wrong, or that never ends', () => {
    const content = 'BT /F1 12 Tf 72 700 Td (length lies) Tj ET';
    const lying = buildPdf([
      { body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { body: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>' },
      HELVETICA,
      { body: `<< /Length 99999 >>\nstream\n${content}\nendstream` },
    ]);
    expect(pdfText(lying)).toBe('length lies\n');
    const endless = bytesOf(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj\n',
      '3 0 obj << /Type /Page /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n',
      '4 0 obj << /Length 10 0 R >> stream\nBT /F1 12 Tf (never ends) Tj ET ', 'x '.repeat(1000),
    );
    expect(pdfText(endless)).toBe('never ends\n');
  });

  it('survives reference loops: a /Length that is its own stream, a page tree that contains itself', () => {
    const pdf = buildPdf([
      { body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { body: '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>' },
      { body: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>' },
      HELVETICA,
      { body: '<< /Length 5 0 R >>\nstream\nBT /F1 12 Tf 72 700 Td (loops) Tj ET\nendstream' },
    ]);
    expect(pdfText(pdf)).toBe('loops\n');
  });

  it('gives up on arrays nested 100,000 deep without overflowing the stack, and reads the other pages', () => {
    const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
    const pdf = buildPdf([
      { body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { body: '<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>' },
      { body: `<< /Type /Page /Parent 2 0 R /Junk ${deep} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>` },
      HELVETICA,
      { body: '<< >>', stream: `BT /F1 12 Tf 72 700 Td (first) Tj ${deep} TJ (after) Tj ET` },
      { body: '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>' },
      { body: '<< >>', stream: 'BT /F1 12 Tf 72 700 Td (second page) Tj ET' },
    ]);
    const result = extract('deep.pdf', pdf);
    expect(part(result, '').text).toContain('second page');
  });

  it('stops at the object limit when a broken file has to be scanned', () => {
    const objects: PdfObject[] = [{ body: '<< /Type /Catalog /Pages 2 0 R >>' }, { body: '<< /Type /Pages /Kids [] >>' }];
    for (let i = 0; i < 300; i++) objects.push({ body: 'null' });
    expect(extract('many.pdf', buildPdf(objects, { xref: 'wrong' }), { maxPdfObjects: 100 })).toEqual({ kind: 'unreadable', why: 'stopped: more than 100 objects in the PDF' });
  });

  it('stops at the object limit when a cross-reference table claims too many', () => {
    const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
    const pdf = bytesOf(`${head}xref\n0 99999999\n0000000000 65535 f \ntrailer << /Root 1 0 R >>\nstartxref\n${head.length}\n%%EOF`);
    expect(extract('claims.pdf', pdf)).toEqual({ kind: 'unreadable', why: 'stopped: more than 200,000 objects in the PDF' });
  });

  it('finds the catalog by its type when no trailer names it', () => {
    const pdf = bytesOf(
      '%PDF-1.4\n7 0 obj << /Type /Pages /Kids [8 0 R] >> endobj\n8 0 obj << /Type /Page /Contents 9 0 R /Resources << /Font << /F1 10 0 R >> >> >> endobj\n',
      '9 0 obj << /Length 38 >> stream\nBT /F1 12 Tf 72 700 Td (orphan) Tj ET\nendstream endobj\n10 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n',
      '11 0 obj << /Type /Catalog /Pages 7 0 R >> endobj\n%%EOF',
    );
    expect(pdfText(pdf)).toBe('orphan\n');
  });
});

/** ASCII85 with the <~ ~> wrapper, for the filter test. */
function ascii85(bytes: Uint8Array): string {
  let out = '<~';
  for (let i = 0; i < bytes.length; i += 4) {
    const chunk = [0, 1, 2, 3].map((k) => bytes[i + k] ?? 0);
    let v = ((chunk[0] ?? 0) * 2 ** 24) + ((chunk[1] ?? 0) << 16) + ((chunk[2] ?? 0) << 8) + (chunk[3] ?? 0);
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    const n = Math.min(4, bytes.length - i);
    out += digits.slice(0, n + 1).join('');
  }
  return `${out}~>`;
}

