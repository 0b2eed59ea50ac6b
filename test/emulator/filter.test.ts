import { describe, expect, it } from 'vitest';
import { evaluate, parseFilter, referencedPaths, toSql, tokenize, ODataSyntaxError } from '../../src/emulator/odata/filter';
import { parseExpand, parseOrderBy, parseTop } from '../../src/emulator/odata/query';

const sql = (filter: string) => toSql(parseFilter(filter), (segments) => `[${segments.join('/')}]`);
const matches = (filter: string, row: Record<string, unknown>) => evaluate(parseFilter(filter), (segments) => row[segments[segments.length - 1]!]);

describe('tokenize', () => {
  it('reads a doubled quote inside a string as one quote', () => {
    expect(tokenize("'O''Brien'")).toEqual([{ type: 'string', value: "O'Brien", at: 0 }]);
  });
  it('reads unquoted ISO date-times as one literal', () => {
    expect(tokenize('2020-04-01T08:00:00Z')[0]).toMatchObject({ type: 'datetime', value: '2020-04-01T08:00:00Z' });
  });
  it('reads negative and decimal numbers', () => {
    expect(tokenize('-1.5 42').map((t) => t.value)).toEqual([-1.5, 42]);
  });
  it('rejects an unterminated string', () => {
    expect(() => tokenize("'abc")).toThrow(ODataSyntaxError);
  });
  it('rejects characters OData does not use', () => {
    expect(() => tokenize('fields/A eq 1 ; drop')).toThrow(/character ';'/);
  });
});

describe('parseFilter', () => {
  it('parses every comparison operator on a fields/ path', () => {
    for (const op of ['eq', 'ne', 'lt', 'gt', 'le', 'ge']) {
      expect(parseFilter(`fields/Count ${op} 3`)).toEqual({
        kind: 'compare', op, left: { kind: 'path', segments: ['fields', 'Count'] }, right: { kind: 'literal', value: 3 },
      });
    }
  });
  it('binds and tighter than or', () => {
    const e = parseFilter("fields/A eq 'x' or fields/B eq 'y' and fields/C eq 'z'");
    expect(e.kind).toBe('or');
    expect(e.kind === 'or' && e.right.kind).toBe('and');
  });
  it('lets parentheses override precedence', () => {
    const e = parseFilter("(fields/A eq 'x' or fields/B eq 'y') and fields/C eq 'z'");
    expect(e.kind).toBe('and');
  });
  it('parses startswith, with or without "eq true"', () => {
    expect(parseFilter("startswith(fields/Email,'tom')").kind).toBe('startswith');
    expect(parseFilter("startswith(fields/Email,'tom') eq true").kind).toBe('startswith');
    expect(parseFilter("startswith(fields/Email,'tom') eq false").kind).toBe('not');
  });
  it('normalises date literals to SharePoint\'s second-precision UTC form', () => {
    expect(parseFilter('fields/When ge 2020-04-01')).toMatchObject({ right: { value: '2020-04-01T00:00:00Z' } });
    expect(parseFilter('fields/When ge 2020-04-01T09:30:00.123+01:00')).toMatchObject({ right: { value: '2020-04-01T08:30:00Z' } });
  });
  it('reads true, false and null as literals, not paths', () => {
    expect(parseFilter('fields/Done eq true')).toMatchObject({ right: { kind: 'literal', value: true } });
    expect(parseFilter('fields/Done eq null')).toMatchObject({ right: { kind: 'literal', value: null } });
  });
  it.each([
    ['', /empty/],
    ["fields/A eq 'x' and", /unexpected end/],
    ["fields/A 'x'", /comparison operator/],
    ["(fields/A eq 'x'", /unexpected end/],
    ["fields/A eq 'x')", /Unexpected token/],
    ["contains(fields/A,'x')", /not supported/],
    ["fields/'A' eq 'x'", /property name/],
  ])('rejects %j', (filter, message) => {
    expect(() => parseFilter(filter)).toThrow(message);
  });
  it('lists every referenced path', () => {
    expect(referencedPaths(parseFilter("fields/A eq 1 and (fields/B eq 2 or startswith(fields/C,'x'))"))).toEqual([['fields', 'A'], ['fields', 'B'], ['fields', 'C']]);
  });
});

describe('toSql', () => {
  it('uses IS and IS NOT so null compares as OData does', () => {
    expect(sql('fields/A eq null')).toEqual({ sql: '([fields/A] IS ? COLLATE NOCASE)', params: [null] });
    expect(sql("fields/A ne 'x'")).toEqual({ sql: '([fields/A] IS NOT ? COLLATE NOCASE)', params: ['x'] });
  });
  it('binds every literal as a parameter, never inline', () => {
    const out = sql("fields/A eq 'x''; DROP TABLE items; --'");
    expect(out.sql).not.toContain('DROP');
    expect(out.params).toEqual(["x'; DROP TABLE items; --"]);
  });
  it('stores booleans as 1 and 0, as json_extract returns them', () => {
    expect(sql('fields/Done eq true').params).toEqual([1]);
  });
  it('escapes LIKE wildcards in startswith prefixes', () => {
    expect(sql("startswith(fields/A,'50%_off')")).toEqual({ sql: "([fields/A] LIKE ? ESCAPE '\\')", params: ['50\\%\\_off%'] });
  });
  it('keeps not, and, or structure', () => {
    expect(sql("not (fields/A eq 1 or fields/B eq 2) and fields/C lt 3").sql).toBe('((NOT (([fields/A] IS ? COLLATE NOCASE) OR ([fields/B] IS ? COLLATE NOCASE))) AND ([fields/C] < ? COLLATE NOCASE))');
  });
});

describe('evaluate (directory collections)', () => {
  const user = { userPrincipalName: 'Tom.Baker@School.sch.uk', displayName: 'Tom Baker', age: 40, manager: null };
  it('compares strings without regard to case, as Entra ID does', () => {
    expect(matches("userPrincipalName eq 'tom.baker@school.sch.uk'", user)).toBe(true);
    expect(matches("startswith(displayName,'tom')", user)).toBe(true);
  });
  it('orders numbers and treats ordering against null as false', () => {
    expect(matches('age gt 39 and age le 40', user)).toBe(true);
    expect(matches('manager lt 3', user)).toBe(false);
    expect(matches('manager eq null', user)).toBe(true);
  });
});

describe('other query options', () => {
  it('parses $expand with a nested $select, and several expansions', () => {
    const e = parseExpand('fields($select=Title,Status),columns');
    expect(e.get('fields')).toEqual({ select: ['Title', 'Status'] });
    expect(e.get('columns')).toEqual({});
  });
  it('accepts select= without the dollar inside $expand, as the Graph docs write it', () => {
    expect(parseExpand('fields(select=A)').get('fields')).toEqual({ select: ['A'] });
  });
  it('parses $orderby directions and rejects nonsense', () => {
    expect(parseOrderBy('fields/A desc, fields/B')).toEqual([
      { segments: ['fields', 'A'], descending: true }, { segments: ['fields', 'B'], descending: false },
    ]);
    expect(() => parseOrderBy('fields/A sideways')).toThrow(ODataSyntaxError);
  });
  it('caps $top at the maximum and rejects 0', () => {
    expect(parseTop('100000', 200, 5000)).toBe(5000);
    expect(parseTop(undefined, 200, 5000)).toBe(200);
    expect(() => parseTop('0', 200, 5000)).toThrow(ODataSyntaxError);
  });
});
