// A read-only HTML page at each list's webUrl (<site>/Lists/<name>, and
// <site>/Lists/<name>/<View>.aspx for each view), standing in for SharePoint's
// list page so "Open in SharePoint" works in the demo. It shows the items
// through the list's default view (or the one named): the view's columns in
// its order, under their display names, filtered, grouped and sorted as its
// query says, a page of RowLimit at a time. Who is looking comes from a cookie
// the dev-only /_dev/open hand-off sets (browsers send no bearer token to a
// page), and the page authorises exactly as the list's items are authorised
// through Graph: no access to the list is the same 404 as no list; under
// ReadSecurity 2 a member of staff sees only their own items.
//
// Every value is escaped (it is a record of what people typed), and the page
// runs no script at all: its Content-Security-Policy allows only its own style.
import { createHash } from 'node:crypto';
import type { EmuReply, EmuRequest, Principal } from './http';
import type { Directory } from './directory';
import type { SitePermissions } from './permissions';
import { CamlError, compileQuery, sortItems, type CompiledQuery, type FieldInfo, type FieldValue } from './caml';
import { SITE_PATH } from './render';
import type { ItemRow, ListRow, ListStore } from './store';
import { itemValue, viewableFields, ViewStore, type ListView } from './views';
import { DEMO_USERS } from './seed/school';
import { PermissionKind, hasPermission } from '../graph/permissions';

/** The cookie /_dev/open sets: the demo token of whoever opened the page. HttpOnly, so no script reads it. */
export const SESSION_COOKIE = 'aup_emulator_session';
/** Where it is sent: the site's pages only, never Graph or the dev endpoints. */
export const SESSION_COOKIE_PATH = SITE_PATH;

const LABEL = 'AUP Guard local emulator — a stand-in for SharePoint’s list page';

const STYLE = `
:root { color-scheme: light dark; font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.4; }
body { margin: 0; background: Canvas; color: CanvasText; }
.banner { background: #fff4ce; color: #1b1a19; border-bottom: 2px solid #8a6d00; padding: 0.5rem 1rem; }
.banner p { margin: 0.2rem 0; }
main { padding: 1rem; max-width: 80rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; margin: 0 0 1rem; }
a { color: LinkText; }
a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid GrayText; vertical-align: top; overflow-wrap: anywhere; }
thead th { border-bottom-width: 2px; }
.group th { background: color-mix(in srgb, CanvasText 8%, Canvas); font-weight: 600; }
.note { max-width: 60ch; }
`;
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
/** No script, no images, no frames, no forms: only the page's own style. */
export const PAGE_CSP = `default-src 'none'; style-src ${STYLE_HASH}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escape = (value: string): string => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Page {
  readonly status: number;
  readonly title: string;
  readonly body: string;
  readonly who?: Principal;
}

function document(page: Page): EmuReply {
  const signedIn = page.who ? `<p>Signed in as ${escape(page.who.name)} (${escape(page.who.upn)}).</p>` : '';
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(page.title)} · AUP Guard local emulator</title>
<style>${STYLE}</style>
</head>
<body>
<header class="banner"><p><strong>${escape(LABEL)}</strong>. Read only: in a school’s Microsoft 365 this is the list in SharePoint itself.</p>${signedIn}</header>
<main>
${page.body}
</main>
</body>
</html>
`;
  return {
    status: page.status,
    headers: {
      'Content-Security-Policy': PAGE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store',
      ...(page.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="AUP Guard local emulator"' } : {}),
    },
    html,
  };
}

/** A page that only says something: a refusal, or what to do first. Paragraphs are HTML, their values escaped by the caller. */
export const message = (status: number, title: string, paragraphs: readonly string[], who?: Principal): EmuReply =>
  document({ status, title, body: `<h1>${escape(title)}</h1>\n${paragraphs.map((p) => `<p class="note">${p}</p>`).join('\n')}`, ...(who ? { who } : {}) });

/** Value as the page shows it: dates in UK time, Yes/No, people by name. */
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function shown(value: FieldValue, field: FieldInfo): string {
  if (value === null || value === '') return '';
  if (typeof value === 'object') return value.name;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field.kind === 'dateTime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return DATE.format(new Date(value)).replace(',', '');
  return String(value);
}

export interface ListPageDeps {
  readonly store: ListStore;
  readonly directory: Directory;
  readonly permissions: SitePermissions;
  readonly views: ViewStore;
}

/** Reads one cookie from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export class ListPages {
  constructor(private readonly deps: ListPageDeps) {}

  /** Whether a path is a list page this serves (under <site>/Lists/). */
  static handles(pathname: string): boolean {
    return pathname.toLowerCase().startsWith(`${SITE_PATH}/lists/`);
  }

  async serve(req: EmuRequest, pathname: string): Promise<EmuReply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return message(405, 'Read only', ['This page only shows the list; nothing can be changed here.']);
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    if (!token) return this.signInFirst(false);
    let who: Principal;
    try {
      who = await this.deps.directory.authenticate(`Bearer ${token}`);
    } catch {
      return this.signInFirst(true);
    }
    return this.render(req, pathname, who);
  }

  /** No cookie (or a stale one): who to sign in as, and where; never any data. */
  private signInFirst(expired: boolean): EmuReply {
    const manager = this.deps.directory.user(DEMO_USERS.manager);
    const example = manager ? ` as a manager, for example ${escape(manager.display_name)} (${escape(manager.upn)})` : ' as a manager';
    return message(401, 'Sign in from the AUP Guard tab first', [
      expired ? 'Your emulator sign-in for this page has expired or belongs to another emulator.' : 'This page does not know who you are.',
      `Browsers send no token to a page, so the demo hands one over: open the AUP Guard tab (with <code>npm start</code>, http://localhost:5173/teams/index.html), sign in${example}, choose <em>Who has signed</em> and then <em>Open in SharePoint</em>.`,
      'A member of staff who opens the list that way sees only their own acknowledgements, as SharePoint shows them.',
    ]);
  }

  private render(req: EmuRequest, pathname: string, who: Principal): EmuReply {
    const { store, permissions, views } = this.deps;
    const access = permissions.caller(who, 'page');
    if (!hasPermission(access.web(), PermissionKind.Open)) {
      return message(403, 'You do not have access to this site', ['Ask the site’s owner (the school’s IT admin) if you need it.'], who);
    }
    const [name, file, ...extra] = decodeURIComponent(pathname.slice(`${SITE_PATH}/Lists/`.length)).split('/').filter(Boolean);
    const list = name ? store.allLists().find((l) => l.name.toLowerCase() === name.toLowerCase()) : undefined;
    // A list the caller has no permission on is not revealed, as SharePoint answers for one that does not exist.
    if (!list || !hasPermission(access.list(list), PermissionKind.Open) || extra.length > 0) {
      return message(404, 'This list does not exist', ['The page you asked for is a list that does not exist, or that your account cannot see.'], who);
    }
    const mask = access.list(list);
    if (!hasPermission(mask, PermissionKind.ViewListItems)) {
      return message(403, 'You do not have access to this list', ['Your account can reach the list but not read its items.'], who);
    }
    const viewId = req.query.get('viewid');
    const view = file ? views.find(list, who.oid, { file }) : viewId ? views.find(list, who.oid, { id: viewId }) : views.defaultView(list, who.oid);
    if (!view) return message(404, 'This view does not exist', [`The list "${escape(list.display_name)}" has no such view.`], who);
    return this.viewPage(req, list, view, who, mask);
  }

  private viewPage(req: EmuRequest, list: ListRow, view: ListView, who: Principal, mask: bigint): EmuReply {
    const { store, views, directory } = this.deps;
    const fields = viewableFields(store.columns(list.id));
    const byName = new Map(fields.map((f) => [f.name, f]));
    let query: CompiledQuery;
    try {
      query = compileQuery(view.query, fields);
    } catch (error) {
      // Checked when the view was saved; a column deleted since can still break it, as in SharePoint.
      if (error instanceof CamlError) return message(500, 'This view cannot be shown', [`Its query no longer fits the list: ${escape(error.message)}`], who);
      throw error;
    }
    // Every item the caller may read, as Graph would give them (ReadSecurity 2: one's own); then the view's query.
    const { rows } = store.queryItems(list, { userId: who.oid, mask }, { orderBy: [], top: store.itemCount(list.id) + 1, honorNonIndexed: true });
    const context = { userLookupId: directory.identityOf(who).lookupId, now: new Date() };
    const matching = query.where ? rows.filter((row) => query.where!((name) => itemValue(row, byName.get(name)!), context)) : rows;
    const sorted = sortItems(matching, query, itemValue, (row) => row.id);
    const first = Math.max(1, Math.floor(Number(req.query.get('PageFirstRow') ?? 1)) || 1);
    const pageRows = view.paged ? sorted.slice(first - 1, first - 1 + view.rowLimit) : sorted.slice(0, view.rowLimit);
    const columns = view.fields.flatMap((f) => byName.get(f) ?? []);
    const folder = ViewStore.folder(list);
    const viewLink = (v: ListView, extraQuery = ''): string => `${folder}/${encodeURIComponent(v.file)}${extraQuery}`;

    const nav = views.views(list, who.oid).map((v) =>
      `<li><a href="${escape(viewLink(v))}"${v.id === view.id ? ' aria-current="page"' : ''}>${escape(v.title)}${v.isDefault ? ' (default view)' : ''}</a></li>`).join('');
    const header = columns.map((c) => `<th scope="col">${escape(c.title)}</th>`).join('');
    const cells = (row: ItemRow): string => columns.map((c) => `<td>${escape(shown(itemValue(row, c), c))}</td>`).join('');
    let body: string;
    if (pageRows.length === 0) {
      body = `<p>There are no items to show in this view of the "${escape(list.display_name)}" list.</p>`;
    } else if (query.groupBy) {
      const group = query.groupBy.field;
      const key = (row: ItemRow): string => shown(itemValue(row, group), group);
      const counts = new Map<string, number>();
      for (const row of sorted) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
      const groups: ItemRow[][] = [];
      for (const row of pageRows) {
        const last = groups[groups.length - 1];
        if (last && key(last[0]!) === key(row)) last.push(row);
        else groups.push([row]);
      }
      body = groups.map((g) => {
        const value = key(g[0]!);
        return `<tbody>\n<tr class="group"><th scope="rowgroup" colspan="${columns.length}">${escape(group.title)}: ${escape(value || '(empty)')} (${counts.get(value)})</th></tr>\n`
          + g.map((row) => `<tr>${cells(row)}</tr>`).join('\n') + '\n</tbody>';
      }).join('\n');
    } else {
      body = `<tbody>\n${pageRows.map((row) => `<tr>${cells(row)}</tr>`).join('\n')}\n</tbody>`;
    }
    const table = pageRows.length === 0 ? body
      : `<table>\n<caption>${escape(view.title)}: ${sorted.length} item${sorted.length === 1 ? '' : 's'}${query.groupBy ? `, grouped by ${escape(query.groupBy.field.title)}` : ''}</caption>\n<thead><tr>${header}</tr></thead>\n${body}\n</table>`;
    const last = first - 1 + pageRows.length;
    const pages: string[] = [];
    if (view.paged && first > 1) pages.push(`<a href="${escape(viewLink(view, `?PageFirstRow=${Math.max(1, first - view.rowLimit)}`))}">Previous page</a>`);
    if (view.paged && last < sorted.length) pages.push(`<a href="${escape(viewLink(view, `?PageFirstRow=${last + 1}`))}">Next page</a>`);
    const paging = pageRows.length > 0 ? `<p>Showing items ${first} to ${last} of ${sorted.length}.</p>${pages.length ? `<nav aria-label="Pages"><ul>${pages.map((p) => `<li>${p}</li>`).join('')}</ul></nav>` : ''}` : '';
    return document({
      status: 200,
      title: `${view.title} · ${list.display_name}`,
      who,
      body: `<h1>${escape(list.display_name)}</h1>\n<nav aria-label="Views of this list"><ul>${nav}</ul></nav>\n${table}\n${paging}`,
    });
  }
}
