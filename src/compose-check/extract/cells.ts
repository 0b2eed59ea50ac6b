// Cells as a detector should read them: numbers as their digits (a ULN
// stored as a number reads 9283746510, not 9.28E+09), dates as UK dates,
// rows as lines of tab-separated cells, and A1-style references for evidence.
import type { PartWriter } from './output';

/**
 * A number as Excel's General format shows it in a wide column: integers as
 * all their digits, fractions to 15 significant digits (so 0.1+0.2 reads 0.3).
 */
export function formatGeneral(n: number): string {
  if (!isFinite(n)) return String(n);
  if (Math.floor(n) === n && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** A number in Excel's stored form ("9283746510", "9.28374651E9", "0.30000000000000004"). */
export function formatStoredNumber(stored: string): string {
  if (isPlainNumber(stored)) return stored;
  const trimmed = stored.trim();
  if (trimmed === '') return '';
  const n = Number(trimmed);
  return isNaN(n) ? trimmed : formatGeneral(n);
}

/**
 * "123", "-4.5": already as General shows it (at most 15 significant digits,
 * no exponent, no leading zero), so most cells skip Number and back.
 */
function isPlainNumber(s: string): boolean {
  const n = s.length;
  const sign = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (n - sign < 1 || n - sign > 16) return false;
  let digits = 0;
  let point = -1;
  for (let i = sign; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && point < 0 && i > sign) point = i;
    else return false;
  }
  if (digits > 15 || point === n - 1) return false;
  // No leading zero ("007") and no trailing zero after the point ("1.50"): General shows neither.
  const c1 = s.charCodeAt(sign + 1);
  if (s.charCodeAt(sign) === 48 && c1 >= 48 && c1 <= 57) return false;
  return !(point > 0 && s.charCodeAt(n - 1) === 48);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm): no Date object, no time zone. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * An Excel date serial as dd/mm/yyyy (with hh:mm when it has a time and the
 * format shows one). The 1900 system counts the phantom 29 February 1900.
 */
export function formatSerialDate(serial: number, date1904: boolean, withTime: boolean): string {
  if (!isFinite(serial) || serial < 0 || serial > 2958465) return formatGeneral(serial);
  const whole = Math.floor(serial);
  let text: string;
  if (!date1904 && whole === 60) text = '29/02/1900';
  else {
    // Serial 25569 is 1970-01-01 in the 1900 system (from 1 March 1900 on); 24107 in the 1904 system.
    const days = date1904 ? whole - 24107 : whole < 60 ? whole - 25568 : whole - 25569;
    const [y, m, d] = civilFromDays(days);
    text = `${pad2(d)}/${pad2(m)}/${y}`;
  }
  if (!withTime) return text;
  const minutes = Math.round((serial - whole) * 1440);
  return minutes === 0 ? text : `${text} ${pad2(Math.floor(minutes / 60) % 24)}:${pad2(minutes % 60)}`;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Line breaks and tabs inside a cell would break the table's shape. */
const cellText = (text: string): string => (/[\t\r\n]/.test(text) ? text.replace(/\s*[\t\r\n]\s*/g, ' ') : text);

/**
 * One sheet's rows as lines of tab-separated cells, each cell marked with its
 * reference. A row is filled out with empty cells to the widest row so far,
 * as a CSV export writes it: a row whose last cells are empty still splits
 * into as many cells as its header, so the bulk-list rule sees one table.
 */
export class RowWriter {
  private cols: number[] = [];
  private texts: string[] = [];
  /** Cells in the widest row written so far. */
  private width = 0;

  constructor(private readonly part: PartWriter) {}

  cell(col: number, text: string): void {
    if (text === '') return;
    this.cols.push(col);
    this.texts.push(text);
  }

  /** Writes the row's cells (nothing for an empty row) and starts the next. */
  endRow(row: number): void {
    const { cols, texts, part } = this;
    if (cols.length === 0) return;
    let order: number[] | undefined;
    for (let k = 1; k < cols.length; k++) {
      if ((cols[k] as number) <= (cols[k - 1] as number)) {
        order = cols.map((_, i) => i).sort((a, b) => (cols[a] as number) - (cols[b] as number));
        break;
      }
    }
    let prev = -1;
    for (let k = 0; k < cols.length; k++) {
      const i = order ? (order[k] as number) : k;
      const col = cols[i] as number;
      if (col <= prev) continue; // a repeated reference: the first cell wins
      // Cell N is preceded by N tabs in its line, however many cells are empty.
      part.append(repeatTab(prev < 0 ? col : col - prev));
      part.markCell(col, row);
      part.append(cellText(texts[i] as string));
      prev = col;
    }
    this.width = Math.max(this.width, prev + 1);
    part.append(`${repeatTab(this.width - 1 - prev)}\n`);
    this.cols = [];
    this.texts = [];
  }
}

const repeatTab = (n: number): string => (n <= 0 ? '' : n === 1 ? '\t' : '\t'.repeat(n));
