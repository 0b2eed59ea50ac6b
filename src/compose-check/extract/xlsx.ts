// .xlsx and .xlsm (SpreadsheetML): every sheet, hidden ones included, in the
// workbook's order, one line per row and one tab-separated cell per column,
// each cell located by its reference. Shared strings, inline strings, numbers
// (as digits: ULNs and NHS numbers are often stored as numbers) and dates
// (as dd/mm/yyyy, as a UK school's dates of birth are shown).
import { Unreadable, type Budget } from './budget';
import { RowWriter, formatGeneral, formatSerialDate, formatStoredNumber } from './cells';
import { mainPart, relationships } from './ooxml';
import type { Output } from './output';
import { AttrCursor, attr, scanXml, scanXmlPieces } from './xml';
import type { ZipArchive } from './zip';

interface SheetRef {
  readonly name: string;
  readonly path: string;
}

export function readXlsx(zip: ZipArchive, out: Output, budget: Budget): void {
  const workbook = mainPart(zip, 'xl/workbook.xml', budget);
  const xml = zip.text(workbook);
  if (xml === undefined) throw new Unreadable('not a valid .xlsx (no workbook inside)');
  const rels = relationships(zip, workbook, budget);
  const byId = new Map(rels.map((r) => [r.id, r] as [string, typeof r]));

  const sheets: SheetRef[] = [];
  let date1904 = false;
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      if (name === 'workbookPr') {
        const v = attr(attrs, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = byId.get(attr(attrs, 'id', true) ?? '');
        // Chart sheets and macro sheets hold no cells to read.
        if (rel && !rel.external && rel.type === 'worksheet') sheets.push({ name: attr(attrs, 'name') ?? '', path: rel.target });
      }
    },
    close() {},
    text() {},
  }, budget);
  if (sheets.length === 0) {
    // No relationships to follow (some writers skip them): the worksheets folder, in number order.
    const found = zip.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/i.test(e.name));
    found.sort((a, b) => Number(a.name.replace(/\D/g, '')) - Number(b.name.replace(/\D/g, '')));
    found.forEach((e, i) => sheets.push({ name: `Sheet${i + 1}`, path: e.name }));
  }

  const sharedPath = rels.find((r) => r.type === 'sharedStrings')?.target ?? 'xl/sharedStrings.xml';
  const shared = readSharedStrings(zip.xmlPieces(sharedPath), budget);
  const stylesPath = rels.find((r) => r.type === 'styles')?.target ?? 'xl/styles.xml';
  const styles = readStyles(zip.text(stylesPath), budget);

  for (const sheet of sheets) {
    // In pieces: a sheet or shared-string table of several MB is never one string.
    const sheetXml = zip.xmlPieces(sheet.path);
    if (sheetXml === undefined) continue;
    readSheet(sheetXml, new RowWriter(out.part(`sheet ${sheet.name}`)), shared, styles, date1904, budget);
  }
}

/** The shared string table: each <si>'s text, rich-text runs joined, phonetic runs (<rPh>) left out. */
function readSharedStrings(xml: Iterable<string> | undefined, budget: Budget): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let current: string[] | undefined;
  let inT = false;
  let phonetic = 0;
  scanXmlPieces(xml, {
    get wantText() { return inT; },
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = [];
      else if (name === 't' && current && phonetic === 0 && !selfClosing) inT = true;
      else if (name === 'rPh' && !selfClosing) phonetic++;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si' && current) {
        strings.push(current.join(''));
        current = undefined;
      }
    },
    text(t) { current?.push(t); },
  }, budget);
  return strings;
}

/** How a style shows numbers: 'date' (with 'time'), zero-padded to a width, or general. */
type NumberStyle = { readonly kind: 'general' } | { readonly kind: 'date'; readonly time: boolean } | { readonly kind: 'padded'; readonly width: number };
const GENERAL: NumberStyle = { kind: 'general' };

/** Built-in number formats that are dates (ECMA-376 18.8.30), and those with a time. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 22, 45, 46, 47]);

function classifyFormat(code: string): NumberStyle {
  // Quoted literals, escapes, [colour]/[condition] sections and fill characters say nothing about the kind.
  const bare = code.split(';')[0]?.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '') ?? '';
  if (/^0+$/.test(bare)) return { kind: 'padded', width: bare.length };
  if (/[dy]/i.test(bare) || /m/i.test(bare) && !/[0#?]/.test(bare)) return { kind: 'date', time: /[hs]/i.test(bare) };
  if (/[hs]/i.test(bare) && !/[0#?]/.test(bare)) return { kind: 'date', time: true };
  return GENERAL;
}

function readStyles(xml: string | undefined, budget: Budget): NumberStyle[] {
  if (xml === undefined) return [];
  const custom = new Map<number, NumberStyle>();
  const cellStyles: NumberStyle[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attr(attrs, 'numFmtId')), classifyFormat(attr(attrs, 'formatCode') ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(attrs, 'numFmtId') ?? '0');
        const style = custom.get(id) ?? (BUILTIN_DATES.has(id) ? { kind: 'date', time: id === 22 } : BUILTIN_TIMES.has(id) ? { kind: 'date', time: true } : GENERAL);
        cellStyles.push(style as NumberStyle);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  }, budget);
  return cellStyles;
}

function formatNumberCell(stored: string, style: NumberStyle, date1904: boolean): string {
  if (style.kind === 'general') return formatStoredNumber(stored);
  const n = Number(stored);
  if (stored.trim() === '' || isNaN(n)) return stored.trim();
  if (style.kind === 'date') return formatSerialDate(n, date1904, style.time);
  const digits = formatGeneral(n);
  return /^\d+$/.test(digits) && digits.length < style.width ? '0'.repeat(style.width - digits.length) + digits : digits;
}

function readSheet(xml: Iterable<string>, rows: RowWriter, shared: readonly string[], styles: readonly NumberStyle[], date1904: boolean, budget: Budget): void {
  let row = 0;
  let col = -1;
  let type = '';
  let style = 0;
  let inCell = false;
  let inInline = false;
  let capture = false;
  let value = '';
  const cursor = new AttrCursor();

  const endCell = (): void => {
    const raw = value;
    let text: string;
    switch (type) {
      case 's': text = shared[Number(raw)] ?? ''; break;
      case 'inlineStr': case 'str': case 'e': case 'd': text = raw; break;
      case 'b': text = raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw; break;
      default: text = formatNumberCell(raw, styles[style] ?? GENERAL, date1904);
    }
    rows.cell(col, text);
  };

  scanXmlPieces(xml, {
    get wantText() { return capture; },
    open(name, attrs, selfClosing) {
      switch (name) {
        case 'row': {
          let r = -1;
          for (cursor.reset(attrs); cursor.next();) if (cursor.is('r')) r = cursor.int();
          row = r >= 1 ? r : row + 1;
          col = -1;
          break;
        }
        case 'c': {
          let ref: [number, number] | undefined;
          type = 'n';
          style = 0;
          for (cursor.reset(attrs); cursor.next();) {
            if (cursor.is('r')) ref = cursor.cellRef();
            else if (cursor.is('t')) type = cursor.valueIs('s') ? 's' : cursor.value();
            else if (cursor.is('s')) style = Math.max(0, cursor.int());
          }
          col = ref ? ref[0] : col + 1;
          inCell = !selfClosing;
          value = '';
          break;
        }
        case 'v':
          capture = inCell && !selfClosing;
          break;
        case 'is':
          inInline = inCell;
          break;
        case 't':
          capture = inInline && !selfClosing;
          break;
        case 'rPh':
          // Phonetic guides inside an inline string are not the cell's text.
          inInline = false;
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v': case 't': capture = false; break;
        case 'rPh': inInline = inCell; break;
        case 'is': inInline = false; break;
        case 'c':
          if (inCell) endCell();
          inCell = false;
          break;
        case 'row': rows.endRow(row); break;
      }
    },
    text(t) { value += t; },
  }, budget);
}
