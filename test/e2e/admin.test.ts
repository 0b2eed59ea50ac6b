// The admin view end to end: real Chromium, the built demo app, the emulator.
// Every change is checked in the lists through Graph, not only on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMINS_GROUP_ID, ALL_STAFF_GROUP_ID, MANAGERS_GROUP_ID, startEmulator, DEMO_USERS } from '../../src/emulator/index';
import { createSpRest } from '../../src/graph/sp-rest';
import { verify } from '../../src/graph/provision';
import { createGraphClient } from '../../src/graph/client';
import { siteLists, type SiteLists } from '../../src/graph/lists';
import { AcknowledgementsRepository } from '../../src/graph/acknowledgements';
import { ContactsRepository } from '../../src/graph/contacts';
import { SendCheckRepository } from '../../src/graph/send-check';
import { PoliciesRepository } from '../../src/graph/policies';
import { SettingsRepository } from '../../src/graph/settings';
import { CURRENT_POLICY_META } from '../../src/policy/index';
import { seriousViolations } from './support/axe';
import type { LaunchedBrowser } from './support/browser';
import type { ServedApp } from './support/app';
import { startStack, type DevUser, type Stack, type Theme } from './support/stack';

let stack: Stack;
let app: ServedApp;
let browser: LaunchedBrowser;
let users: readonly DevUser[];
let adminLists: SiteLists;

const listsFor = async (upn: string): Promise<SiteLists> => (await stack.graphFor(upn)).lists;
const user = (upn: string): DevUser => stack.user(upn);
const signIn = (page: Page, who: DevUser, theme?: Theme): Promise<void> => stack.signIn(page, who, theme);

async function openAdmin(page: Page, section: 'Policy versions' | 'Outlook checks' | 'Contacts', theme?: Theme): Promise<void> {
  await signIn(page, user(DEMO_USERS.admin), theme);
  await page.getByRole('tab', { name: 'Administration' }).click();
  await page.getByRole('tab', { name: section }).click();
}

beforeAll(async () => {
  stack = await startStack();
  ({ app, browser, users } = stack);
  adminLists = await listsFor(DEMO_USERS.admin);
});

afterAll(async () => {
  await stack?.close();
});

describe('contacts import', () => {
  it('imports nothing from a file with one bad row, and names that row and column', async () => {
    const contacts = new ContactsRepository(adminLists);
    const before = await contacts.listAll();
    const page = await browser.context.newPage();
    await openAdmin(page, 'Contacts');
    const csv = 'Contact Email,Relationship,Forename,Surname\nnew.parent@example.com,Mother,Amy,Brown\nnot-an-address,Father,Ben,Cole\n';
    await page.getByLabel('Contacts CSV file').setInputFiles({ name: 'sims-contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const errors = page.getByTestId('contacts-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('Row 3, Contact Email: "not-an-address" is not an email address');
    expect(await page.getByRole('button', { name: /^Import \d+ contacts$/ }).isDisabled()).toBe(true);
    expect((await contacts.listAll()).length).toBe(before.length);
    await page.close();
  });

  it('imports a good file, and importing it again adds no duplicates', async () => {
    const contacts = new ContactsRepository(adminLists);
    const before = (await contacts.listAll()).length;
    const csv = 'Email,Role,Pupil name,UPN\nfirst.parent@example.com,Parent,Amy Brown,\nsecond.carer@example.com,Guardian,Ben Cole,\n';
    for (const round of [1, 2]) {
      const page = await browser.context.newPage();
      await openAdmin(page, 'Contacts');
      await page.getByLabel('Contacts CSV file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByRole('button', { name: 'Import 2 contacts' }).click();
      // The demo's other contacts are not in this file: the panel says how many and asks before removing them.
      const dialog = page.getByRole('dialog', { name: new RegExp(`^Remove ${before.toLocaleString('en-GB')} contacts no longer in the file\\?$`) });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Import and keep them' }).click();
      const result = await page.getByTestId('contacts-result').textContent({ timeout: 30_000 });
      expect(result).toContain(round === 1 ? '2 added' : '0 added, 0 updated, 2 already up to date, 0 removed');
      await page.close();
    }
    expect((await contacts.listAll()).length).toBe(before + 2);
  });

  it('finds a contact on file and removes it, republishing what staff\'s Outlook reads', async () => {
    const contacts = new ContactsRepository(adminLists);
    const sendCheck = new SendCheckRepository(adminLists);
    const snapshot = (await sendCheck.latest())?.id;
    const page = await browser.context.newPage();
    await openAdmin(page, 'Contacts');
    await page.getByRole('searchbox', { name: 'Search contacts' }).fill('first.parent@');
    await expect.poll(() => page.getByTestId('contacts-count').textContent()).toMatch(/^1 contact of [\d,]+ match\.$/);
    await page.getByRole('button', { name: 'Remove first.parent@example.com (Parent of Amy Brown)' }).click();
    await page.getByRole('dialog', { name: 'Remove first.parent@example.com?' }).getByRole('button', { name: 'Remove' }).click();
    expect(await page.getByTestId('contacts-result').textContent({ timeout: 30_000 })).toContain('Removed 1 contact.');
    expect((await contacts.listAll()).map((c) => c.email)).not.toContain('first.parent@example.com');
    expect((await sendCheck.latest())?.id).not.toBe(snapshot);
    await page.close();
  });
});

describe('compose-check settings', () => {
  it('shows a bad domain at its field and saves nothing', async () => {
    const settings = new SettingsRepository(adminLists);
    const before = await settings.read();
    const page = await browser.context.newPage();
    await openAdmin(page, 'Outlook checks');
    const pupilDomains = page.getByRole('textbox', { name: 'Pupil email domains' });
    await pupilDomains.fill('pupils.wellsapkinsley.sch.uk\nnot a domain');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByText('line 2: "not a domain" is not a domain name', { exact: true }).waitFor();
    expect(await pupilDomains.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect((await settings.read())?.eTag).toBe(before?.eTag);
    await page.close();
  });

  it('shows what changed, then saves it', async () => {
    const settings = new SettingsRepository(adminLists);
    const page = await browser.context.newPage();
    await openAdmin(page, 'Outlook checks');
    await page.getByLabel('Permitted hours end').fill('17:30');
    await page.getByRole('combobox', { name: 'Pupil data to personal webmail' }).selectOption('warn');
    await page.getByRole('button', { name: 'Review and save' }).click();
    const changes = page.getByRole('list', { name: 'Changes' });
    await changes.waitFor();
    expect(await changes.getByRole('listitem').allTextContents()).toEqual([
      'Permitted hours end: 18:00 → 17:30',
      'Pupil data to personal webmail: block → warn',
    ]);
    // The dialog's portal node takes the theme but not the page's full-height layout (src/teams/PageFrame.tsx):
    // only the dialog's own backdrop may cover the page, and it goes when the dialog does.
    const portalHeights = await page.locator('[data-portal-node]').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    expect(portalHeights.length).toBeGreaterThan(0);
    expect(Math.max(...portalHeights)).toBeLessThan(100);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved.', { exact: false }).waitFor({ timeout: 30_000 });
    const saved = await settings.read();
    expect(saved?.settings.permittedHours).toEqual({ start: '08:00', end: '17:30' });
    expect(saved?.settings.severities?.['personal-webmail']).toBe('warn');
    expect(saved?.settings.schoolDomains).toEqual(['wellsapkinsley.sch.uk']); // untouched fields kept
    await page.close();
  });
});

describe('settings the checks would quietly get wrong (issue 14)', () => {
  it('refuses a label id that is not a GUID and a school domain that is webmail, with a summary at the top that links to each field and takes the focus', async () => {
    const settings = new SettingsRepository(adminLists);
    const before = await settings.read();
    const page = await browser.context.newPage();
    await openAdmin(page, 'Outlook checks');
    await page.getByRole('textbox', { name: 'Encryption sensitivity label ids' }).fill('Confidential');
    await page.getByRole('textbox', { name: 'School email domains' }).fill('wellsapkinsley.sch.uk\ngmail.com');
    await page.getByRole('button', { name: 'Review and save' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole('heading').textContent()).toBe('There are 2 problems with these settings. Nothing has been saved.');
    const links = summary.getByRole('link');
    // In the order the fields appear.
    expect(await links.allTextContents()).toEqual([
      'School email domains: line 2: "gmail.com" is personal webmail, so it cannot also be a school domain',
      'Encryption sensitivity label ids: line 1: "Confidential" is not a sensitivity label id (a GUID such as 0c5ae9d1-6f4a-4c1e-9a55-6b0b0e1c2f01)',
    ]);
    await links.nth(1).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Encryption sensitivity label ids' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousViolations(page), 'error summary').toEqual([]);
    expect((await settings.read())?.eTag).toBe(before?.eTag);
    await page.screenshot({ path: 'test-results/admin-error-summary.png', fullPage: false });
    await page.close();
  });

  it('asks the admin to confirm a subject tag without brackets before saving it', async () => {
    const settings = new SettingsRepository(adminLists);
    const page = await browser.context.newPage();
    await openAdmin(page, 'Outlook checks');
    await page.getByRole('textbox', { name: 'Encryption subject tags' }).fill('[secure]\nencrypt');
    await page.getByText(/"encrypt" has no brackets: any subject containing it anywhere/).waitFor();
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: /Encryption subject tags: put the tags in brackets, or confirm/ }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Yes: count any subject containing "encrypt" as encrypted' }).check();
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Settings saved.', { exact: false }).waitFor({ timeout: 30_000 });
    expect((await settings.read())?.settings.encryption?.subjectTags).toEqual(['[secure]', 'encrypt']);
    await page.close();
  });

  it('flags an empty pupil domain without refusing it', async () => {
    const page = await browser.context.newPage();
    await openAdmin(page, 'Outlook checks');
    await page.getByRole('textbox', { name: 'Pupil email domains' }).fill('');
    await page.getByText(/None given: mail to pupils' own school addresses will not be recognised as going to pupils/).waitFor();
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByRole('list', { name: 'Changes' }).waitFor();
    expect(await page.getByTestId('error-summary').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.close();
  });
});

describe('the policy editor', () => {
  it('lays the editor out with nothing overlapping: the text area fills its frame beside the preview', async () => {
    const page = await browser.context.newPage();
    await openAdmin(page, 'Policy versions');
    const area = page.getByRole('textbox', { name: 'Policy text (Markdown)' });
    const pane = page.getByRole('region', { name: 'Preview of the policy' });
    await pane.getByRole('heading').first().waitFor();
    const [areaBox, paneBox] = [(await area.boundingBox())!, (await pane.boundingBox())!];
    // Side by side at 1280 px, the text area as tall as the preview frame beside it (within a few pixels).
    expect(areaBox.x + areaBox.width).toBeLessThanOrEqual(paneBox.x);
    expect(Math.abs(areaBox.y + areaBox.height - (paneBox.y + paneBox.height))).toBeLessThan(8);
    // No heading in the preview runs into the next.
    const overlaps = await pane.locator('h1, h2, h3, h4').evaluateAll((hs) => hs.slice(1).filter((h, i) => h.getBoundingClientRect().top < hs[i]!.getBoundingClientRect().bottom).length);
    expect(overlaps).toBe(0);
    // Each field's label sits just above it.
    for (const name of ['Version label', 'Title', 'In force from', 'Sign by']) {
      const input = page.getByRole('textbox', { name }).or(page.getByLabel(name)).first();
      const label = page.locator('label', { hasText: new RegExp(`^${name}`) }).first();
      const [l, i] = [(await label.boundingBox())!, (await input.boundingBox())!];
      expect(i.y - (l.y + l.height)).toBeLessThan(12);
      expect(Math.abs(i.x - l.x)).toBeLessThan(4);
    }
    await page.screenshot({ path: 'test-results/admin-editor.png', fullPage: true });
    await page.close();
  });
});

describe('accessibility', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical axe violations in any admin section (${theme})`, async () => {
      const page = await browser.context.newPage();
      await openAdmin(page, 'Policy versions', theme);
      await page.getByRole('heading', { name: 'Publish a new version' }).waitFor();
      expect(await page.getByRole('heading', { level: 1, name: 'Administration' }).count()).toBe(1);
      expect(await seriousViolations(page), 'policy versions').toEqual([]);
      await page.getByRole('textbox', { name: 'Policy text (Markdown)' }).fill('# AUP\n\n## Mobile Phones\n\nCalls until 5.30 pm.\n');
      await page.getByRole('tab', { name: 'What changed' }).click();
      await page.getByTestId('preview-changes').getByText('What changed since version').waitFor();
      expect(await seriousViolations(page), 'what changed preview').toEqual([]);
      await page.screenshot({ path: `test-results/admin-${theme}.png`, fullPage: true });
      await page.getByRole('tab', { name: 'Outlook checks' }).click();
      await page.getByRole('button', { name: 'Review and save' }).waitFor();
      expect(await seriousViolations(page), 'settings').toEqual([]);
      await page.getByRole('tab', { name: 'Contacts' }).click();
      await page.getByLabel('Contacts CSV file').setInputFiles({ name: 'c.csv', mimeType: 'text/csv', buffer: Buffer.from('Email,Role\nok@example.com,Parent\nbad,Parent\n') });
      await page.getByTestId('contacts-errors').waitFor();
      expect(await seriousViolations(page), 'contacts preview').toEqual([]);
      await page.close();
    });
  }
});

describe('first-run setup', () => {
  it('offers an admin to create the lists on an empty site, creates them, then shows the admin sections', async () => {
    const empty = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'empty' });
    try {
      const page = await browser.context.newPage();
      await page.goto(app.teamsUrl(empty.url));
      await page.getByRole('button', { name: `Sign in as ${user(DEMO_USERS.admin).displayName}` }).click();
      await page.getByRole('tab', { name: 'Administration' }).click();
      await page.getByRole('heading', { name: 'Set up AUP Guard on this site' }).waitFor({ timeout: 30_000 });
      expect(await page.getByText('AUP Acknowledgements', { exact: false }).count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Set up the lists' }).click();
      // The same checks as `npm run provision -- --verify`, run straight after.
      await page.getByText('and verified: every list and permission matches the role model.', { exact: false }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('tab', { name: 'Policy versions' }).waitFor();
      await page.getByRole('cell', { name: `${CURRENT_POLICY_META.versionLabel} (April 2020)`, exact: true }).waitFor();
      await page.close();

      const res = await fetch(`${empty.url}/_dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ upn: DEMO_USERS.admin }) });
      const token = ((await res.json()) as { access_token: string }).access_token;
      const graph = createGraphClient({ baseUrl: empty.url, getToken: async () => token, retry: { maxRetries: 0 } });
      const lists = siteLists(graph, (await graph.get<{ id: string }>('/sites/root')).id);
      expect((await new PoliciesRepository(lists).current())?.version).toBe(CURRENT_POLICY_META.versionLabel);
      const spRest = createSpRest({ getToken: async () => token });
      expect((await verify({ graph, spRest, siteId: 'root', groups: { allStaffGroupId: ALL_STAFF_GROUP_ID, managersGroupId: MANAGERS_GROUP_ID, adminsGroupId: ADMINS_GROUP_ID } })).drifts).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

// Last: publishing changes the current version for every later test.
describe('publishing a new policy version', () => {
  it('makes version 2 current, retires the first, and asks a member of staff who signed to sign again', async () => {
    const managerAcks = new AcknowledgementsRepository(await listsFor(DEMO_USERS.manager));
    const signedIds = new Set((await managerAcks.listForVersion(CURRENT_POLICY_META.versionLabel)).map((a) => a.signedBy.id));
    const signer = users.find((u) => u.role === 'staff' && signedIds.has(u.id))!;
    expect(signer).toBeDefined();

    const page = await browser.context.newPage();
    await openAdmin(page, 'Policy versions');
    await page.getByRole('textbox', { name: 'Version label' }).fill(CURRENT_POLICY_META.versionLabel);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('already published').waitFor(); // a published label cannot be reused
    await page.getByRole('textbox', { name: 'Version label' }).fill('2026-01');
    const text = page.getByRole('textbox', { name: 'Policy text (Markdown)' });
    await text.fill(`${(await text.inputValue()).replace('6.00 pm', '5.30 pm')}\n\n## Artificial intelligence tools\n\nStaff must not enter pupil data into AI tools the school has not approved.\n\n<script>window.pwned = 1</script>`);
    // The preview is sanitised: the heading renders, the script does not.
    const preview = page.getByRole('region', { name: 'Preview of the policy' });
    await preview.getByRole('heading', { name: 'Artificial intelligence tools' }).waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    // "What changed", exactly as staff who signed the current version will see it.
    await page.getByRole('tab', { name: 'What changed' }).click();
    const changes = page.getByTestId('preview-changes');
    await changes.getByText('What changed since version 2020-04 (April 2020), which you signed').waitFor();
    expect(await changes.getByTestId('replacement').allTextContents()).toEqual([expect.stringContaining('changed from 6.00 pm to 5.30 pm')]);
    await changes.getByRole('button', { name: /Artificial intelligence tools/ }).waitFor();
    // A date to sign by that has passed is refused.
    await page.getByLabel('Sign by').fill('2020-01-01');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('The date to sign by has already passed.').waitFor();
    await page.getByLabel('Sign by').fill('2099-01-31');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Publish version 2026-01 (January 2026)' }).click();
    await page.getByText('Version 2026-01 (January 2026) is now current.', { exact: false }).waitFor({ timeout: 30_000 });
    // Staff can be told at once.
    await page.getByRole('button', { name: 'Tell all staff about version 2026-01 (January 2026)' }).waitFor();
    await page.close();

    const versions = await new PoliciesRepository(adminLists).list();
    expect(versions.find((v) => v.version === '2026-01')).toMatchObject({ status: 'Current', dueDate: '2099-01-31' });
    expect(versions.find((v) => v.version === CURRENT_POLICY_META.versionLabel)?.status).toBe('Retired');

    const staffPage = await browser.context.newPage();
    await signIn(staffPage, signer);
    await staffPage.getByText('Please read it and sign again.').waitFor({ timeout: 30_000 });
    expect(await staffPage.getByRole('button', { name: 'Sign the policy' }).count()).toBe(1);
    expect(await staffPage.getByTestId('receipt').count()).toBe(0);
    await staffPage.close();
  });

  it('shows a version\'s new contact hours beside the Outlook checks\' and updates the checks in the same step', async () => {
    const page = await browser.context.newPage();
    await openAdmin(page, 'Policy versions');
    await page.getByRole('textbox', { name: 'Version label' }).fill('2026-02');
    const text = page.getByRole('textbox', { name: 'Policy text (Markdown)' });
    // The version before may already say 5.30 pm (and the checks follow it): 5.00 pm differs from either.
    await text.fill((await text.inputValue()).replace(/8\.00 am to \d{1,2}\.\d{2} pm/, '8.00 am to 5.00 pm'));
    await page.getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2026-02 (February 2026)?' });
    const table = dialog.getByRole('table', { name: 'Contact hours: the policy and the Outlook checks' });
    await table.waitFor();
    expect(await table.textContent()).toMatch(/8\.00 am to 5\.00 pm” \(08:00–17:00\).*08:00–1(?:8:00|7:30)/);
    expect(await dialog.getByRole('checkbox', { name: 'Change the Outlook checks to 08:00–17:00 when publishing' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Publish version 2026-02 (February 2026)' }).click();
    await page.getByTestId('policy-hours-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('policy-hours-result').textContent()).toBe('The Outlook checks now allow contact 08:00–17:00, as version 2026-02 says.');
    const saved = await new SettingsRepository(adminLists).read();
    expect(saved?.settings).toMatchObject({ permittedHours: { start: '08:00', end: '17:00' }, policyVersionReviewed: '2026-02' });
    await page.close();
  });
});
