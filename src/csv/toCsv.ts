// CSV out: RFC 4180 quoting by papaparse, plus formula-injection escaping so a
// cell such as `=HYPERLINK(...)` opens in Excel as text, not as a formula.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CsvCell;
}

/**
 * Cells OWASP lists as formula triggers: = + - @ tab CR.
 * papaparse's own `escapeFormulae: true` pattern is `/^[=+\-@\t\r].*$/`, whose
 * `.*$` fails on a cell with a line break (`=1+1\nx` slips through), so we pass
 * a pattern that looks only at the first character.
 */
export const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * Renders rows as CSV with a header line. Numbers and booleans are written as
 * they are (a negative number is data, not a formula); every text cell that
 * starts with a trigger gets a leading single quote. Lines end in CRLF (RFC 4180).
 */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const config = { escapeFormulae: FORMULA_TRIGGER, newline: '\r\n', quotes: false };
  const fields = columns.map((c) => c.header);
  // With no data papaparse writes a dangling line break; the header alone is the file.
  if (rows.length === 0) return Papa.unparse([fields], config);
  return Papa.unparse({ fields, data: rows.map((row) => columns.map((c) => c.value(row))) }, config);
}
