import { describe, expect, it } from 'vitest';
import { describeIssue, parseContactsCsv, roleFromMis } from '../contacts';
import { contactKey } from '../../graph/contacts';
import { upnCheckLetter } from '../../compose-check';

/** A UPN with the right check letter for these digits. */
const UPN = `${upnCheckLetter('801200005001')}801200005001`;

const csv = (...lines: string[]) => lines.join('\r\n');

describe('parseContactsCsv', () => {
  it('reads a plain file into rows numbered as a spreadsheet shows them', () => {
    const result = parseContactsCsv(csv(
      'Email,Role,Pupil name,UPN',
      `jo.parent@example.com,Parent,Amy Brown,${UPN}`,
      `amy.brown@pupils.school.uk,Pupil,Amy Brown,${UPN}`,
    ));
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { row: 2, email: 'jo.parent@example.com', role: 'Parent', pupilName: 'Amy Brown', pupilUpn: UPN, key: contactKey({ email: 'jo.parent@example.com', role: 'Parent', pupilUpn: UPN }) },
      { row: 3, email: 'amy.brown@pupils.school.uk', role: 'Pupil', pupilName: 'Amy Brown', pupilUpn: UPN, key: contactKey({ email: 'amy.brown@pupils.school.uk', role: 'Pupil', pupilUpn: UPN }) },
    ]);
  });

  it('understands SIMS/Arbor headers: Contact Email, Relationship, Forename and Surname', () => {
    const result = parseContactsCsv(csv(
      '\uFEFFForename,Surname,Contact Email,Relationship',
      'Amy,Brown,MUM@Example.com,Mother',
      'Ben,Cole,gran@example.com,Grandmother',
    ));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.email, r.role, r.pupilName])).toEqual([
      ['mum@example.com', 'Parent', 'Amy Brown'],
      ['gran@example.com', 'Carer', 'Ben Cole'],
    ]);
  });

  it('names the row and the file\'s column for a bad email', () => {
    const result = parseContactsCsv(csv('Contact Email,Relationship,Pupil', 'ok@example.com,Father,Amy', 'jo.smith@,Mother,Amy'));
    expect(result.errors).toEqual([{ row: 3, column: 'Contact Email', message: '"jo.smith@" is not an email address' }]);
    expect(describeIssue(result.errors[0]!)).toBe('Row 3, Contact Email: "jo.smith@" is not an email address');
  });

  it('rejects a relationship that is not a parent, carer or pupil', () => {
    const result = parseContactsCsv(csv('Email,Relationship,Pupil', 'sw@council.gov.uk,Social worker,Amy'));
    expect(result.errors).toEqual([{ row: 2, column: 'Relationship', message: '"Social worker" is not a relationship we know; use Parent, Carer or Pupil' }]);
  });

  it('rejects a UPN whose check letter does not match its digits', () => {
    const wrong = UPN.startsWith('A') ? `B${UPN.slice(1)}` : `A${UPN.slice(1)}`;
    const result = parseContactsCsv(csv('Email,Role,Pupil,UPN', `a@example.com,Pupil,Amy,${wrong}`));
    expect(result.errors).toEqual([{ row: 2, column: 'UPN', message: `"${wrong}" is not a valid UPN: its check letter does not match its digits` }]);
  });

  it('rejects a malformed UPN using the engine\'s rule', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil,UPN', 'a@example.com,Pupil,Amy,A12345'));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'UPN' });
    expect(result.errors[0]!.message).toContain('is not a UPN');
  });

  it('requires a pupil name on a pupil row, but not on a parent row', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil', 'p@example.com,Parent,', 'amy@pupils.example.com,Pupil,'));
    expect(result.errors).toEqual([{ row: 3, column: 'Pupil', message: 'is empty; a pupil row needs the pupil\'s name' }]);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
  });

  it('reports every bad row, in row order, and still lists the good rows for the preview', () => {
    const result = parseContactsCsv(csv('Email,Role', 'bad,Parent', 'ok@example.com,Parent', ',Carer', 'x@example.com,'));
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[2, 'Email'], [4, 'Email'], [5, 'Role']]);
    expect(result.rows.map((r) => r.row)).toEqual([3]);
  });

  it('keeps row numbers true to the spreadsheet across blank lines', () => {
    const result = parseContactsCsv(csv('Email,Role', '', 'ok@example.com,Parent', '', 'bad@,Parent', ''));
    expect(result.errors.map((e) => e.row)).toEqual([5]);
  });

  it('counts a quoted cell with a line break as one row', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil', 'a@example.com,Parent,"Amy\nBrown"', 'bad,Parent,Ben'));
    expect(result.rows[0]?.pupilName).toBe('Amy Brown');
    expect(result.errors.map((e) => e.row)).toEqual([3]);
  });

  it('merges a repeated row with a warning rather than an error', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil', 'a@example.com,Parent,Amy', 'A@example.com,Mother,amy'));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.warnings).toEqual([{ row: 3, column: 'Email', message: 'repeats row 2; it will be imported once' }]);
  });

  it('rejects the same contact for the same pupil with two different roles', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil', 'a@example.com,Parent,Amy', 'a@example.com,Carer,Amy'));
    expect(result.errors).toEqual([{ row: 3, column: 'Role', message: 'a@example.com is a Parent of the same pupil on row 2 but a Carer here; keep one' }]);
  });

  it('treats one parent of two pupils as two contacts', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil', 'a@example.com,Parent,Amy', 'a@example.com,Parent,Ben'));
    expect(result.rows).toHaveLength(2);
    expect(result.warnings).toEqual([]);
  });

  it('names a missing email or role column on row 1', () => {
    const result = parseContactsCsv(csv('Name,Phone', 'Amy,0123'));
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[1, 'Email'], [1, 'Role']]);
    expect(result.rows).toEqual([]);
  });

  it('says so when the file is empty', () => {
    expect(parseContactsCsv('').errors[0]?.message).toContain('the file is empty');
  });

  it('flags values beyond the last header', () => {
    const result = parseContactsCsv(csv('Email,Role', 'a@example.com,Parent,extra'));
    expect(result.errors).toEqual([{ row: 2, column: 'column 3', message: 'has 3 values but the header names 2 columns' }]);
  });

  it('accepts a short row whose missing trailing cells are optional', () => {
    const result = parseContactsCsv(csv('Email,Role,Pupil,UPN', 'a@example.com,Parent'));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ email: 'a@example.com', role: 'Parent' });
  });

  it('reports broken quoting as an unreadable file', () => {
    const result = parseContactsCsv(csv('Email,Role', '"a@example.com,Parent'));
    expect(result.errors.some((e) => e.message.startsWith('the file could not be read'))).toBe(true);
  });
});

describe('keys', () => {
  it('are the store\'s ContactKey, so re-importing the file matches the stored items', () => {
    const { rows } = parseContactsCsv(csv('Email,Role,Pupil', 'A@Example.com,Mother,Amy Brown'));
    expect(rows[0]?.key).toBe(contactKey({ email: 'a@example.com', role: 'Parent', pupilName: 'Amy Brown' }));
  });
});

describe('roleFromMis', () => {
  it.each([['Step-father', 'Parent'], ['Foster Carer', 'Carer'], ['STUDENT', 'Pupil'], ['Neighbour', undefined]])('%s → %s', (input, role) => {
    expect(roleFromMis(input)).toBe(role);
  });
});
