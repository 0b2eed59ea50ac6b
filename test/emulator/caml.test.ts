// The emulator's CAML view queries: what they match, how they sort, and the
// queries SharePoint would not take, refused with the reason.
import { describe, expect, it } from 'vitest';
import { CamlError, compileQuery, sortItems, type FieldInfo, type FieldValue } from '../../src/emulator/caml';
import { ACKNOWLEDGEMENT_VIEWS } from '../../src/graph/list-views';
import { viewableFields } from '../../src/emulator/views';
import { ACKNOWLEDGEMENTS_LIST } from '../../src/graph/schema';
import { TITLE_COLUMN, type StoredColumn } from '../../src/emulator/store';

const columns = [TITLE_COLUMN, ...ACKNOWLEDGEMENTS_LIST.columns].map((c, i) => ({ ...c, id: String(i) }) as StoredColumn);
const fields: FieldInfo[] = viewableFields(columns);
const who = { userLookupId: 12, now: new Date('2026-12-04T10:00:00Z') };

type Row = Record<string, FieldValue> & { ID: number };
const matcher = (caml: string) => {
  const q = compileQuery(caml, fields);
  return (row: Row): boolean => (q.where ? q.where((name) => row[name] ?? null, who) : true);
};

const [byVersion, needsReview] = ACKNOWLEDGEMENT_VIEWS;

describe('the Needs review view', () => {
  const needs = matcher(needsReview!.query);
  const good: Row = { ID: 1, AcceptsPolicy: true, UnderstandsBreach: true, Signature: 'Tom Baker' };

  it('leaves out a record with both boxes ticked and a signature', () => {
    expect(needs(good)).toBe(false);
  });

  it('finds a box not ticked, a box never set, and an empty or missing signature', () => {
    expect(needs({ ...good, AcceptsPolicy: false })).toBe(true);
    expect(needs({ ...good, UnderstandsBreach: null })).toBe(true);
    expect(needs({ ...good, Signature: '' })).toBe(true);
    expect(needs({ ID: 2, AcceptsPolicy: true, UnderstandsBreach: true })).toBe(true);
  });
});

describe('conditions', () => {
  it('compares text without regard to case, and an empty field matches no comparison, Neq included', () => {
    const eq = matcher('<Where><Eq><FieldRef Name="PolicyVersion"/><Value Type="Text">2026-12</Value></Eq></Where>');
    const neq = matcher('<Where><Neq><FieldRef Name="PolicyVersion"/><Value Type="Text">2026-12</Value></Neq></Where>');
    expect(eq({ ID: 1, PolicyVersion: '2026-12' })).toBe(true);
    expect(matcher('<Where><Eq><FieldRef Name="PrintedName"/><Value Type="Text">tom baker</Value></Eq></Where>')({ ID: 1, PrintedName: 'Tom Baker' })).toBe(true);
    expect(neq({ ID: 1, PolicyVersion: '2020-04' })).toBe(true);
    expect(neq({ ID: 1, PolicyVersion: null })).toBe(false);
  });

  it('matches a person by lookup id with <UserID/>, and dates against <Today/>', () => {
    const mine = matcher('<Where><Eq><FieldRef Name="Author" LookupId="TRUE"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq></Where>');
    expect(mine({ ID: 1, Author: { lookupId: 12, name: 'Tom Baker' } })).toBe(true);
    expect(mine({ ID: 2, Author: { lookupId: 13, name: 'Gary Walsh' } })).toBe(false);
    const byName = matcher('<Where><BeginsWith><FieldRef Name="Author"/><Value Type="User">tom</Value></BeginsWith></Where>');
    expect(byName({ ID: 1, Author: { lookupId: 12, name: 'Tom Baker' } })).toBe(true);
    const lastWeek = matcher('<Where><Geq><FieldRef Name="Created"/><Value Type="DateTime"><Today OffsetDays="-7"/></Value></Geq></Where>');
    expect(lastWeek({ ID: 1, Created: '2026-11-30T09:00:00Z' })).toBe(true);
    expect(lastWeek({ ID: 2, Created: '2026-11-20T09:00:00Z' })).toBe(false);
  });

  it('takes In, And and Or', () => {
    const q = matcher('<Where><And><In><FieldRef Name="PolicyVersion"/><Values><Value Type="Text">2020-04</Value><Value Type="Text">2026-12</Value></Values></In>'
      + '<Contains><FieldRef Name="PrintedName"/><Value Type="Text">bak</Value></Contains></And></Where>');
    expect(q({ ID: 1, PolicyVersion: '2026-12', PrintedName: 'Tom Baker' })).toBe(true);
    expect(q({ ID: 2, PolicyVersion: '2019-01', PrintedName: 'Tom Baker' })).toBe(false);
    expect(q({ ID: 3, PolicyVersion: '2026-12', PrintedName: 'Gary Walsh' })).toBe(false);
  });
});

describe('order and groups', () => {
  it('groups by version, newest first, then by name, empty values first and the id breaking ties', () => {
    const q = compileQuery(byVersion!.query, fields);
    expect(q.groupBy).toMatchObject({ field: { name: 'PolicyVersion', title: 'Policy version' }, ascending: false, collapse: false });
    const rows: Row[] = [
      { ID: 1, PolicyVersion: '2020-04', PrintedName: 'Zoe Adams' },
      { ID: 2, PolicyVersion: '2026-12', PrintedName: 'tom baker' },
      { ID: 3, PolicyVersion: '2026-12', PrintedName: 'Amira Okafor' },
      { ID: 4, PolicyVersion: '2020-04', PrintedName: null },
      { ID: 5, PolicyVersion: '2026-12', PrintedName: 'Amira Okafor' },
    ];
    expect(sortItems(rows, q, (row, f) => row[f.name] ?? null, (row) => row.ID).map((r) => r.ID)).toEqual([3, 5, 2, 4, 1]);
  });
});

describe('queries SharePoint would refuse', () => {
  const refused = (caml: string): string => {
    try {
      compileQuery(caml, fields);
    } catch (error) {
      if (error instanceof CamlError) return error.message;
      throw error;
    }
    throw new Error(`accepted: ${caml}`);
  };

  it('names a field the list does not have', () => {
    expect(refused('<OrderBy><FieldRef Name="PrintedNmae"/></OrderBy>')).toContain('"PrintedNmae"');
  });

  it('wants And and Or of exactly two', () => {
    expect(refused('<Where><Or><IsNull><FieldRef Name="Signature"/></IsNull></Or></Where>')).toContain('exactly two');
  });

  it('says when the XML is broken, a Boolean is not 0 or 1, or an element has no place in a view query', () => {
    expect(refused('<Where><Eq>')).toContain('not well-formed');
    expect(refused('<Where><Eq><FieldRef Name="AcceptsPolicy"/><Value Type="Boolean">yes</Value></Eq></Where>')).toContain('1 or 0');
    expect(refused('<ViewFields><FieldRef Name="Title"/></ViewFields>')).toContain('<ViewFields> cannot stand in a view query');
  });
});
