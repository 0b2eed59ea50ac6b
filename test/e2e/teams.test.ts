// The Teams tab end to end: real Chromium, the built demo app, the emulator.
// Every claim about records is checked through Graph with a manager's token,
// not through the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANAGERS_GROUP_ID, type Emulator } from '../../src/emulator/index';
import { AcknowledgementsRepository, type Acknowledgement } from '../../src/graph/acknowledgements';
import { PoliciesRepository } from '../../src/graph/policies';
import { ACK_STATEMENTS, CURRENT_POLICY_META } from '../../src/policy/index';
import { seriousViolations } from './support/axe';
import type { LaunchedBrowser } from './support/browser';
import type { ServedApp } from './support/app';
import { startStack, type DevUser, type Stack, type Theme } from './support/stack';
import { initialJs } from '../support/bundle';

const VERSION = CURRENT_POLICY_META.versionLabel;
const ARTEFACTS = 'test-results';

let stack: Stack;
let emulator: Emulator;
let app: ServedApp;
let browser: LaunchedBrowser;
let users: readonly DevUser[];
let managerAcks: AcknowledgementsRepository;
/** Staff with nothing signed yet, handed out one per test so tests do not interfere. */
let fresh: DevUser[];

const repoFor = async (upn: string): Promise<AcknowledgementsRepository> => new AcknowledgementsRepository((await stack.graphFor(upn)).lists);

const recordsOf = async (user: DevUser): Promise<Acknowledgement[]> =>
  (await managerAcks.listForVersion(VERSION)).filter((a) => a.signedBy.id === user.id);

function nextStaff(): DevUser {
  const u = fresh.shift();
  if (!u) throw new Error('ran out of unsigned demo staff');
  return u;
}

async function openAs(page: Page, user: DevUser, theme?: Theme): Promise<void> {
  await stack.signIn(page, user, theme);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

async function readToEnd(page: Page): Promise<void> {
  await page.getByTestId('policy-end').scrollIntoViewIfNeeded();
  await expect.poll(() => page.getByRole('button', { name: 'Sign the policy' }).isEnabled()).toBe(true);
}

async function completeForm(page: Page, signature: 'typed' | 'drawn'): Promise<void> {
  await page.getByRole('checkbox', { name: ACK_STATEMENTS.accept }).check();
  await page.getByRole('checkbox', { name: ACK_STATEMENTS.breach }).check();
  if (signature === 'typed') {
    await page.getByRole('radio', { name: 'Type' }).check();
    await page.getByRole('textbox', { name: 'Type your name as your signature' }).fill('J. Signer');
  } else {
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 20 + i * 25, box.y + box.height / 2 + (i % 2 ? 15 : -15));
    await page.mouse.up();
  }
}

beforeAll(async () => {
  stack = await startStack({ viewport: { width: 1024, height: 800 } });
  ({ emulator, app, browser, users } = stack);
  const manager = users.find((u) => u.role === 'manager')!;
  managerAcks = await repoFor(manager.upn);
  const signed = new Set((await managerAcks.listForVersion(VERSION)).map((a) => a.signedBy.id));
  fresh = users.filter((u) => u.role === 'staff' && !signed.has(u.id));
  await mkdir(ARTEFACTS, { recursive: true });
});

afterAll(async () => {
  await stack?.close();
});

describe('staff read and sign', () => {
  let signer: DevUser;

  it('records one acknowledgement created by the signer, and shows the server time in the receipt', async () => {
    signer = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, signer);
    await expect.poll(() => page.getByRole('button', { name: 'Sign the policy' }).isDisabled()).toBe(true);
    await readToEnd(page);
    await expect.poll(() => page.getByRole('textbox', { name: 'Name (printed)' }).inputValue()).toBe(signer.displayName);
    await completeForm(page, 'drawn');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    await page.getByTestId('receipt').waitFor();

    const records = await recordsOf(signer);
    expect(records).toHaveLength(1);
    const [record] = records as [Acknowledgement];
    expect(record.signedBy.id).toBe(signer.id);
    expect(record.printedName).toBe(signer.displayName);
    expect(record.acceptsPolicy && record.understandsBreach).toBe(true);
    const [own] = await (await repoFor(signer.upn)).listMine(signer.id);
    expect(own?.signature).toMatch(/^<svg[^>]*><path d="M[\d. ML]+"/);
    expect(await page.getByTestId('receipt-hash').textContent()).toBe(record.policyHash);
    expect(record.policyHash).toMatch(/^[0-9a-f]{64}$/);
    const shown = await page.getByTestId('receipt-signed-at').textContent();
    expect(shown).toMatch(/^\d{1,2} \w+ \d{4} at \d{2}:\d{2}:\d{2} (GMT|BST)$/);
    await page.close();
  });

  it('shows the receipt again after a reload', async () => {
    const page = await browser.context.newPage();
    await openAs(page, signer);
    await page.getByTestId('receipt').waitFor();
    await page.reload();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByRole('button', { name: 'Sign the policy' }).count()).toBe(0);
    await page.close();
  });

  it("does not show another staff member the first one's record, in the page or through Graph", async () => {
    const other = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, other);
    await page.getByRole('button', { name: 'Sign the policy' }).waitFor();
    expect(await page.getByTestId('receipt').count()).toBe(0);
    await page.close();
    const theirView = await (await repoFor(other.upn)).listForVersion(VERSION);
    expect(theirView.filter((a) => a.signedBy.id === signer.id)).toEqual([]);
  });
});

describe('nothing lost, nothing doubled', () => {
  it('ends with exactly one record when the first write lands but its answer is a 503', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    let posts = 0;
    await page.route('**/lists/*/items', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      posts++;
      if (posts === 1) {
        await route.fetch(); // the write reaches the list...
        return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'injected' } }) });
      }
      return route.fallback();
    });
    await openAs(page, user);
    await readToEnd(page);
    await completeForm(page, 'typed');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    await page.getByTestId('receipt').waitFor({ timeout: 30_000 });
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(await recordsOf(user)).toHaveLength(1);
    await page.close();
  });

  it('keeps an unsent form as "not yet recorded" and records it once after a reload', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await page.route('**/lists/*/items', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'serviceNotAvailable', message: 'down' } }) })
        : route.fallback());
    await openAs(page, user);
    await readToEnd(page);
    await completeForm(page, 'typed');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    await page.getByTestId('pending').getByText('Not yet recorded').waitFor({ timeout: 60_000 });
    expect(await recordsOf(user)).toHaveLength(0);
    await page.unroute('**/lists/*/items');
    await page.reload();
    await page.getByTestId('receipt').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('pending').count()).toBe(0);
    expect(await recordsOf(user)).toHaveLength(1);
    await page.close();
  });
});

describe('keyboard only', () => {
  async function tabUntil(page: Page, matches: () => boolean | Promise<boolean>, limit = 120): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if (await matches()) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('focus never got there');
  }
  /** True when the element found by role and accessible name has focus: checks the name a screen reader hears, not an attribute. */
  const hasFocus = (locator: Locator): Promise<boolean> => locator.evaluate((el) => el === document.activeElement).catch(() => false);
  const focused = (page: Page) => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { testid: el?.dataset.testid ?? null, text: el?.textContent ?? '', name: el?.closest('label')?.textContent ?? (el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '' };
  });

  it('signs the policy with the keyboard alone', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await page.goto(app.teamsUrl(emulator.url));
    const signIn = page.getByRole('button', { name: `Sign in as ${user.displayName}` });
    await signIn.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('policy-end').waitFor();
    await tabUntil(page, async () => (await focused(page)).testid === 'policy-end');
    await tabUntil(page, async () => (await focused(page)).name === ACK_STATEMENTS.accept);
    await page.keyboard.press('Space');
    await tabUntil(page, async () => (await focused(page)).name === ACK_STATEMENTS.breach);
    await page.keyboard.press('Space');
    const how = page.getByRole('radiogroup', { name: 'How to sign', exact: true });
    await tabUntil(page, () => hasFocus(how.getByRole('radio', { name: 'Draw', exact: true })));
    await page.keyboard.press('ArrowRight'); // Draw -> Type
    await tabUntil(page, () => hasFocus(page.getByRole('textbox', { name: 'Type your name as your signature', exact: true })));
    await page.keyboard.type('Keyboard Signer');
    await tabUntil(page, async () => (await focused(page)).text === 'Sign the policy');
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    // The manager's report leaves signatures out; the signer's own list has them.
    const mine = await (await repoFor(user.upn)).listMine(user.id);
    expect(mine.map((a) => a.signature)).toEqual(['Keyboard Signer']);
    await page.close();
  });

  it('names each missing field beside it when submitted incomplete', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await page.getByRole('textbox', { name: 'Name (printed)' }).fill('');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    for (const message of ['Tick to confirm you have read and accept the policy.', 'Tick to confirm you understand what a breach means.', 'Enter your name.', 'Draw or type your signature.']) {
      await page.getByText(message).waitFor();
    }
    const description = async (locator: Locator): Promise<string> => {
      const ids = (await locator.getAttribute('aria-describedby')) ?? '';
      return page.evaluate((list) => list.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '), ids);
    };
    expect(await description(page.getByRole('checkbox', { name: ACK_STATEMENTS.accept }))).toContain('Tick to confirm you have read and accept the policy.');
    // The drawing, the signature that is missing, carries its message (not the "How to sign" choice).
    expect(await description(page.getByRole('img', { name: /^Signature area/ }))).toContain('Draw or type your signature.');
    expect(await recordsOf(user)).toHaveLength(0);
    await page.close();
  });
});

describe('accessibility and themes', () => {
  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical axe violations on any view in the ${theme} theme`, async () => {
      const user = nextStaff();
      const page = await browser.context.newPage();
      await page.goto(app.teamsUrl(emulator.url, theme));
      await page.getByRole('button', { name: `Sign in as ${user.displayName}` }).waitFor();
      expect(await seriousViolations(page), 'sign-in').toEqual([]);
      await page.getByRole('button', { name: `Sign in as ${user.displayName}` }).click();
      await readToEnd(page);
      expect(await seriousViolations(page), 'reading and form').toEqual([]);
      await page.getByRole('button', { name: 'Sign the policy' }).click();
      await page.getByText('Draw or type your signature.').waitFor();
      expect(await seriousViolations(page), 'form with errors').toEqual([]);
      await completeForm(page, 'typed');
      if (theme !== 'contrast') await page.screenshot({ path: `${ARTEFACTS}/teams-${theme}-form.png`, fullPage: false });
      await page.getByRole('button', { name: 'Sign the policy' }).click();
      await page.getByTestId('receipt').waitFor();
      expect(await seriousViolations(page), 'receipt and history').toEqual([]);
      await page.screenshot({ path: `${ARTEFACTS}/teams-${theme}-receipt.png`, fullPage: true });
      await page.close();
    });
  }

  it('fits a phone screen without sideways scrolling', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await openAs(page, user);
    await readToEnd(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${ARTEFACTS}/teams-phone.png` });
    await page.close();
  });
});

describe('bundle', () => {
  it('keeps the initial JavaScript of the staff view within 250 KB gzipped', async () => {
    const js = await initialJs(app.outDir);
    console.log(`staff view initial JS: ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (${(js.bytes / 1024).toFixed(1)} KB) in ${js.files.length} files`);
    expect(js.files.some((f) => /Manager|Admin/.test(f.file))).toBe(false);
    // The policy renderer (marked + DOMPurify) is fetched beside the policy text, not in the first load.
    const code = (await Promise.all(js.files.map((f) => readFile(join(app.outDir, f.file), 'utf8')))).join('\n');
    expect(code).not.toContain('ALLOWED_TAGS');
    // So are the signing form and the receipt, beside the signer's records.
    expect(code).not.toContain('Type your name as your signature');
    expect(code).not.toContain('Everything you have signed');
    expect(js.gzipBytes).toBeLessThanOrEqual(250 * 1024);
  });
});

describe('roles', () => {
  const VIEWS = ['Policy', 'Who has signed', 'Administration'];
  /** The view tabs shown, by accessible name (Fluent's Tab repeats its label, hidden, to reserve bold width). */
  const tabNames = async (page: Page): Promise<string[]> => {
    await page.getByRole('tab', { name: 'Policy' }).waitFor();
    const shown: string[] = [];
    for (const name of VIEWS) if ((await page.getByRole('tab', { name }).count()) > 0) shown.push(name);
    return shown;
  };

  it('shows the manager and admin views only to members of their groups, whatever the picker labels them', async () => {
    const admin = users.find((u) => u.role === 'admin')!;
    const page = await browser.context.newPage();
    await openAs(page, admin);
    expect(await tabNames(page)).toEqual(['Policy', 'Who has signed', 'Administration']);
    await page.close();

    // A member of staff the picker calls "staff", put into AUP Managers: the group decides (checkMemberGroups).
    const promoted = nextStaff();
    emulator.db.prepare('INSERT INTO group_members (group_id, user_id) VALUES (?, ?)').run(MANAGERS_GROUP_ID, promoted.id);
    try {
      const promotedPage = await browser.context.newPage();
      await openAs(promotedPage, promoted);
      expect(await tabNames(promotedPage)).toEqual(['Policy', 'Who has signed']);
      await promotedPage.close();
    } finally {
      emulator.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(MANAGERS_GROUP_ID, promoted.id);
    }

    const staff = nextStaff();
    const staffPage = await browser.context.newPage();
    await openAs(staffPage, staff);
    await staffPage.getByTestId('policy-end').waitFor();
    expect(await staffPage.getByRole('tab').count()).toBe(0);
    await staffPage.close();
  });
});

// Last, because it changes the current version for everyone after it.
describe('a new version', () => {
  it('shows someone who signed the old version what changed, section by section, and asks them to sign again', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await completeForm(page, 'typed');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    await page.getByTestId('receipt').waitFor();

    const admin = users.find((u) => u.role === 'admin')!;
    const policies = new PoliciesRepository((await stack.graphFor(admin.upn)).lists);
    const current = (await policies.current())!;
    const text = current.text!.replace('8.00 am to 6.00 pm', '7.30 am to 6.00 pm');
    await policies.createDraft({ version: '2026-09', title: current.title, effectiveDate: '2026-09-01', text });
    await policies.publish('2026-09');

    await page.reload();
    await page.getByRole('heading', { name: 'What changed since the April 2020 version you signed' }).waitFor();
    await page.getByRole('button', { name: /Mobile Phones/ }).waitFor();
    expect(await page.getByRole('button', { name: /Computer network/ }).count()).toBe(0);
    expect(await page.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('7')]));
    await page.getByRole('checkbox', { name: /September 2026 version/ }).waitFor();
    expect(await seriousViolations(page), 'what changed').toEqual([]);
    await page.close();
  });
});
