// The manager view end to end: real Chromium, the built demo app, the
// emulator. Figures on the page are checked against what Graph says with a
// manager's token, reminders against the emulator's outbox and AUP Reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { mkdir, readFile } from 'node:fs/promises';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID, startEmulator, DEMO_USERS, type Emulator } from '../../src/emulator/index';
import { createSpRest } from '../../src/graph/sp-rest';
import { createGraphClient } from '../../src/graph/client';
import { siteLists } from '../../src/graph/lists';
import { provision } from '../../src/graph/provision';
import { groupClaim } from '../../src/graph/permissions';
import { ACKNOWLEDGEMENTS_LIST } from '../../src/graph/schema';
import { AcknowledgementsRepository, type SubmitAcknowledgement } from '../../src/graph/acknowledgements';
import { DirectoryRepository } from '../../src/graph/directory';
import { PoliciesRepository } from '../../src/graph/policies';
import { RemindersRepository } from '../../src/graph/reminders';
import { CURRENT_POLICY_META, policyHash } from '../../src/policy/index';
import { reviewSignature } from '../../src/teams/signature';
import { seriousViolations } from './support/axe';
import type { LaunchedBrowser } from './support/browser';
import type { ServedApp } from './support/app';
import { startStack, type DevUser, type Stack, type Theme } from './support/stack';

const VERSION = CURRENT_POLICY_META.versionLabel;
const ARTEFACTS = 'test-results';

let stack: Stack;
let emulator: Emulator;
let app: ServedApp;
let browser: LaunchedBrowser;
let users: readonly DevUser[];
let currentHash: string;

const graphFor = (upn: string): ReturnType<Stack['graphFor']> => stack.graphFor(upn);
const user = (upn: string): DevUser => stack.user(upn);

/** Staff not validly signed, as Graph has it with a manager's token, by issue 10's rule: the page must agree. */
async function outstandingByGraph(): Promise<number> {
  const { graph, lists } = await graphFor(DEMO_USERS.manager);
  const staff = await new DirectoryRepository(graph, { allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID }).allStaff();
  const policy = (await new PoliciesRepository(lists).get(VERSION))!;
  const valid = new Set((await new AcknowledgementsRepository(lists).listForVersion(VERSION)).filter((a) => reviewSignature(a, { hash: policyHash(policy.text!), publishedAt: policy.publishedAt }).length === 0).map((a) => a.signedBy.id));
  return staff.filter((s) => !valid.has(s.id)).length;
}

/** A signature made through Graph with the signer's own token, as the tab (or Graph Explorer) would. */
async function signAs(who: DevUser, changes: Partial<SubmitAcknowledgement> = {}): Promise<void> {
  const { lists } = await graphFor(who.upn);
  await new AcknowledgementsRepository(lists).submit({
    policyVersion: VERSION, policyHash: currentHash, signerId: who.id, signerUpn: who.upn, printedName: who.displayName,
    acceptsPolicy: true, understandsBreach: true, signature: who.displayName, clientSignedAt: new Date().toISOString(), submissionId: crypto.randomUUID(),
    ...changes,
  });
}

async function openManagerView(page: Page, who: DevUser, theme?: Theme): Promise<void> {
  await stack.signIn(page, who, theme);
  await page.getByRole('tab', { name: 'Who has signed' }).click();
  await page.getByTestId('outstanding-count').waitFor({ timeout: 30_000 });
}

async function shownIds(page: Page): Promise<string[]> {
  return page.locator('[data-row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id') ?? ''));
}

/** Every row of the virtualised table, by scrolling through it, each checked by `visit` while in view. */
async function everyRow(page: Page, visit: () => Promise<void> = async () => undefined): Promise<Set<string>> {
  const count = Number((await page.getByTestId('shown-count').textContent())!.match(/Showing (\d+)/)![1]);
  const ids = new Set<string>();
  const body = page.getByRole('rowgroup').nth(1);
  for (let top = 0; ids.size < count && top < 100_000; top += 300) {
    await body.evaluate((el, y) => { el.scrollTop = y; }, top);
    await page.waitForTimeout(30);
    await visit();
    for (const id of await shownIds(page)) ids.add(id);
  }
  await body.evaluate((el) => { el.scrollTop = 0; });
  await page.waitForTimeout(50);
  return ids;
}

async function downloadCsv(page: Page): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

beforeAll(async () => {
  stack = await startStack();
  ({ emulator, app, browser, users } = stack);
  const policy = (await new PoliciesRepository((await graphFor(DEMO_USERS.manager)).lists).get(VERSION))!;
  currentHash = policyHash(policy.text!);
  await mkdir(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await stack?.close();
});

describe('manager view', () => {
  it('shows the not-yet-signed count Graph gives, one fewer after a member of staff signs, and a count for each status', async () => {
    const page = await browser.context.newPage();
    await openManagerView(page, user(DEMO_USERS.manager));
    const before = await outstandingByGraph();
    expect(Number(await page.getByTestId('outstanding-count').textContent())).toBe(before);
    expect(await page.getByRole('heading', { level: 1, name: 'Who has signed' }).count()).toBe(1);
    // The demo's new starter, due to start after this version was published, has their own date.
    expect(await page.getByTestId('count-joined-after').textContent()).toBe('1 joined after publication');

    const signer = user(DEMO_USERS.staff);
    await signAs(signer);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => Number(await page.getByTestId('outstanding-count').textContent())).toBe(before - 1);
    await page.getByRole('searchbox', { name: 'Search' }).fill(signer.displayName);
    const row = page.locator(`[data-row-id="${signer.id}"]`);
    await expect.poll(() => row.getByText('Signed', { exact: true }).count()).toBe(1);
    await page.close();
  });

  it('counts a record someone could have tampered with as needs review, with the reason, in the table and the CSV', async () => {
    const [boxFalse, wrongHash, noSignature, edited] = users.filter((u) => u.role === 'staff' && u.upn !== DEMO_USERS.staff).slice(-4) as [DevUser, DevUser, DevUser, DevUser];
    await signAs(boxFalse, { understandsBreach: false });
    await signAs(wrongHash, { policyHash: 'f'.repeat(64) });
    await signAs(noSignature, { signature: '' });
    await signAs(edited);
    // An edit after signing, as a site owner could still make one: SharePoint bumps the version and the modified time.
    emulator.db.prepare(`UPDATE items SET fields = json_set(fields, '$.PrintedName', 'Someone Else'), version = version + 1,
      modified_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+5 minutes') WHERE author_id = ? AND json_extract(fields, '$.PolicyVersion') = ?`).run(edited.id, VERSION);

    const page = await browser.context.newPage();
    await openManagerView(page, user(DEMO_USERS.manager));
    await page.getByTestId('count-needs-review').click();
    expect(await page.getByTestId('count-needs-review').textContent()).toBe('4 needs review');
    const reasonOf = async (who: DevUser): Promise<string> => (await page.locator(`[data-row-id="${who.id}"] [data-column="status"]`).textContent()) ?? '';
    expect(await reasonOf(boxFalse)).toBe('Needs review"I understand the implications" is not ticked');
    expect(await reasonOf(wrongHash)).toBe('Needs reviewit does not match the text of this version');
    expect(await reasonOf(noSignature)).toBe('Needs reviewthe signature is empty');
    expect(await reasonOf(edited)).toBe('Needs reviewit was changed after it was signed');

    const rows = await downloadCsv(page);
    expect(rows[0]).toEqual(['Name', 'Email', 'Department', 'Job title', 'Status', 'Details', 'Signed (UK time)', 'Record to review made (UK time)', 'Sign by', 'Last reminded (UK time)']);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5]]).sort()).toEqual([
      [boxFalse.displayName, 'Needs review', '"I understand the implications" is not ticked'],
      [edited.displayName, 'Needs review', 'it was changed after it was signed'],
      [noSignature.displayName, 'Needs review', 'the signature is empty'],
      [wrongHash.displayName, 'Needs review', 'it does not match the text of this version'],
    ].sort());
    // Times Excel reads as dates: "YYYY-MM-DD HH:MM:SS".
    expect(rows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[7]!))).toBe(true);
    expect(Number(await page.getByTestId('outstanding-count').textContent())).toBe(await outstandingByGraph());
    await page.screenshot({ path: `${ARTEFACTS}/manager-needs-review.png`, fullPage: true });
    await page.close();

    // The signer is told the same, with why, and asked to sign again: their own view reads the record as the report does.
    const own = await browser.context.newPage();
    await stack.signIn(own, edited);
    const status = own.getByTestId('status-line');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toMatch(/^Action required: sign version .*Your signature of \d{1,2} \w+ \d{4} can't be relied on: it was changed after it was signed\. Please sign again\./);
    await own.close();
  });

  it('exports a CSV that matches the filtered table, row for row', async () => {
    const page = await browser.context.newPage();
    await openManagerView(page, user(DEMO_USERS.manager));
    await page.getByRole('combobox', { name: 'Status' }).selectOption('outstanding');
    await page.getByRole('button', { name: 'Name' }).click(); // sort by name, descending
    const count = Number((await page.getByTestId('shown-count').textContent())!.match(/Showing (\d+)/)![1]);
    expect(count).toBeGreaterThan(0);
    const ids = await everyRow(page);
    const firstShown = await page.locator('[data-row-id]').first().locator('[role="cell"]').first().textContent();

    const rows = await downloadCsv(page);
    expect(rows).toHaveLength(count + 1);
    expect(rows.slice(1).every((r) => r[4] !== 'Signed')).toBe(true);
    const names = rows.slice(1).map((r) => r[0]!);
    expect(names[0]).toBe(firstShown);
    expect([...names].sort((a, b) => b.localeCompare(a, 'en-GB', { sensitivity: 'base' }))).toEqual(names);
    expect(ids.size).toBe(count);
    await page.close();
  });

  it('names who a reminder goes to, records it, shows it as "last reminded", and does not remind the same people again at once', async () => {
    emulator.clearOutbox();
    const page = await browser.context.newPage();
    const manager = user(DEMO_USERS.manager);
    const withoutApp = user(DEMO_USERS.staffWithoutApp);
    await openManagerView(page, manager);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('never-signed');
    await page.getByRole('searchbox', { name: 'Search' }).fill(withoutApp.displayName.split(' ')[1]!);
    const button = page.getByRole('button', { name: /^Remind \d+ not yet signed…$/ });
    const n = Number((await button.textContent())!.match(/\d+/)![0]);
    expect(n).toBeGreaterThanOrEqual(1);
    await button.click();
    const dialog = page.getByRole('dialog', { name: `Remind ${n} ${n === 1 ? 'person' : 'people'}?` });
    await dialog.waitFor();
    const named = await dialog.getByTestId('reminder-recipients').getByRole('listitem').allTextContents();
    expect(named).toContain(withoutApp.displayName);
    expect(named).toHaveLength(n);
    expect(await dialog.getByTestId('reminder-preview').textContent()).toBe('Please read and sign the Acceptable Use Policy, version 2020-04 (April 2020).');
    expect(await seriousViolations(page), 'reminder dialog').toEqual([]);
    await dialog.getByRole('button', { name: /^Send \d+ reminders?$/ }).click();
    await page.getByTestId('remind-summary').getByText(/^Reminded \d+:/).waitFor({ timeout: 30_000 });

    const outbox = emulator.outbox();
    expect(outbox).toHaveLength(n);
    const mail = outbox.find((e) => e.kind === 'mail');
    expect(mail && mail.kind === 'mail' && mail.to).toEqual([withoutApp.upn]);
    expect(mail?.from).toBe(manager.upn);
    expect(mail && mail.kind === 'mail' && mail.body).toContain('/teams/index.html');
    for (const e of outbox.filter((x) => x.kind === 'activityNotification')) expect(e.kind === 'activityNotification' && e.activityType).toBe('signReminder');

    // Recorded in AUP Reminders, by the manager, with how each went.
    const recorded = await new RemindersRepository((await graphFor(manager.upn)).lists).listForVersion(VERSION);
    expect(recorded.map((r) => r.recipientName).sort()).toEqual([...named].sort());
    expect(recorded.find((r) => r.recipientId === withoutApp.id)?.channel).toBe('Email');
    expect(recorded.every((r) => r.sentBy.id === manager.id)).toBe(true);

    // The table shows it, and the next reminder leaves them out unless included on purpose.
    const lastReminded = page.locator(`[data-row-id="${withoutApp.id}"] [data-column="lastReminded"]`);
    await expect.poll(() => lastReminded.textContent()).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
    await page.getByRole('button', { name: /^Remind \d+ not yet signed…$/ }).click();
    const again = page.getByRole('dialog', { name: 'Remind 0 people?' });
    await again.waitFor();
    await again.getByRole('checkbox', { name: new RegExp(`reminded in the last 3 days as well \\(.*${withoutApp.displayName}`) }).check();
    await page.getByRole('dialog', { name: `Remind ${n} ${n === 1 ? 'person' : 'people'}?` }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(emulator.outbox()).toHaveLength(n);
    await page.close();
  });

  it('shows a failed Teams notification to the manager instead of turning it into mail', async () => {
    emulator.clearOutbox();
    // Someone with the app who has not signed, with a name no one else has, and not one of the records above.
    const signedIds = new Set((await new AcknowledgementsRepository((await graphFor(DEMO_USERS.manager)).lists).listForVersion(VERSION)).map((a) => a.signedBy.id));
    const target = users.find((u) => u.role === 'staff' && u.teamsAppInstalled && !signedIds.has(u.id) && users.filter((x) => x.displayName === u.displayName).length === 1)!;
    const page = await browser.context.newPage();
    await page.route(`**/users/${target.id}/teamwork/sendActivityNotification`, (route) => route.fulfill({
      status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'BadRequest', message: 'Activity type signReminder is not declared in the app manifest.' } }),
    }));
    await openManagerView(page, user(DEMO_USERS.manager));
    await page.getByRole('searchbox', { name: 'Search' }).fill(target.displayName);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('outstanding');
    await page.getByRole('button', { name: /^Remind 1 not yet signed…$/ }).click();
    await page.getByRole('button', { name: 'Send 1 reminder' }).click();
    const summary = page.getByTestId('remind-summary');
    await summary.getByText(/not declared in the app manifest/).waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toContain(`Not reached: ${target.displayName}`);
    expect(emulator.outbox()).toEqual([]);
    await page.close();
  });

  it('tells all staff about a version: Teams in batches, email to those Teams could not reach, and a summary of who was reached how', async () => {
    emulator.clearOutbox();
    const manager = user(DEMO_USERS.manager);
    const withoutApp = user(DEMO_USERS.staffWithoutApp);
    const page = await browser.context.newPage();
    await openManagerView(page, manager);
    await page.getByRole('button', { name: 'Tell all staff about version 2020-04 (April 2020)' }).click();
    await page.getByRole('dialog', { name: /^Tell all staff/ }).getByRole('button', { name: 'Tell all staff' }).click();
    const summary = page.getByTestId('announce-summary');
    await summary.waitFor({ timeout: 30_000 });
    const staffCount = users.length - 1; // everyone is in All Staff; not the sender
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain(`Teams: ${staffCount - 1} staff, in 1 request.`);
    expect(text).toContain(`Email from you: 1 (${withoutApp.displayName}), whom Teams could not reach last time.`);

    const outbox = emulator.outbox();
    const notices = outbox.filter((e) => e.kind === 'activityNotification');
    expect(notices.every((e) => e.kind === 'activityNotification' && e.activityType === 'policyPublished' && e.to !== manager.id)).toBe(true);
    expect(notices.length).toBe(users.filter((u) => u.teamsAppInstalled && u.id !== manager.id).length);
    const mails = outbox.filter((e) => e.kind === 'mail');
    expect(mails.map((m) => m.kind === 'mail' && [m.from, m.bcc])).toEqual([[manager.upn, [withoutApp.upn]]]);
    await page.close();
  });

  it('opens the list in a new tab from "Open in SharePoint": the emulator\'s stand-in page, grouped by version as Graph gives the manager the signatures, with no serious axe findings', async () => {
    const page = await browser.context.newPage();
    await openManagerView(page, user(DEMO_USERS.manager));
    const link = page.getByRole('link', { name: 'Open in SharePoint' });
    const { graph, lists } = await graphFor(DEMO_USERS.manager);
    const webUrl = (await lists.webUrl(ACKNOWLEDGEMENTS_LIST))!;
    // The link is the list's own address, as in production; the demo signs the new tab in on the way.
    expect(await link.getAttribute('href')).toBe(webUrl);
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), link.click()]);
    await tab.getByRole('heading', { level: 1, name: 'AUP Acknowledgements' }).waitFor();
    expect(tab.url()).toBe(webUrl);
    expect(await tab.locator('header').textContent()).toContain(`Signed in as ${user(DEMO_USERS.manager).displayName}`);
    expect(await tab.locator('thead th').allTextContents()).toEqual(['Name (printed)', 'Policy version', 'Created', 'Created By']);

    type Fields = { PolicyVersion: string; PrintedName: string; AcceptsPolicy?: boolean; UnderstandsBreach?: boolean; Signature?: string };
    const items = await graph.all<{ fields: Fields }>(await lists.itemsPath(ACKNOWLEDGEMENTS_LIST), {
      query: { $expand: 'fields($select=PolicyVersion,PrintedName,AcceptsPolicy,UnderstandsBreach,Signature)', $top: '999' },
    });
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.fields.PolicyVersion, (counts.get(i.fields.PolicyVersion) ?? 0) + 1);
    const groups = [...counts].sort(([a], [b]) => b.localeCompare(a)).map(([v, n]) => `Policy version: ${v} (${n})`);
    expect(await tab.locator('tr.group th').allTextContents()).toEqual(groups);
    expect(await tab.locator('tbody tr:not(.group)').count()).toBe(items.length);
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.screenshot({ path: `${ARTEFACTS}/sharepoint-list-page.png`, fullPage: true });

    // The manager picks another view on the page, as in SharePoint. Needs review finds what CAML can (a box, no
    // signature: the tampered records above with those), not a wrong hash or a later edit: the tab's job.
    await tab.getByRole('navigation', { name: 'Views of this list' }).getByRole('link', { name: 'Needs review' }).click();
    await tab.locator('a[aria-current="page"]', { hasText: 'Needs review' }).waitFor();
    const flagged = items.filter((i) => i.fields.AcceptsPolicy !== true || i.fields.UnderstandsBreach !== true || !i.fields.Signature).map((i) => i.fields.PrintedName);
    if (flagged.length === 0) expect(await tab.getByText('There are no items to show in this view').count()).toBe(1);
    else expect((await tab.locator('tbody tr td:first-child').allTextContents()).sort()).toEqual(flagged.sort());
    expect(await seriousViolations(tab)).toEqual([]);
    await tab.close();
    await page.close();
  });
});

describe('layout', () => {
  it('cuts no email, job title or time at 1280 px', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await openManagerView(page, user(DEMO_USERS.manager));
    const cut: string[] = [];
    await everyRow(page, async () => {
      cut.push(...await page.locator('[data-column="email"] [data-cell-text], [data-column="jobTitle"] [data-cell-text], [data-column="signedAt"] [data-cell-text]')
        .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map((c) => c.textContent ?? '')));
    });
    expect(cut).toEqual([]);
    await page.screenshot({ path: `${ARTEFACTS}/manager-1280.png`, fullPage: false });
    await page.close();
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`shows the chart's bars on a 360 px phone (${theme})`, async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await openManagerView(page, user(DEMO_USERS.manager), theme);
      const chart = page.getByRole('list', { name: 'Signed by department' });
      const widths = await chart.getByRole('progressbar').evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
      expect(widths.length).toBeGreaterThan(3);
      expect(Math.min(...widths)).toBeGreaterThan(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTEFACTS}/manager-360-${theme}.png`, fullPage: true });
      await page.close();
    });
  }
});

describe('a member of staff', () => {
  it('is not offered the manager view, and Graph gives them only their own signatures', async () => {
    const page = await browser.context.newPage();
    const staff = users.find((u) => u.role === 'staff')!;
    await page.goto(app.teamsUrl(emulator.url));
    await page.getByRole('button', { name: `Sign in as ${staff.displayName}` }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('tab', { name: 'Who has signed' }).count()).toBe(0);
    await page.close();

    const { lists } = await graphFor(staff.upn);
    const visible = await new AcknowledgementsRepository(lists).listForVersion(VERSION);
    expect(visible.every((a) => a.signedBy.id === staff.id)).toBe(true);
    const all = await new AcknowledgementsRepository((await graphFor(DEMO_USERS.manager)).lists).listForVersion(VERSION);
    expect(all.some((a) => a.signedBy.id !== staff.id)).toBe(true);
  });
});

describe('a manager without the AUP Reviewer permission', () => {
  it("is told plainly that they can't read everyone's signatures and what fixes it, not shown everyone as outstanding; provisioning puts it right", async () => {
    const site = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
    try {
      // The site owner (the IT admin) takes the managers group's reviewer level off AUP Acknowledgements.
      const token = ((await (await fetch(`${site.url}/_dev/token`, { method: 'POST', body: JSON.stringify({ upn: DEMO_USERS.admin }) })).json()) as { access_token: string }).access_token;
      const spRest = createSpRest({ getToken: async () => token, delaySeconds: 0 });
      const graph = createGraphClient({ baseUrl: site.url, getToken: async () => token, retry: { maxRetries: 0 } });
      const webUrl = `${site.url}/sites/wellsap`;
      const listId = await siteLists(graph, 'root').listId(ACKNOWLEDGEMENTS_LIST);
      const managers = await spRest.ensureUser(webUrl, groupClaim(MANAGERS_GROUP_ID));
      const reviewer = (await spRest.roleDefinitions(webUrl)).find((d) => d.Name === 'AUP Reviewer')!;
      await spRest.removeRoleAssignment(webUrl, listId, managers.Id, reviewer.Id);

      const page = await browser.context.newPage();
      await page.goto(app.teamsUrl(site.url));
      await page.getByRole('button', { name: `Sign in as ${user(DEMO_USERS.manager).displayName}` }).click();
      await page.getByRole('tab', { name: 'Who has signed' }).click();
      await page.getByText("Your account can't read everyone's signatures: ask your IT admin to run provisioning, which gives the managers group the AUP Reviewer permission on AUP Acknowledgements.").waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('outstanding-count').count()).toBe(0);
      expect(await page.getByRole('table', { name: 'Staff and their signatures' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      await provision({
        graph, spRest, siteId: 'root',
        groups: { allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID, adminsGroupId: ADMINS_GROUP_ID },
      });
      await page.reload(); // the demo remembers who signed in, as Teams' SSO would
      await page.getByRole('tab', { name: 'Who has signed' }).click();
      await page.getByTestId('outstanding-count').waitFor({ timeout: 30_000 });
      await page.close();
    } finally {
      await site.close();
    }
  });
});

describe('keyboard', () => {
  it('sorts from a column header with Enter and scrolls the table with the keyboard', async () => {
    const page = await browser.context.newPage();
    await openManagerView(page, user(DEMO_USERS.manager));
    const header = page.getByRole('columnheader', { name: 'Name' });
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Name' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const body = page.getByRole('rowgroup').nth(1);
    await body.focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    await page.close();
  });
});

describe('accessibility', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical axe violations in the ${theme} theme, and shows every bar's track and badge`, async () => {
      const page = await browser.context.newPage();
      await openManagerView(page, user(DEMO_USERS.manager), theme);
      await page.getByRole('link', { name: 'Open in SharePoint' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      // Each bar's track is set off from the page: a border or outline, or a background unlike the page's.
      const invisible = await page.getByRole('progressbar').evaluateAll((bars) => bars.filter((b) => {
        const s = getComputedStyle(b);
        const page = getComputedStyle(document.querySelector('main')!).backgroundColor;
        const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return !outlined && s.backgroundColor === page;
      }).length);
      expect(invisible).toBe(0);
      await page.screenshot({ path: `${ARTEFACTS}/manager-${theme}.png`, fullPage: true });
      await page.close();
    });
  }
});

describe('at scale', () => {
  it('loads 10,000 staff and keeps search responsive', async () => {
    const big = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
    try {
      const seeded = big.seedScale({ staff: 10_000, acknowledgements: 50_000 });
      const page = await browser.context.newPage();
      const started = Date.now();
      await page.goto(app.teamsUrl(big.url));
      await page.getByRole('button', { name: `Sign in as ${user(DEMO_USERS.manager).displayName}` }).click();
      await page.getByRole('tab', { name: 'Who has signed' }).waitFor();
      const signedInMs = Date.now() - started;
      const opened = Date.now();
      await page.getByRole('tab', { name: 'Who has signed' }).click();
      await page.getByTestId('outstanding-count').waitFor({ timeout: 60_000 });
      const loadMs = Date.now() - opened;
      expect(Number(await page.getByTestId('outstanding-count').textContent())).toBe(seeded.unsignedVersion);
      // Only the rows in view are in the DOM.
      expect(await page.locator('[data-row-id]').count()).toBeLessThan(60);
      const searchStarted = Date.now();
      await page.getByRole('searchbox', { name: 'Search' }).fill('zzz-nobody');
      await page.getByText('Showing 0 of').waitFor();
      const searchMs = Date.now() - searchStarted;
      console.log(`manager view with ${seeded.staffAdded + 60} staff: sign-in ${signedInMs} ms, tab opened to figures ${loadMs} ms, search ${searchMs} ms`);
      expect(searchMs).toBeLessThan(1_000);
      // The 3 s target is measured by `npm run bench -- manager`; here only a gross regression fails.
      expect(loadMs).toBeLessThan(9_000);
      await page.close();
    } finally {
      await big.close();
    }
  });
});

// Last: publishing changes the version in force for every later test.
describe('a new version', () => {
  it('tells "signed an earlier version" from "never signed", and audits the earlier version with the version picker', async () => {
    const admin = user(DEMO_USERS.admin);
    const policies = new PoliciesRepository((await graphFor(admin.upn)).lists);
    const earlier = (await new AcknowledgementsRepository((await graphFor(DEMO_USERS.manager)).lists).listForVersion(VERSION));
    const current = (await policies.current())!;
    await policies.createDraft({ version: '2026-12', title: current.title, text: current.text!.replace('6.00 pm', '5.30 pm'), dueDate: '2099-01-31' });
    await policies.publish('2026-12', { dueDate: '2099-01-31' });

    const page = await browser.context.newPage();
    await openManagerView(page, user(DEMO_USERS.manager));
    await page.getByRole('heading', { name: 'Signatures for version 2026-12 (December 2026)' }).waitFor();
    expect(await page.getByTestId('version-dates').textContent()).toContain('Sign by 31 January 2099.');
    const validEarlier = new Set(earlier.map((a) => a.signedBy.id));
    expect(await page.getByTestId('count-signed-earlier').textContent()).toBe(`${validEarlier.size} signed an earlier version`);

    await page.getByRole('combobox', { name: 'Version' }).selectOption(VERSION);
    await page.getByRole('heading', { name: 'Signatures for version 2020-04 (April 2020)' }).waitFor();
    expect(await page.getByRole('button', { name: /^Remind/ }).count()).toBe(0);
    await page.getByTestId('count-signed').click();
    const rows = await downloadCsv(page);
    expect(rows.slice(1).length).toBe(Number((await page.getByTestId('signed-count').textContent())));
    expect(rows.slice(1).every((r) => r[4] === 'Signed' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r[6]!))).toBe(true);
    await page.close();
  });
});
