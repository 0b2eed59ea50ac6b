// The emulator's stand-in for SharePoint's list page (issue 14): the items of
// a list through its default view, or the one named, authorised as Graph
// authorises them, reached through the dev-only hand-off that turns the demo
// token into a cookie. Signatures here are made through Graph with each
// signer's own token, as the tab makes them. Pages are read with jsdom's HTML
// parser (running no script); the test itself runs in Node, as jose's signing
// in the emulator rejects jsdom's Uint8Array.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/emulator/list-page';
import { ACKNOWLEDGEMENTS_LIST } from '../../src/graph/schema';
import { DEMO_USERS, signIn, start, type Emulator, type Session } from './support';

// jsdom ships no type declarations: the one constructor used here, typed where it comes in.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { readonly window: Window } };

interface DevUser { id: string; upn: string; displayName: string; role: string }

let emulator: Emulator;
let users: DevUser[];
let owner: Session;
let manager: Session;
let tom: Session;
let acksPath: string;
let acksId: string;
const LIST_PAGE = '/sites/wellsap/Lists/AUPAcknowledgements';
/** Staff who are not the demo's named ones, to sign as. */
const plainStaff = (n: number): DevUser => users.filter((u) => u.role === 'staff' && u.upn !== DEMO_USERS.staff)[n]!;

interface Shown { status: number; headers: Headers; html: string; doc: Document }

async function open(token: string | null, path: string, init: RequestInit = {}): Promise<Shown> {
  const response = await fetch(`${emulator.url}${path}`, { ...init, headers: { ...(token ? { Cookie: `${SESSION_COOKIE}=${token}` } : {}), ...init.headers } });
  const html = await response.text();
  return { status: response.status, headers: response.headers, html, doc: new JSDOM(html).window.document };
}

const texts = (doc: Document, selector: string): string[] => [...doc.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? '');
/** Each item row's cells (group header rows left out). */
const rows = (doc: Document): string[][] => [...doc.querySelectorAll('tbody tr:not(.group)')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? ''));

async function sign(who: DevUser, fields: Record<string, unknown> = {}): Promise<void> {
  const session = await signIn(emulator, who.upn);
  const created = await session.post(acksPath, {
    fields: {
      Title: `${who.displayName} — ${String(fields.PolicyVersion ?? '2026-12')}`, PrintedName: who.displayName, PolicyVersion: '2026-12', SignerId: who.id, SignerUpn: who.upn,
      AcceptsPolicy: true, UnderstandsBreach: true, Signature: who.displayName, PolicyHash: 'a'.repeat(64), SubmissionId: randomUUID(), ...fields,
    },
  });
  if (created.status !== 201) throw new Error(`sign as ${who.upn}: ${created.status} ${JSON.stringify(created.body)}`);
}

/** Every acknowledgement a token can read through Graph, paged. */
async function readable(session: Session): Promise<{ PrintedName: string; PolicyVersion: string }[]> {
  const out: { PrintedName: string; PolicyVersion: string }[] = [];
  let next: string | undefined = `${acksPath}?$expand=fields&$top=999`;
  while (next) {
    const page: { body: { value: { fields: { PrintedName: string; PolicyVersion: string } }[]; '@odata.nextLink'?: string } } = await session.get(next);
    out.push(...page.body.value.map((i) => i.fields));
    next = page.body['@odata.nextLink'];
  }
  return out;
}

beforeAll(async () => {
  emulator = await start({ seed: 'demo' });
  users = (await (await fetch(`${emulator.url}/_dev/users`)).json()) as DevUser[];
  owner = await signIn(emulator, DEMO_USERS.admin);
  manager = await signIn(emulator, DEMO_USERS.manager);
  tom = await signIn(emulator, DEMO_USERS.staff);
  const lists = await owner.get<{ value: { id: string; displayName: string }[] }>('sites/root/lists');
  acksId = lists.body.value.find((l) => l.displayName === ACKNOWLEDGEMENTS_LIST.displayName)!.id;
  acksPath = `sites/root/lists/${acksId}/items`;
  // A newer version signed by three people, beside the demo's twelve signatures of 2020-04.
  for (const n of [0, 1, 2]) await sign(plainStaff(n));
});

afterAll(async () => {
  await emulator?.close();
});

describe('a manager', () => {
  it('sees every acknowledgement Graph gives them, grouped by version newest first, in the default view\'s columns under their display names', async () => {
    const page = await open(manager.token, LIST_PAGE);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('h1')?.textContent).toBe('AUP Acknowledgements');
    expect(page.doc.querySelector('header')?.textContent).toContain('AUP Guard local emulator — a stand-in for SharePoint’s list page');
    expect(texts(page.doc, 'thead th')).toEqual(['Name (printed)', 'Policy version', 'Created', 'Created By']);

    const byGraph = await readable(manager);
    const count = (v: string): number => byGraph.filter((a) => a.PolicyVersion === v).length;
    expect(count('2026-12')).toBe(3);
    expect(texts(page.doc, 'tr.group th')).toEqual([`Policy version: 2026-12 (3)`, `Policy version: 2020-04 (${count('2020-04')})`]);
    expect(rows(page.doc)).toHaveLength(byGraph.length);
    // Newest version first; by name within it; Created By is the signer, from SharePoint, not the form.
    const newest = rows(page.doc).slice(0, 3);
    expect(newest.map((r) => r[0])).toEqual([0, 1, 2].map((n) => plainStaff(n).displayName).sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(newest.every((r) => r[1] === '2026-12' && r[3] === r[0] && /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(r[2]!))).toBe(true);
    expect(texts(page.doc, 'nav[aria-label="Views of this list"] a')).toEqual(['All Items', 'By version (default view)', 'Needs review']);
    expect(page.doc.querySelector('a[aria-current="page"]')?.textContent).toBe('By version (default view)');
  });

  it('picks another view by its page or its id: Needs review shows only what its query can flag', async () => {
    const gary = plainStaff(3);
    await sign(gary, { AcceptsPolicy: false, PolicyVersion: '2020-04' });
    const first = await open(manager.token, LIST_PAGE);
    const href = first.doc.querySelector<HTMLAnchorElement>('nav a[href$="Needsreview.aspx"]')!.getAttribute('href')!;
    const needs = await open(manager.token, href);
    expect(texts(needs.doc, 'thead th')).toEqual(['Name (printed)', 'Policy version', 'I have read and accept', 'I understand the implications of a breach', 'Created', 'Created By']);
    expect(rows(needs.doc).map((r) => r.slice(0, 4))).toEqual([[gary.displayName, '2020-04', 'No', 'Yes']]);

    const views = await owner.sp<{ value: { Id: string; Title: string }[] }>('GET', `web/lists(guid'${acksId}')/views`);
    const id = views.body.value.find((v) => v.Title === 'Needs review')!.Id;
    expect(rows((await open(manager.token, `${LIST_PAGE}?viewid=${encodeURIComponent(`{${id}}`)}`)).doc)).toHaveLength(1);
    const missing = await open(manager.token, `${LIST_PAGE}/NoSuchView.aspx`);
    expect(missing.status).toBe(404);
    expect(missing.doc.querySelector('table')).toBeNull();
  });

  it('gets RowLimit items a page, with the next page linked and the group counts kept whole', async () => {
    const byVersion = (await owner.sp<{ Id: string }>('GET', `web/lists(guid'${acksId}')/views/getbytitle('By version')`)).body.Id;
    const view = `web/lists(guid'${acksId}')/views/getbyid('${byVersion}')`;
    expect((await owner.sp('MERGE', view, { RowLimit: 5 }, { 'X-HTTP-Method': 'MERGE' })).status).toBe(204);
    try {
      const all = (await readable(manager)).length;
      const first = await open(manager.token, LIST_PAGE);
      expect(rows(first.doc)).toHaveLength(5);
      expect(texts(first.doc, 'tr.group th')).toEqual(['Policy version: 2026-12 (3)', `Policy version: 2020-04 (${all - 3})`]);
      expect(first.doc.body.textContent).toContain(`Showing items 1 to 5 of ${all}.`);
      const next = first.doc.querySelector<HTMLAnchorElement>('nav[aria-label="Pages"] a')!;
      expect(next.textContent).toBe('Next page');
      const second = await open(manager.token, next.getAttribute('href')!);
      expect(rows(second.doc)).toHaveLength(5);
      expect(rows(second.doc)[0]).not.toEqual(rows(first.doc)[0]);
      expect(texts(second.doc, 'nav[aria-label="Pages"] a')).toEqual(['Previous page', 'Next page']);
    } finally {
      await owner.sp('MERGE', view, { RowLimit: 100 }, { 'X-HTTP-Method': 'MERGE' });
    }
  });
});

describe('a member of staff', () => {
  it('sees only their own acknowledgement, as Graph gives it them', async () => {
    const me = users.find((u) => u.upn === DEMO_USERS.staff)!;
    await sign(me);
    const page = await open(tom.token, LIST_PAGE);
    expect(page.status).toBe(200);
    expect(rows(page.doc).map((r) => r[0])).toEqual([me.displayName]);
    expect((await readable(tom)).map((a) => a.PrintedName)).toEqual([me.displayName]);
    for (const n of [0, 1, 2]) expect(page.html).not.toContain(plainStaff(n).displayName);
  });

  it('gets a plain 404 page for a list they cannot see, the same as for a list that does not exist', async () => {
    for (const path of ['/sites/wellsap/Lists/AUPContacts', '/sites/wellsap/Lists/AUPReminders', '/sites/wellsap/Lists/NoSuchList']) {
      const page = await open(tom.token, path);
      expect(page.status, path).toBe(404);
      expect(page.doc.querySelector('h1')?.textContent, path).toBe('This list does not exist');
      expect(page.doc.querySelector('table'), path).toBeNull();
    }
    // The admin reads AUP Contacts: the page is there for those SharePoint lets in.
    expect((await open(owner.token, '/sites/wellsap/Lists/AUPContacts')).status).toBe(200);
  });
});

describe('what people typed', () => {
  it('is escaped: a printed name of <script>alert(1)</script> is text on the page, under a CSP that runs no script', async () => {
    const signer = plainStaff(4);
    const hostile = '<script>alert(1)</script>';
    const quoted = `"><img src=x onerror=alert(2)> O'Brien`;
    await sign(signer, { PrintedName: hostile });
    await sign(plainStaff(5), { PrintedName: quoted });
    const page = await open(manager.token, LIST_PAGE);
    expect(page.html).not.toContain(hostile);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.doc.querySelectorAll('script, img')).toHaveLength(0);
    const names = rows(page.doc).map((r) => r[0]);
    expect(names).toContain(hostile);
    expect(names).toContain(quoted);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('without a sign-in', () => {
  it('says who to sign in as and where, and shows no data', async () => {
    const page = await open(null, LIST_PAGE);
    expect(page.status).toBe(401);
    expect(page.doc.querySelector('h1')?.textContent).toBe('Sign in from the AUP Guard tab first');
    expect(page.doc.body.textContent).toContain('Helen Carter (helen.carter@wellsapkinsley.sch.uk)');
    expect(page.doc.body.textContent).toContain('Open in SharePoint');
    expect(page.doc.querySelector('table')).toBeNull();
    expect(page.html).not.toContain(plainStaff(0).displayName);
  });

  it('treats a cookie that is not a valid token the same, saying it has expired', async () => {
    const page = await open('not-a-token', LIST_PAGE);
    expect(page.status).toBe(401);
    expect(page.doc.body.textContent).toContain('expired');
    expect(page.doc.querySelector('table')).toBeNull();
  });

  it('changes nothing: the page answers only GET', async () => {
    expect((await open(manager.token, LIST_PAGE, { method: 'POST' })).status).toBe(405);
  });
});

describe('the /_dev/open hand-off', () => {
  const handOff = (fields: Record<string, string>): Promise<Response> => fetch(`${emulator.url}/_dev/open`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
  });

  it('turns the token into an HttpOnly, SameSite=Lax cookie for the site\'s pages, then sends the browser to the page', async () => {
    const answer = await handOff({ token: manager.token, to: `${emulator.url}${LIST_PAGE}/Needsreview.aspx` });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${LIST_PAGE}/Needsreview.aspx`);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/sites/wellsap', 'SameSite=Lax']);
    const value = cookie.split(';')[0]!.slice(SESSION_COOKIE.length + 1);
    const page = await open(decodeURIComponent(value), answer.headers.get('location')!);
    expect(page.doc.querySelector('header')?.textContent).toContain('Signed in as Helen Carter');
  });

  it('opens only this emulator\'s list pages, and sets no cookie for a token it cannot verify', async () => {
    for (const to of ['https://evil.example/sites/wellsap/Lists/AUPAcknowledgements', `${emulator.url}/v1.0/me`, '//evil.example/x']) {
      const answer = await handOff({ token: manager.token, to });
      expect(answer.status, to).toBe(400);
      expect(answer.headers.get('set-cookie'), to).toBeNull();
    }
    const bad = await handOff({ token: 'forged', to: LIST_PAGE });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
  });
});
