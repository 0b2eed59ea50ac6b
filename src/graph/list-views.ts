// The list views provisioning gives AUP Acknowledgements, so a business
// manager checking the list in SharePoint itself sees it grouped by policy
// version and can find records that need a second look (issue 14). Views are
// display only: who sees which items is still the role model's business
// (schema.ts, permissions.ts); a view cannot show an item SharePoint would not.
//
// Made and checked through SharePoint REST (Graph has no views): views/add
// with SP.ViewCreationInformation, MERGE on the view, and its ViewFields.
import { ACKNOWLEDGEMENTS_LIST } from './schema';
import type { ListDefinition } from './schema';
import type { SpRest, SpView } from './sp-rest';

/** SharePoint's own fields a view may show, by internal name (Author is "Created By"). */
export type BuiltInField = 'ID' | 'LinkTitle' | 'Created' | 'Author' | 'Modified' | 'Editor';

export interface ViewDefinition<Field extends string = string> {
  readonly title: string;
  /** Internal names, in the order the columns read. */
  readonly fields: readonly Field[];
  /** SP.View.ViewQuery: the CAML inside <Query> (Where, OrderBy, GroupBy), without the <Query> element. */
  readonly query: string;
  readonly rowLimit: number;
  readonly paged: boolean;
  /** The list's default view: what opening the list shows. */
  readonly isDefault: boolean;
}

type AcknowledgementField = (typeof ACKNOWLEDGEMENTS_LIST)['columns'][number]['name'] | BuiltInField;

/** CAML for "this Yes/No field is No or was never set": an unset Boolean is null, which Eq 0 does not match. */
const notTicked = (field: AcknowledgementField): string =>
  `<Or><Eq><FieldRef Name="${field}"/><Value Type="Boolean">0</Value></Eq><IsNull><FieldRef Name="${field}"/></IsNull></Or>`;

/**
 * "By version" (the default): every signature, grouped by the version signed, newest version first,
 * by name within it. "Needs review": what CAML can express of issue 10's rule, a box not ticked or
 * no signature. The rest of the rule compares one field with another (Modified with Created) or
 * with something outside the list (the hash of the version's text, the time it was published),
 * which a view's query cannot do; the manager view applies the whole rule.
 */
export const ACKNOWLEDGEMENT_VIEWS: readonly ViewDefinition<AcknowledgementField>[] = [
  {
    title: 'By version',
    fields: ['PrintedName', 'PolicyVersion', 'Created', 'Author'],
    query: '<GroupBy Collapse="FALSE"><FieldRef Name="PolicyVersion" Ascending="FALSE"/></GroupBy><OrderBy><FieldRef Name="PrintedName" Ascending="TRUE"/></OrderBy>',
    rowLimit: 100,
    paged: true,
    isDefault: true,
  },
  {
    title: 'Needs review',
    fields: ['PrintedName', 'PolicyVersion', 'AcceptsPolicy', 'UnderstandsBreach', 'Created', 'Author'],
    query: `<Where><Or><Or>${notTicked('AcceptsPolicy')}${notTicked('UnderstandsBreach')}</Or><IsNull><FieldRef Name="Signature"/></IsNull></Or></Where>`
      + '<OrderBy><FieldRef Name="Created" Ascending="FALSE"/></OrderBy>',
    rowLimit: 100,
    paged: true,
    isDefault: false,
  },
];

/** The views each list gets, by display name; lists not named keep SharePoint's own. */
export const LIST_VIEWS: Readonly<Record<string, readonly ViewDefinition[]>> = {
  [ACKNOWLEDGEMENTS_LIST.displayName]: ACKNOWLEDGEMENT_VIEWS,
};

/**
 * CAML as SharePoint may hand it back: whitespace between elements, `/>` spacing, attribute quote
 * style and the case of TRUE/FALSE do not change what a query means, so they do not count as a change.
 */
export function normaliseCaml(caml: string): string {
  return caml
    .trim()
    .replace(/>\s+</g, '><')
    .replace(/\s+\/>/g, '/>')
    .replace(/(\s[\w:]+)\s*=\s*'([^']*)'/g, '$1="$2"')
    .replace(/(\s[\w:]+)\s*=\s*"\s*(true|false)\s*"/gi, (_m, name: string, flag: string) => `${name}="${flag.toUpperCase()}"`);
}

type Difference =
  | { kind: 'missing' }
  | { kind: 'query' }
  | { kind: 'fields'; actual: readonly string[] }
  | { kind: 'rowLimit'; actual: number }
  | { kind: 'paged' }
  | { kind: 'notDefault' };

function differences(found: SpView | undefined, wanted: ViewDefinition): Difference[] {
  if (!found) return [{ kind: 'missing' }];
  const out: Difference[] = [];
  if (normaliseCaml(found.ViewQuery) !== normaliseCaml(wanted.query)) out.push({ kind: 'query' });
  if (found.ViewFields.join('\n') !== wanted.fields.join('\n')) out.push({ kind: 'fields', actual: found.ViewFields });
  if (found.RowLimit !== wanted.rowLimit) out.push({ kind: 'rowLimit', actual: found.RowLimit });
  if (found.Paged !== wanted.paged) out.push({ kind: 'paged' });
  if (wanted.isDefault && !found.DefaultView) out.push({ kind: 'notDefault' });
  return out;
}

/** A public view by its title; a personal view of the same name (only its owner sees it) does not count. */
const publicView = (views: readonly SpView[], title: string): SpView | undefined => views.find((v) => !v.PersonalView && v.Title === title);

/** Column titles for the change log: the list's display names, SharePoint's for its own fields. */
function columnTitles(def: ListDefinition, fields: readonly string[]): string {
  const builtIn: Readonly<Record<string, string>> = { ID: 'ID', LinkTitle: 'Title', Created: 'Created', Author: 'Created By', Modified: 'Modified', Editor: 'Modified By' };
  return fields.map((f) => def.columns.find((c) => c.name === f)?.displayName ?? builtIn[f] ?? f).join(', ');
}

/** Creates the list's views, or puts back what differs, reporting one line per change. A second run changes nothing. */
export async function ensureViews(spRest: SpRest, webUrl: string, listId: string, def: ListDefinition, change: (line: string) => void): Promise<void> {
  const wanted = LIST_VIEWS[def.displayName] ?? [];
  if (wanted.length === 0) return;
  const existing = await spRest.views(webUrl, listId);
  const list = `"${def.displayName}"`;
  for (const view of wanted) {
    const found = publicView(existing, view.title);
    const diffs = differences(found, view);
    if (diffs.length === 0) continue;
    const name = `"${view.title}"`;
    if (!found) {
      await spRest.addView(webUrl, listId, view);
      change(`Created view ${name} on ${list}${view.isDefault ? ' (the default)' : ''}: ${columnTitles(def, view.fields)}`);
      continue;
    }
    const merge: Parameters<SpRest['updateView']>[3] = {};
    for (const d of diffs) {
      if (d.kind === 'query') merge.ViewQuery = view.query;
      if (d.kind === 'rowLimit') merge.RowLimit = view.rowLimit;
      if (d.kind === 'paged') merge.Paged = view.paged;
      if (d.kind === 'notDefault') merge.DefaultView = true;
    }
    if (Object.keys(merge).length > 0) await spRest.updateView(webUrl, listId, found.Id, merge);
    if (diffs.some((d) => d.kind === 'fields')) await spRest.setViewFields(webUrl, listId, found.Id, view.fields);
    change(`Restored view ${name} on ${list}: ${diffs.map((d) => restored(d, view, def)).join('; ')}`);
  }
}

/** What a difference is, for verify. */
function drift(d: Difference, view: ViewDefinition, def: ListDefinition): string {
  switch (d.kind) {
    case 'missing': return 'it does not exist';
    case 'query': return "its filter, grouping or sort order is not AUP Guard's";
    case 'fields': return `it shows ${d.actual.length ? columnTitles(def, d.actual) : 'no columns'} instead of ${columnTitles(def, view.fields)}`;
    case 'rowLimit': return `it shows ${d.actual} items a page instead of ${view.rowLimit}`;
    case 'paged': return view.paged ? 'it does not page' : 'it pages';
    case 'notDefault': return 'it is not the default view';
  }
}

/** What putting a difference right set, for the change log. */
function restored(d: Difference, view: ViewDefinition, def: ListDefinition): string {
  switch (d.kind) {
    case 'missing': return 'created';
    case 'query': return 'its filter, grouping and sort order';
    case 'fields': return `its columns (${columnTitles(def, view.fields)})`;
    case 'rowLimit': return `${view.rowLimit} items a page`;
    case 'paged': return view.paged ? 'paging' : 'no paging';
    case 'notDefault': return 'the default view again';
  }
}

/** One line per view that is missing or differs from its definition; for verify(). Changes nothing. */
export async function viewDrifts(spRest: SpRest, webUrl: string, listId: string, def: ListDefinition): Promise<string[]> {
  const wanted = LIST_VIEWS[def.displayName] ?? [];
  if (wanted.length === 0) return [];
  const existing = await spRest.views(webUrl, listId);
  return wanted.flatMap((view) => {
    const diffs = differences(publicView(existing, view.title), view);
    if (diffs.length === 0) return [];
    if (diffs[0]!.kind === 'missing') return [`${def.displayName} has no "${view.title}" view`];
    return [`The "${view.title}" view of ${def.displayName} differs: ${diffs.map((d) => drift(d, view, def)).join('; ')}`];
  });
}
