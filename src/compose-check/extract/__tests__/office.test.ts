import { describe, expect, it } from 'vitest';
import { docx, extract, fixture, part, text, whereIs, wp, xlsx, zip } from './support';

// Files saved by LibreOffice from the sources in fixtures/src (see make-fixtures.sh).

describe('.xlsx', () => {
  const result = extract('pupils.xlsx');

  it('reads every sheet in the workbook order, hidden ones too, named from workbook.xml', () => {
    expect(text(result).parts.map((p) => p.label)).toEqual(['sheet Year 9', 'sheet Year 10', 'sheet Formats']);
  });

  it('keeps rows as lines and columns as tabs, empty cells included, each row as wide as the widest before it', () => {
    const lines = part(result, 'sheet Year 9').text.split('\n');
    expect(lines[0]).toBe('Name\tUPN\tULN\tDate of birth\tSEN\t\tNotes');
    expect(lines[1]).toBe('Emily Bennett\tQ886402190100\t9283746510\t12/05/2011\tE\t\tEHCP review due & medication in school');
    // No notes: the row still has the header's seven cells, so the sheet reads as one table.
    expect(lines[4]).toBe('Zo\u00eb Smith-Jones\tE886402190211\t9284063271\t28/02/2011\tN\t\t');
    expect(lines.slice(0, 5).map((l) => l.split('\t').length)).toEqual([7, 7, 7, 7, 7]);
  });

  it('gives a 10-digit ULN stored as a number as its digits, even under a scientific format', () => {
    expect(part(result, 'sheet Year 9').text).toContain('\t9283825704\t');
    expect(part(result, 'sheet Formats').text).toMatch(/^9284300842\t/);
  });

  it('formats numbers as Excel shows them: 0.1+0.2 is 0.3, zero-padded formats keep their zeros, dates with times', () => {
    const formats = part(result, 'sheet Formats').text.split('\n');
    expect(formats[1]).toBe('0.3\t');
    expect(formats[2]).toBe('0000012345\t');
    expect(formats[3]).toBe('10/02/2026 14:30\t');
    expect(formats[4]).toBe('1\t-1234.5');
  });

  it('locates each character by its cell', () => {
    const year9 = part(result, 'sheet Year 9');
    expect(whereIs(year9, 'Q886402190100')).toBe('cell B2');
    expect(whereIs(year9, '9284063271')).toBe('cell C5');
    expect(whereIs(year9, 'medication')).toBe('cell G2');
    expect(whereIs(part(result, 'sheet Year 10'), 'Noah Hill')).toBe('cell A3');
  });

  it('reads inline strings, booleans, errors, formula strings and rich shared strings without phonetic runs', () => {
    const r = extract('book.xlsx', xlsx({
      Export: '<row r="1"><c r="A1" t="inlineStr"><is><t>Inline</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c>' +
        '<c r="D1" t="str"><f>A1&amp;"x"</f><v>Inlinex</v></c><c r="E1" t="s"><v>0</v></c><c r="F1" t="s"><v>9</v></c></row>',
    }, { shared: '<si><r><t>Rich </t></r><r><t>text</t></r><rPh><t>ignored</t></rPh></si>' }));
    expect(part(r, 'sheet Export').text).toBe('Inline\tTRUE\t#N/A\tInlinex\tRich text\n');
  });

  it('reads cells without references in order, and rows with gaps keep their own numbers', () => {
    const r = extract('book.xlsx', xlsx({ S: '<row><c><v>1</v></c><c><v>2</v></c></row><row r="10"><c r="C10"><v>3</v></c></row>' }));
    const s = part(r, 'sheet S');
    expect(s.text).toBe('1\t2\n\t\t3\n');
    expect(whereIs(s, '3')).toBe('cell C10');
  });

  it('takes dates from custom and built-in formats, and the 1904 date system', () => {
    const styles = '<numFmts><numFmt numFmtId="164" formatCode="d mmm yyyy;@"/><numFmt numFmtId="165" formatCode="&quot;Ref &quot;0"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const row = '<row r="1"><c r="A1" s="1"><v>40675</v></c><c r="B1" s="2"><v>60</v></c><c r="C1" s="3"><v>42</v></c><c r="D1" s="1"><v>1</v></c></row>';
    expect(part(extract('a.xlsx', xlsx({ S: row }, { styles })), 'sheet S').text).toBe('12/05/2011\t29/02/1900\t42\t01/01/1900\n');
    expect(part(extract('a.xlsx', xlsx({ S: row }, { styles, workbookPr: '<workbookPr date1904="1"/>' })), 'sheet S').text).toMatch(/^13\/05\/2015\t/);
  });

  it('reads a workbook whose writer prefixes every element (the Open XML SDK writes x:c)', () => {
    const r = extract('sdk.xlsx', xlsx({ S: '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Prefixed</x:t></x:is></x:c><x:c r="B1"><x:v>9283746510</x:v></x:c></x:row>' }, { prefix: 'x' }));
    expect(part(r, 'sheet S').text).toBe('Prefixed\t9283746510\n');
  });

  it('finds the sheets without relationships, by the worksheets folder', () => {
    const r = extract('bare.xlsx', zip({
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet2.xml': '<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
    }));
    expect(text(r).parts.map((p) => [p.label, p.text])).toEqual([['sheet Sheet1', '1\n'], ['sheet Sheet2', '2\n']]);
  });

  it('does not break a row on a cell holding tabs or line breaks', () => {
    const r = extract('a.xlsx', xlsx({ S: '<row r="1"><c r="A1" t="inlineStr"><is><t>two\nlines\tand tab</t></is></c><c r="B1"><v>5</v></c></row>' }));
    expect(part(r, 'sheet S').text).toBe('two lines and tab\t5\n');
  });
});

describe('.docx', () => {
  const result = extract('report.docx');
  const body = part(result, '');

  it('reads paragraphs in order, with line breaks, tabs and repeated spaces', () => {
    expect(body.text).toContain('Emily Bennett (UPN Q886402190100) has an EHCP for speech, language and communication needs.\nHer review meeting is on 12 March.\n');
    expect(body.text).toContain('Attendance:\t94%   (autumn term)\n');
  });

  it('writes a table as rows of tab-separated cells, paragraphs in a cell joined by a space', () => {
    expect(body.text).toContain('Name\tUPN\tNeed\nEmily Bennett\tQ886402190100\tEHCP SLCN\nOliver Hughes\tN886402190174\tSEN support\n');
  });

  it('numbers pages from the page breaks Word or LibreOffice wrote', () => {
    expect(whereIs(body, 'Annual review: Emily Bennett')).toBe('page 1');
    expect(whereIs(body, 'Oliver Hughes has asthma')).toBe('page 2');
    expect(whereIs(body, 'Speech and language therapy')).toBe('page 3');
  });

  it('reads headers and footers as their own parts', () => {
    expect(part(result, 'header').text).toBe('Wells AP Kinsley - Confidential\n');
    expect(part(result, 'footer').text).toBe('Annual review record\n');
  });

  it('counts a hard page break and the rendered break Word writes after it as one page', () => {
    const r = extract('w.docx', docx(
      `${wp('one')}<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>two</w:t></w:r></w:p>` +
      `<w:p><w:r><w:t>still two, </w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>three</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>four</w:t></w:r></w:p>` +
      `<w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr><w:r><w:t>end of section four</w:t></w:r></w:p>${wp('five')}` +
      `<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr><w:r><w:t>still five</w:t></w:r></w:p>${wp('five again')}`,
    ));
    const b = part(r, '');
    expect(['one', 'two', 'still two', 'three', 'four', 'end of section four', 'five', 'still five', 'five again'].map((w) => whereIs(b, w)))
      .toEqual(['page 1', 'page 2', 'page 2', 'page 3', 'page 4', 'page 4', 'page 5', 'page 5', 'page 5']);
  });

  it('reads tracked deletions (still in the file sent) but not field codes or the VML copy of a text box', () => {
    const r = extract('w.docx', docx(
      '<w:p><w:del><w:r><w:delText>UPN Q886402190100</w:delText></w:r></w:del>' +
      '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>kept</w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent>' + wp('boxed') + '</w:txbxContent></mc:Choice>' +
      '<mc:Fallback><w:pict><w:txbxContent>' + wp('boxed') + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
    ));
    const t = part(r, '').text;
    expect(t).toContain('UPN Q886402190100kept');
    expect(t).not.toContain('PAGE');
    expect(t.match(/boxed/g)).toHaveLength(1);
  });

  it('keeps tab stops out of the text and each distinct header once', () => {
    const header = '<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/></w:tabs></w:pPr><w:r><w:t>A</w:t></w:r><w:r><w:tab/><w:t>B</w:t></w:r></w:p>';
    const r = extract('w.docx', docx(wp('body'), { headers: [header, header, wp('Other')] }));
    expect(part(r, 'header').text).toBe('A\tB\n\nOther\n');
  });

  it('says a package without its main document is not a valid .docx', () => {
    expect(extract('w.docx', zip({ '[Content_Types].xml': '<Types/>', 'word/styles.xml': '<w:styles/>' }))).toEqual({ kind: 'unreadable', why: 'not a valid .docx (no document inside)' });
  });
});

describe('.pptx', () => {
  const result = extract('slides.pptx');

  it('reads slides in presentation order, one part each, and speaker notes beside their slide', () => {
    expect(text(result).parts.map((p) => p.label)).toEqual(['slide 1', 'slide 2', 'slide 2 notes', 'slide 3']);
    expect(part(result, 'slide 2').text).toBe('Pupils to watch\nEmily Bennett: EHCP review\nOliver Hughes: asthma plan\n');
    expect(part(result, 'slide 2 notes').text).toBe('Mention UPN Q886402190100 only to the SENCO.\n');
  });

  it('follows sldIdLst, not file names', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const slide = (t: string): string => `<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:txBody><a:p><a:r><a:t>${t}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
    const r = extract('p.pptx', zip({
      '[Content_Types].xml': '<Types/>',
      'ppt/presentation.xml': `<p:presentation xmlns:p="p" xmlns:r="${REL}"><p:sldIdLst><p:sldId id="257" r:id="rB"/><p:sldId id="256" r:id="rA"/></p:sldIdLst></p:presentation>`,
      'ppt/_rels/presentation.xml.rels': `<Relationships><Relationship Id="rA" Type="${REL}/slide" Target="slides/slide1.xml"/><Relationship Id="rB" Type="${REL}/slide" Target="/ppt/slides/slide2.xml"/></Relationships>`,
      'ppt/slides/slide1.xml': slide('file one'),
      'ppt/slides/slide2.xml': slide('file two, shown first'),
    }));
    expect(text(r).parts.map((p) => `${p.label}: ${p.text}`)).toEqual(['slide 1: file two, shown first\n', 'slide 2: file one\n']);
  });
});

describe('OpenDocument', () => {
  it('.odt: paragraphs, a table as tab-separated rows, pages from page-break styles, header and footer', () => {
    const r = extract('report.odt');
    const body = part(r, '');
    expect(body.text).toContain('Name\tUPN\tNeed\nEmily Bennett\tQ886402190100\tEHCP SLCN\n');
    expect(body.text).toContain('Attendance:\t94%   (autumn term)\n');
    expect(whereIs(body, 'Emily Bennett (UPN')).toBe('page 1');
    expect(whereIs(body, 'Medical needs')).toBe('page 2');
    expect(whereIs(body, 'Actions')).toBe('page 3');
    expect(part(r, 'header').text).toBe('Wells AP Kinsley - Confidential\n');
    expect(part(r, 'footer').text).toBe('Annual review record\n');
  });

  it('.ods: sheets by name, numbers as digits, dates as dd/mm/yyyy, repeated cells expanded, cells located', () => {
    const r = extract('pupils.ods');
    expect(text(r).parts.map((p) => p.label)).toEqual(['sheet Year 9', 'sheet Year 10', 'sheet Formats']);
    const year9 = part(r, 'sheet Year 9');
    expect(year9.text.split('\n')[1]).toBe('Emily Bennett\tQ886402190100\t9283746510\t12/05/2011\tE\t\tEHCP review due & medication in school');
    expect(whereIs(year9, '9284063271')).toBe('cell C5');
    // LibreOffice saves the two equal "10K" cells as one cell repeated twice.
    const year10 = part(r, 'sheet Year 10');
    expect(year10.text.split('\n')[1]).toBe('Amelia Hughes\tT886402190248\t9284142465\t10K\t10K');
    expect(year10.locate?.(year10.text.lastIndexOf('10K'))).toBe('cell E2');
    expect(part(r, 'sheet Formats').text.split('\n').slice(0, 4)).toEqual(['9284300842\tULN shown in scientific format', '0.3\t', '0000012345\t', '10/02/2026 14:30\t']);
  });

  it('.ods: repeated rows count in row numbers and an endless repeat of empty cells costs nothing', () => {
    const content = '<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="S">' +
      '<table:table-row table:number-rows-repeated="3"><table:table-cell office:value-type="string"><text:p>same</text:p></table:table-cell></table:table-row>' +
      '<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>' +
      '<table:table-row><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="9283746510"><text:p>9.28E+09</text:p></table:table-cell></table:table-row>' +
      '</table:table></office:spreadsheet></office:body></office:document-content>';
    const r = extract('s.ods', zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': content }));
    const s = part(r, 'sheet S');
    expect(s.text).toBe('same\nsame\nsame\n\t\t9283746510\n');
    expect(whereIs(s, '9283746510')).toBe('cell C1000004');
  });

  it('says an OpenDocument file with a password is protected', () => {
    expect(extract('report-protected.odt')).toEqual({ kind: 'protected', why: 'password-protected document' });
  });
});

describe('older and protected Office files', () => {
  it('says an .xlsx or .docx with a password (an encrypted CFB container) is protected', () => {
    expect(extract('pupils-protected.xlsx')).toEqual({ kind: 'protected', why: 'password-protected workbook' });
    expect(extract('report-protected.docx')).toEqual({ kind: 'protected', why: 'password-protected document' });
  });

  it('says an Office 97-2003 file is an older format, not checked', () => {
    expect(extract('pupils.xls')).toEqual({ kind: 'unreadable', why: 'older Office format (.xls), not checked' });
  });

  it('reads the format from the bytes, not the name', () => {
    expect(text(extract('pupils.pdf', fixture('pupils.xlsx'))).parts[0]?.label).toBe('sheet Year 9');
    expect(part(extract('report.xlsx', fixture('report.docx')), 'header').text).toContain('Confidential');
  });
});
