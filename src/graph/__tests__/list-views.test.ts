import { describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_VIEWS, normaliseCaml } from '../list-views';
import { ACKNOWLEDGEMENTS_LIST } from '../schema';

describe('normaliseCaml', () => {
  const query = ACKNOWLEDGEMENT_VIEWS[0]!.query;

  it('reads CAML SharePoint reformatted (spacing, quotes, the case of TRUE/FALSE) as the same query', () => {
    const reformatted = "<GroupBy Collapse='False'>\n  <FieldRef Name='PolicyVersion' Ascending='false' />\n</GroupBy><OrderBy><FieldRef Name=\"PrintedName\" Ascending=\"True\"/></OrderBy>";
    expect(normaliseCaml(reformatted)).toBe(normaliseCaml(query));
  });

  it('tells a different field, direction or value apart', () => {
    expect(normaliseCaml(query.replace('PrintedName', 'Created'))).not.toBe(normaliseCaml(query));
    expect(normaliseCaml(query.replace('Ascending="FALSE"', 'Ascending="TRUE"'))).not.toBe(normaliseCaml(query));
    expect(normaliseCaml('<Where><Eq><FieldRef Name="PolicyVersion"/><Value Type="Text">2026-12</Value></Eq></Where>'))
      .not.toBe(normaliseCaml('<Where><Eq><FieldRef Name="PolicyVersion"/><Value Type="Text">2026-11</Value></Eq></Where>'));
  });
});

describe('ACKNOWLEDGEMENT_VIEWS', () => {
  it('has one default view, and names only columns the list has or SharePoint\'s own', () => {
    expect(ACKNOWLEDGEMENT_VIEWS.filter((v) => v.isDefault).map((v) => v.title)).toEqual(['By version']);
    const known = new Set<string>([...ACKNOWLEDGEMENTS_LIST.columns.map((c) => c.name), 'ID', 'LinkTitle', 'Created', 'Author', 'Modified', 'Editor']);
    for (const view of ACKNOWLEDGEMENT_VIEWS) {
      for (const name of [...view.fields, ...[...view.query.matchAll(/Name="(\w+)"/g)].map((m) => m[1]!)]) expect(known.has(name), `${view.title}: ${name}`).toBe(true);
    }
  });
});
