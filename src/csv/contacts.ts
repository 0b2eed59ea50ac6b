// Contacts in: a CSV export from the school's MIS (SIMS, Arbor, Bromcom...)
// becomes validated AUP Contacts rows, or a list of errors naming the
// spreadsheet row and the file's own column header. Importing is all or
// nothing (issue #5), so callers write rows only when `errors` is empty.
import Papa from 'papaparse';
import { isValidUpn, validateSettingsField } from '../compose-check';
// The store owns a contact's identity (its unique ContactKey); the file's duplicates are judged by the same key.
import { contactKey } from '../graph/contacts';
import type { Contact, ContactRole } from '../graph/contacts';

export type { ContactRole };

/** A valid row; a store Contact plus where it came from. */
export interface ContactRow extends Contact {
  /** Spreadsheet row number: the header is row 1, the first contact row 2. */
  readonly row: number;
  /** The store's ContactKey: the same file imported twice matches itself. */
  readonly key: string;
}

export interface CsvIssue {
  readonly row: number;
  /** The column header as written in the file, or the field we looked for when it is missing. */
  readonly column: string;
  readonly message: string;
}

export interface ParsedContacts {
  readonly rows: readonly ContactRow[];
  /** Any error means nothing may be imported; `rows` still holds the valid ones for the preview. */
  readonly errors: readonly CsvIssue[];
  /** Things the admin should know that do not block the import (repeated rows, merged once). */
  readonly warnings: readonly CsvIssue[];
}

type Field = 'email' | 'role' | 'pupilName' | 'forename' | 'surname' | 'upn';

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// Header spellings seen in MIS exports, compared without case, spaces or punctuation.
const HEADER_ALIASES: Readonly<Record<Field, readonly string[]>> = {
  email: ['email', 'emailaddress', 'contactemail', 'contactemailaddress', 'parentemail', 'carersemail', 'mainemail', 'primaryemail', 'emailprimary', 'pupilemail', 'studentemail'],
  role: ['role', 'relationship', 'relation', 'contactrole', 'contacttype', 'contactrelationship', 'relationshiptopupil', 'relationshiptostudent', 'type'],
  pupilName: ['pupil', 'pupilname', 'pupilfullname', 'student', 'studentname', 'child', 'childname', 'learner', 'learnername'],
  forename: ['forename', 'pupilforename', 'legalforename', 'preferredforename', 'firstname', 'studentforename', 'givenname'],
  surname: ['surname', 'pupilsurname', 'legalsurname', 'preferredsurname', 'lastname', 'studentsurname', 'familyname'],
  upn: ['upn', 'pupilupn', 'studentupn', 'uniquepupilnumber'],
};

// MIS "relationship" values, compared without case, spaces or punctuation.
const ROLE_ALIASES: Readonly<Record<ContactRole, readonly string[]>> = {
  Parent: ['parent', 'mother', 'father', 'mum', 'dad', 'stepmother', 'stepfather', 'stepparent'],
  Carer: ['carer', 'guardian', 'legalguardian', 'specialguardian', 'fostercarer', 'fostermother', 'fosterfather', 'fosterparent', 'kinshipcarer', 'grandparent', 'grandmother', 'grandfather', 'aunt', 'uncle', 'otherrelative', 'relative'],
  Pupil: ['pupil', 'student', 'learner', 'self'],
};

/** The list's ContactKey is a single-line text column of at most 255 characters. */
const MAX_KEY_LENGTH = 255;

export function roleFromMis(value: string): ContactRole | undefined {
  const n = norm(value);
  return (Object.keys(ROLE_ALIASES) as ContactRole[]).find((role) => ROLE_ALIASES[role].includes(n));
}

/** The same person for the same pupil, whatever the role: two roles for one pair is a mistake in the file. */
const personPupil = (c: Contact): string => `${c.email.toLowerCase()}|${(c.pupilUpn ?? c.pupilName ?? '').toLowerCase()}`;

/** The engine's own rules for addresses and UPNs; strips its `path: ` prefix. */
function engineProblem(path: string, value: string): string | undefined {
  const [first] = validateSettingsField(path, value);
  return first?.slice(first.indexOf(': ') + 2);
}

function mapHeaders(headers: readonly string[]): Partial<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  headers.forEach((h, i) => {
    const n = norm(h);
    for (const field of Object.keys(HEADER_ALIASES) as Field[]) {
      if (found[field] === undefined && HEADER_ALIASES[field].includes(n)) found[field] = i;
    }
  });
  return found;
}

const quote = (s: string): string => JSON.stringify(s);
const aliasList = (field: Field): string => HEADER_ALIASES[field].slice(0, 3).map((a) => quote(a)).join(', ');

export function parseContactsCsv(text: string): ParsedContacts {
  const errors: CsvIssue[] = [];
  const warnings: CsvIssue[] = [];
  const rows: ContactRow[] = [];
  // No header mode and no skipping of blank lines: record i must stay spreadsheet row i + 1.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  for (const e of parsed.errors) {
    // Field-count mismatches are checked below, with the column named; the rest are broken quoting.
    if (e.type === 'FieldMismatch' || e.code === 'UndetectableDelimiter') continue;
    errors.push({ row: (e.row ?? 0) + 1, column: '', message: `the file could not be read: ${e.message}` });
  }
  const [headerRow, ...records] = parsed.data;
  const headers = (headerRow ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) {
    return { rows, errors: [...errors, { row: 1, column: '', message: 'the file is empty; expected a header row such as "Email,Role,Pupil name,UPN"' }], warnings };
  }
  const cols = mapHeaders(headers);
  if (cols.email === undefined) errors.push({ row: 1, column: 'Email', message: `no email column; name one ${aliasList('email')} or "Contact Email"` });
  if (cols.role === undefined) errors.push({ row: 1, column: 'Role', message: `no role column; name one "Role" or "Relationship"` });
  if (cols.email === undefined || cols.role === undefined) return { rows, errors, warnings };

  const header = (i: number | undefined, fallback: string): string => (i === undefined ? fallback : headers[i] ?? fallback);
  const seen = new Map<string, ContactRow>();
  const byPersonPupil = new Map<string, ContactRow>();

  records.forEach((cells, index) => {
    const row = index + 2;
    const cell = (i: number | undefined): string => (i === undefined ? '' : (cells[i] ?? '').trim());
    if (cells.every((c) => c.trim() === '')) return; // blank lines, including the trailing one
    const rowErrors: CsvIssue[] = [];
    const fail = (i: number | undefined, fallback: string, message: string) => rowErrors.push({ row, column: header(i, fallback), message });

    const extra = cells.slice(headers.length).some((c) => c.trim() !== '');
    if (extra) fail(undefined, `column ${headers.length + 1}`, `has ${cells.length} values but the header names ${headers.length} columns`);

    const email = cell(cols.email);
    if (email === '') fail(cols.email, 'Email', 'is empty; every contact needs an email address');
    else {
      const problem = engineProblem('parentContacts.0.email', email);
      if (problem) fail(cols.email, 'Email', problem);
    }

    const roleText = cell(cols.role);
    const role = roleFromMis(roleText);
    if (roleText === '') fail(cols.role, 'Role', 'is empty; use Parent, Carer or Pupil');
    else if (!role) fail(cols.role, 'Role', `${quote(roleText)} is not a relationship we know; use Parent, Carer or Pupil`);

    const upn = cell(cols.upn).toUpperCase();
    if (upn !== '') {
      // The settings schema checks the shape; the engine's check letter catches a mistyped digit.
      const problem = engineProblem('pupils.0.upn', upn) ?? (isValidUpn(upn) ? undefined : `${quote(upn)} is not a valid UPN: its check letter does not match its digits`);
      if (problem) fail(cols.upn, 'UPN', problem);
    }

    const pupilName = cols.pupilName !== undefined
      ? cell(cols.pupilName).replace(/\s+/g, ' ')
      : [cell(cols.forename), cell(cols.surname)].filter(Boolean).join(' ');
    if (role === 'Pupil' && pupilName === '') {
      const nameColumn = cols.pupilName ?? cols.forename ?? cols.surname;
      fail(nameColumn, 'Pupil name', 'is empty; a pupil row needs the pupil\'s name');
    }

    if (rowErrors.length > 0 || !role) {
      errors.push(...rowErrors);
      return;
    }
    const contact: Contact = {
      email: email.toLowerCase(), role,
      ...(pupilName ? { pupilName } : {}),
      ...(upn ? { pupilUpn: upn } : {}),
    };
    const key = contactKey(contact);
    if (key.length > MAX_KEY_LENGTH) {
      errors.push({ row, column: header(cols.email, 'Email'), message: `the address and pupil together are longer than ${MAX_KEY_LENGTH} characters` });
      return;
    }
    const repeated = seen.get(key);
    if (repeated) {
      warnings.push({ row, column: header(cols.email, 'Email'), message: `repeats row ${repeated.row}; it will be imported once` });
      return;
    }
    const other = byPersonPupil.get(personPupil(contact));
    if (other) {
      errors.push({ row, column: header(cols.role, 'Role'), message: `${contact.email} is a ${other.role} of the same pupil on row ${other.row} but a ${role} here; keep one` });
      return;
    }
    const stored: ContactRow = { ...contact, row, key };
    seen.set(key, stored);
    byPersonPupil.set(personPupil(contact), stored);
    rows.push(stored);
  });
  // Errors in row order, so the first thing the admin reads is the first row to fix.
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, warnings };
}

/** "Row 5, Contact Email: "x@" is not an email address" — the wording the admin sees. */
export function describeIssue(issue: CsvIssue): string {
  return issue.column ? `Row ${issue.row}, ${issue.column}: ${issue.message}` : `Row ${issue.row}: ${issue.message}`;
}
