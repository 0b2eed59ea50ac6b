// Pure CSV helpers for the manager and admin views: no DOM, no network.
export { toCsv, FORMULA_TRIGGER } from './toCsv';
export type { CsvCell, CsvColumn } from './toCsv';
export { parseContactsCsv, describeIssue, roleFromMis } from './contacts';
export type { ContactRole, ContactRow, CsvIssue, ParsedContacts } from './contacts';
