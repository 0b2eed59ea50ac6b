// CAML view queries (SP.View.ViewQuery: Where, OrderBy, GroupBy) for the
// emulator's list views: checked when a view is saved, then applied when its
// page is drawn. The subset lists use: comparisons (Eq, Neq, Lt, Gt, Leq, Geq,
// BeginsWith, Contains, In), IsNull/IsNotNull, And/Or of exactly two, values
// typed Text, Note, Choice, Boolean, Number, Integer, Counter, DateTime or
// User, <UserID/> and <Today/>. SharePoint's query language is documented at
// learn.microsoft.com/sharepoint/dev/schema/query-schema.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** What the query needs to know about each field a view can name. */
export type FieldKind = 'text' | 'boolean' | 'number' | 'dateTime' | 'user' | 'counter';

export interface FieldInfo {
  readonly name: string;
  readonly title: string;
  readonly kind: FieldKind;
}

/** A field's value on one item: user fields as the person (lookup id and name); empty as null. */
export type FieldValue = string | number | boolean | { readonly lookupId: number; readonly name: string } | null;

export interface SortKey {
  readonly field: FieldInfo;
  readonly ascending: boolean;
}

export interface CompiledQuery {
  /** Undefined: every item. */
  readonly where?: (item: (field: string) => FieldValue, who: QueryContext) => boolean;
  readonly orderBy: readonly SortKey[];
  readonly groupBy?: SortKey & { readonly collapse: boolean };
}

export interface QueryContext {
  /** The viewer's user-information id, for <UserID/>. */
  readonly userLookupId: number;
  readonly now: Date;
}

/** A query SharePoint would refuse, in words that name the problem. */
export class CamlError extends Error {
  override readonly name = 'CamlError';
}

interface Node {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly Node[];
  readonly text: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, parseTagValue: false, parseAttributeValue: false, trimValues: true, processEntities: true });

type Raw = Record<string, unknown>;

function toNodes(raw: readonly Raw[]): Node[] {
  return raw.flatMap((entry): Node[] => {
    const name = Object.keys(entry).find((k) => k !== ':@');
    if (!name || name === '#text') return [];
    const inner = (entry[name] as Raw[] | undefined) ?? [];
    const text = inner.map((i) => i['#text']).filter((t): t is string | number => t !== undefined).map(String).join('');
    return [{ name, attrs: (entry[':@'] as Record<string, string> | undefined) ?? {}, children: toNodes(inner), text }];
  });
}

function parse(caml: string): readonly Node[] {
  const wrapped = `<Query>${caml}</Query>`;
  const valid = XMLValidator.validate(wrapped);
  if (valid !== true) throw new CamlError(`The view query is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`);
  const root = toNodes(parser.parse(wrapped) as Raw[])[0]!;
  // A query given with its own <Query> element reads the same.
  return root.children.length === 1 && root.children[0]!.name === 'Query' ? root.children[0]!.children : root.children;
}

const flag = (value: string | undefined, fallback: boolean): boolean => (value === undefined ? fallback : value.toUpperCase() === 'TRUE');

function fieldOf(node: Node | undefined, fields: ReadonlyMap<string, FieldInfo>, where: string): FieldInfo {
  if (!node || node.name !== 'FieldRef') throw new CamlError(`${where} needs a <FieldRef Name="…"/>.`);
  const name = node.attrs.Name ?? '';
  const field = fields.get(name.toLowerCase());
  if (!field) throw new CamlError(`${where} names the field "${name}", which the list does not have.`);
  return field;
}

const COMPARISONS = new Set(['Eq', 'Neq', 'Lt', 'Gt', 'Leq', 'Geq', 'BeginsWith', 'Contains']);
const VALUE_TYPES = new Set(['Text', 'Note', 'Choice', 'Boolean', 'Number', 'Integer', 'Counter', 'DateTime', 'User', 'Lookup', 'Computed']);

type Item = (field: string) => FieldValue;
type Predicate = (item: Item, who: QueryContext) => boolean;

/** A <Value> as a function of who is asking (UserID) and when (Today). */
function valueOf(node: Node, field: FieldInfo, lookupId: boolean): (who: QueryContext) => string | number | boolean {
  if (node.name !== 'Value') throw new CamlError(`Expected <Value> after the FieldRef of "${field.name}", found <${node.name}>.`);
  const type = node.attrs.Type ?? '';
  if (!VALUE_TYPES.has(type)) throw new CamlError(`<Value Type="${type}"> is not a type the emulator knows (${[...VALUE_TYPES].join(', ')}).`);
  const special = node.children[0];
  if (special?.name === 'UserID') return (who) => who.userLookupId;
  if (special?.name === 'Today') {
    const offset = Number(special.attrs.OffsetDays ?? special.attrs.Offset ?? 0);
    return (who) => new Date(Date.UTC(who.now.getUTCFullYear(), who.now.getUTCMonth(), who.now.getUTCDate() + offset)).toISOString();
  }
  if (special) throw new CamlError(`<${special.name}> inside <Value> is not supported by the emulator.`);
  const text = node.text;
  if (type === 'Boolean') {
    if (!/^(0|1|true|false)$/i.test(text)) throw new CamlError(`A Boolean value is 1 or 0, not "${text}".`);
    return () => text === '1' || text.toLowerCase() === 'true';
  }
  if (type === 'Number' || type === 'Integer' || type === 'Counter' || (lookupId && field.kind === 'user')) {
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) throw new CamlError(`"${text}" is not a number.`);
    return () => n;
  }
  if (type === 'DateTime') {
    if (Number.isNaN(Date.parse(text))) throw new CamlError(`"${text}" is not a date.`);
    return () => new Date(text).toISOString();
  }
  return () => text;
}

/** The item's value as the query compares it: a person by lookup id (LookupId="TRUE") or by name. */
function comparable(value: FieldValue, field: FieldInfo, lookupId: boolean): string | number | boolean | null {
  if (value === null || value === '') return null;
  if (typeof value === 'object') return lookupId ? value.lookupId : value.name;
  if (field.kind === 'dateTime' && typeof value === 'string') return new Date(value).toISOString();
  return value;
}

/** Text compares without regard to case, as SharePoint's collation does; numbers, flags and ISO dates by value. */
export function compareValues(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b, 'en-GB', { sensitivity: 'accent', numeric: true });
  const x = typeof a === 'boolean' ? Number(a) : a;
  const y = typeof b === 'boolean' ? Number(b) : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

function predicate(node: Node, fields: ReadonlyMap<string, FieldInfo>): Predicate {
  if (node.name === 'And' || node.name === 'Or') {
    // SharePoint's And and Or take exactly two conditions; more are nested.
    if (node.children.length !== 2) throw new CamlError(`<${node.name}> takes exactly two conditions, not ${node.children.length}: nest them.`);
    const [a, b] = node.children.map((c) => predicate(c, fields)) as [Predicate, Predicate];
    return node.name === 'And' ? (item, who) => a(item, who) && b(item, who) : (item, who) => a(item, who) || b(item, who);
  }
  if (node.name === 'IsNull' || node.name === 'IsNotNull') {
    const field = fieldOf(node.children[0], fields, `<${node.name}>`);
    const wantNull = node.name === 'IsNull';
    return (item) => (comparable(item(field.name), field, false) === null) === wantNull;
  }
  if (node.name === 'In') {
    const field = fieldOf(node.children[0], fields, '<In>');
    const lookupId = flag(node.children[0]!.attrs.LookupId, false);
    const list = node.children[1];
    if (list?.name !== 'Values') throw new CamlError('<In> needs <Values> after its FieldRef.');
    const options = list.children.map((v) => valueOf(v, field, lookupId));
    return (item, who) => {
      const value = comparable(item(field.name), field, lookupId);
      return value !== null && options.some((o) => compareValues(value, o(who)) === 0);
    };
  }
  if (COMPARISONS.has(node.name)) {
    const field = fieldOf(node.children[0], fields, `<${node.name}>`);
    const lookupId = flag(node.children[0]!.attrs.LookupId, false);
    if (!node.children[1]) throw new CamlError(`<${node.name}> on "${field.name}" needs a <Value>.`);
    const wanted = valueOf(node.children[1], field, lookupId);
    const op = node.name;
    return (item, who) => {
      const value = comparable(item(field.name), field, lookupId);
      // An empty field matches no comparison, Neq included (as SQL's NULL does); IsNull asks for it.
      if (value === null) return false;
      const w = wanted(who);
      if (op === 'BeginsWith') return String(value).toLowerCase().startsWith(String(w).toLowerCase());
      if (op === 'Contains') return String(value).toLowerCase().includes(String(w).toLowerCase());
      const c = compareValues(value, w);
      return op === 'Eq' ? c === 0 : op === 'Neq' ? c !== 0 : op === 'Lt' ? c < 0 : op === 'Gt' ? c > 0 : op === 'Leq' ? c <= 0 : c >= 0;
    };
  }
  throw new CamlError(`<${node.name}> is not a CAML condition the emulator knows.`);
}

/** Checks a view's query against the list's fields and makes it ready to apply. Throws CamlError. */
export function compileQuery(caml: string, fields: readonly FieldInfo[]): CompiledQuery {
  const byName = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  let where: Predicate | undefined;
  let orderBy: SortKey[] = [];
  let groupBy: (SortKey & { collapse: boolean }) | undefined;
  for (const node of caml.trim() ? parse(caml) : []) {
    if (node.name === 'Where') {
      if (node.children.length !== 1) throw new CamlError('<Where> holds exactly one condition (combine more with <And> or <Or>).');
      where = predicate(node.children[0]!, byName);
    } else if (node.name === 'OrderBy') {
      orderBy = node.children.map((c) => ({ field: fieldOf(c, byName, '<OrderBy>'), ascending: flag(c.attrs.Ascending, true) }));
    } else if (node.name === 'GroupBy') {
      // Groups of groups exist in SharePoint; the emulator draws one level.
      if (node.children.length !== 1) throw new CamlError('The emulator groups by one field; <GroupBy> names ' + node.children.length + '.');
      const c = node.children[0]!;
      groupBy = { field: fieldOf(c, byName, '<GroupBy>'), ascending: flag(c.attrs.Ascending, true), collapse: flag(node.attrs.Collapse, true) };
    } else {
      throw new CamlError(`<${node.name}> cannot stand in a view query: use <Where>, <OrderBy> and <GroupBy>.`);
    }
  }
  return { ...(where ? { where } : {}), orderBy, ...(groupBy ? { groupBy } : {}) };
}

/** The sort order a query gives: its groups first, then its OrderBy, then the item id, as SharePoint ties. Empty values sort first. */
export function sortItems<T>(items: readonly T[], query: CompiledQuery, value: (item: T, field: FieldInfo) => FieldValue, id: (item: T) => number): T[] {
  const keys = [...(query.groupBy ? [query.groupBy] : []), ...query.orderBy];
  const sortable = (v: FieldValue, field: FieldInfo): string | number | boolean | null => comparable(v, field, false);
  return [...items].sort((a, b) => {
    for (const key of keys) {
      const x = sortable(value(a, key.field), key.field);
      const y = sortable(value(b, key.field), key.field);
      const c = x === null && y === null ? 0 : x === null ? -1 : y === null ? 1 : compareValues(x, y);
      if (c !== 0) return key.ascending ? c : -c;
    }
    return id(a) - id(b);
  });
}
