// The Teams tab end to end: real Chromium, the built demo app, the emulator.
// Every claim about records is checked through Graph with a manager's token,
// not through the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANAGERS_GROUP_ID, type Emulator } from '../../src/emulator/index';
import { AcknowledgementsRepository, type Acknowledgement } from '../../src/graph/acknowledgements';
import { PoliciesRepository, ukToday } from '../../src/graph/policies';
import { ACK_STATEMENTS, CURRENT_POLICY_META, addDays } from '../../src/policy/index';
import { formatCalendarDate } from '../../src/ui/format';
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
  // Tests sign in by name through the picker, so a name two demo staff share cannot be used.
  while (fresh[0] && users.filter((x) => x.displayName === fresh[0]!.displayName).length > 1) fresh.shift();
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

/** Fills the form; a typed signature is the printed name, as it must be. */
async function completeForm(page: Page, signature: 'typed' | 'drawn', statements: { accept: string | RegExp; breach: string } = ACK_STATEMENTS): Promise<void> {
  await page.getByRole('checkbox', { name: statements.accept }).check();
  await page.getByRole('checkbox', { name: statements.breach }).check();
  if (signature === 'typed') {
    await page.getByRole('radio', { name: 'Type' }).check();
    const name = await page.getByRole('textbox', { name: 'Name (printed)' }).inputValue();
    await page.getByRole('textbox', { name: 'Type your name as your signature' }).fill(name);
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

/** Submits the form and confirms the review step, which names the version, the signer and the date. */
async function signAndConfirm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign the policy' }).click();
  await page.getByRole('dialog', { name: 'Check before you sign' }).getByRole('button', { name: 'Sign and submit' }).click();
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
    await signAndConfirm(page);
    await page.getByTestId('receipt').waitFor();
    await page.getByTestId('receipt').getByText('Technical details').click();

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
    await signAndConfirm(page);
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
    await signAndConfirm(page);
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

describe('a signature must be one (issue 14)', () => {
  it('refuses a dot in the pad, saying why, and records nothing', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await page.getByRole('checkbox', { name: ACK_STATEMENTS.accept }).check();
    await page.getByRole('checkbox', { name: ACK_STATEMENTS.breach }).check();
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    await page.getByText(/^That is a dot, not a signature\./).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await recordsOf(user)).toHaveLength(0);
    await page.close();
  });

  it('refuses a typed "x": a typed signature must be the printed name', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await page.getByRole('checkbox', { name: ACK_STATEMENTS.accept }).check();
    await page.getByRole('checkbox', { name: ACK_STATEMENTS.breach }).check();
    await page.getByRole('radio', { name: 'Type' }).check();
    await page.getByRole('textbox', { name: 'Type your name as your signature' }).fill('x');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    await page.getByText(`A typed signature must be your name as printed above ("${user.displayName}").`).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await recordsOf(user)).toHaveLength(0);
    await page.close();
  });

  it('shows what is being signed, as whom and on what date, before the record is made', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await completeForm(page, 'typed');
    await page.getByRole('button', { name: 'Sign the policy' }).click();
    const summary = await page.getByTestId('review-summary').textContent();
    expect(summary).toMatch(new RegExp(`^You are signing version 2020-04 \\(April 2020\\) of the ICT, Technology .*, as ${user.displayName}, on \\d{1,2} \\w+ \\d{4}\\.$`));
    await page.getByRole('button', { name: 'Go back' }).click();
    expect(await recordsOf(user)).toHaveLength(0);
    await signAndConfirm(page);
    await page.getByTestId('receipt').waitFor();
    expect(await recordsOf(user)).toHaveLength(1);
    await page.close();
  });

  it('keeps an unsent form (ticks, printed name, typed signature) across a reload', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await page.getByRole('checkbox', { name: ACK_STATEMENTS.accept }).check();
    await page.getByRole('textbox', { name: 'Name (printed)' }).fill(`${user.displayName} Jr`);
    await page.getByRole('radio', { name: 'Type' }).check();
    await page.getByRole('textbox', { name: 'Type your name as your signature' }).fill(`${user.displayName} Jr`);
    await page.reload();
    await page.getByRole('textbox', { name: 'Type your name as your signature' }).waitFor();
    expect(await page.getByRole('checkbox', { name: ACK_STATEMENTS.accept }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: ACK_STATEMENTS.breach }).isChecked()).toBe(false);
    expect(await page.getByRole('textbox', { name: 'Name (printed)' }).inputValue()).toBe(`${user.displayName} Jr`);
    expect(await page.getByRole('textbox', { name: 'Type your name as your signature' }).inputValue()).toBe(`${user.displayName} Jr`);
    // Read to the end before the reload: the form is open at once.
    expect(await page.getByRole('button', { name: 'Sign the policy' }).isEnabled()).toBe(true);
    await page.close();
  });
});

describe('the receipt', () => {
  it('says in plain words what was signed, emails a copy to the signer from their own mailbox, and prints alone', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await completeForm(page, 'typed');
    await signAndConfirm(page);
    const sentence = await page.getByTestId('receipt-sentence').textContent();
    expect(sentence).toMatch(/^You signed the ICT, Technology .*, version 2020-04 \(April 2020\), on \d{1,2} \w+ \d{4} at \d{2}:\d{2}\. Your record is kept in the school's SharePoint/);
    // The hash is there, out of the way until asked for.
    expect(await page.getByTestId('receipt-hash').isVisible()).toBe(false);

    emulator.clearOutbox();
    await page.getByRole('button', { name: 'Email me a copy' }).click();
    await page.getByText(`A copy is on its way to ${user.upn}.`).waitFor();
    const [mail] = emulator.outbox();
    expect(mail?.kind === 'mail' && [mail.from, mail.to, mail.subject]).toEqual([user.upn, [user.upn], 'Your signature: Acceptable Use Policy, version 2020-04 (April 2020)']);
    const [record] = await recordsOf(user);
    expect(mail?.kind === 'mail' && mail.body).toContain(record!.policyHash);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('receipt-sentence').isVisible()).toBe(true);
    expect(await page.getByText('AUP Guard · Wells AP Kinsley').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Everything you have signed' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.screenshot({ path: `${ARTEFACTS}/teams-receipt-print.png` });
    await page.emulateMedia({ media: 'screen' });
    await page.close();
  });

  it('starts the reading progress at 0% before any reading', async () => {
    const page = await browser.context.newPage();
    await openAs(page, nextStaff());
    const bar = page.getByRole('progressbar', { name: /^Reading progress/ });
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toBe('0% read');
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
    await page.keyboard.type(user.displayName);
    await tabUntil(page, async () => (await focused(page)).text === 'Sign the policy');
    await page.keyboard.press('Enter');
    // The review step: reachable and confirmable from the keyboard.
    const review = page.getByRole('dialog', { name: 'Check before you sign' });
    await review.waitFor();
    await tabUntil(page, () => hasFocus(review.getByRole('button', { name: 'Sign and submit' })), 5);
    await page.keyboard.press('Enter');
    await page.getByTestId('receipt').waitFor();
    const mine = await (await repoFor(user.upn)).listMine(user.id);
    expect(mine.map((a) => a.signature)).toEqual([user.displayName]);
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
      await page.screenshot({ path: `${ARTEFACTS}/teams-${theme}-form.png`, fullPage: false });
      await page.getByRole('button', { name: 'Sign the policy' }).click();
      await page.getByRole('dialog', { name: 'Check before you sign' }).waitFor();
      expect(await seriousViolations(page), 'review step').toEqual([]);
      await page.getByRole('button', { name: 'Sign and submit' }).click();
      await page.getByTestId('receipt').waitFor();
      await page.getByTestId('receipt').getByText('Technical details').click();
      expect(await seriousViolations(page), 'receipt and history').toEqual([]);
      await page.screenshot({ path: `${ARTEFACTS}/teams-${theme}-receipt.png`, fullPage: true });
      await page.close();
    });
  }

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`fits a phone screen without sideways scrolling (${theme})`, async () => {
      const user = nextStaff();
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 360, height: 740 });
      await openAs(page, user, theme);
      await page.getByTestId('status-line').waitFor();
      await page.screenshot({ path: `${ARTEFACTS}/teams-phone-${theme}.png` });
      await readToEnd(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${ARTEFACTS}/teams-phone-${theme}-form.png` });
      await page.close();
    });
  }
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

  it('has a favicon', async () => {
    const page = await browser.context.newPage();
    await page.goto(app.teamsUrl(emulator.url));
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    const icon = await page.request.get(new URL(href!, page.url()).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/^image\/svg\+xml/);
    await page.close();
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

// Last, because they change the version in force for everyone after them.
describe('a new version', () => {
  const DUE = '2099-12-18';

  it('shows someone who signed the old version what changed, "6.00 pm" to "5.30 pm" as one change, and the date to sign by', async () => {
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    await readToEnd(page);
    await completeForm(page, 'typed');
    await signAndConfirm(page);
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('status-line').textContent()).toMatch(/^Signed on \d{1,2} \w+ \d{4}, nothing to do\./);

    const admin = users.find((u) => u.role === 'admin')!;
    const policies = new PoliciesRepository((await stack.graphFor(admin.upn)).lists);
    const current = (await policies.current())!;
    const text = current.text!.replace('8.00 am to 6.00 pm', '8.00 am to 5.30 pm');
    await policies.createDraft({ version: '2026-09', title: current.title, text, dueDate: DUE });
    await policies.publish('2026-09', { dueDate: DUE });

    await page.reload();
    await page.getByRole('heading', { name: 'What changed since version 2020-04 (April 2020), which you signed' }).waitFor();
    expect(await page.getByTestId('status-line').textContent()).toBe('Action required: sign version 2026-09 (September 2026) by 18 December 2099');
    await page.getByRole('button', { name: /Mobile Phones/ }).waitFor();
    expect(await page.getByRole('button', { name: /Computer network/ }).count()).toBe(0);
    // One replacement of the whole time, and a screen reader hears it as a sentence.
    const change = page.getByTestId('replacement');
    expect(await change.count()).toBe(1);
    expect(await change.locator('del').textContent()).toBe('6.00 pm');
    expect(await change.locator('ins').textContent()).toBe('5.30 pm');
    expect((await change.textContent())?.replace(/\s+/g, ' ').trim()).toBe('changed from 6.00 pm to 5.30 pm (end of change)');
    await page.getByRole('checkbox', { name: /September 2026 version/ }).waitFor();
    expect(await seriousViolations(page), 'what changed').toEqual([]);
    await page.screenshot({ path: `${ARTEFACTS}/teams-what-changed.png`, fullPage: false });
    await page.close();
  });

  it('lets staff sign a version that comes into force later, and makes it current on its date under a moved clock', async () => {
    const admin = users.find((u) => u.role === 'admin')!;
    const policies = new PoliciesRepository((await stack.graphFor(admin.upn)).lists);
    const current = (await policies.current())!;
    const today = ukToday(new Date());
    const starts = addDays(today, 30);
    await policies.createDraft({ version: '2027-01', title: current.title, text: `${current.text!}\n\n## Artificial intelligence\n\nDo not put pupil data into AI tools.\n`, dueDate: addDays(today, 40) });
    await policies.publish('2027-01', { effectiveDate: starts, dueDate: addDays(today, 40), today });

    // Today: 2026-09 is still the version to sign; the new one can be signed early.
    const user = nextStaff();
    const page = await browser.context.newPage();
    await openAs(page, user);
    const status = page.getByTestId('status-line');
    await status.waitFor();
    expect(await status.textContent()).toMatch(new RegExp(`^Action required: sign version 2026-09 \\(September 2026\\) by 18 December 2099 A new version comes into force on ${formatCalendarDate(starts)}: you can sign it too\\.`));
    await page.close();

    // Someone who has signed 2026-09 is offered 2027-01 early, and signs it.
    const early = await browser.context.newPage();
    const other = nextStaff();
    await openAs(early, other);
    await readToEnd(early);
    await completeForm(early, 'typed', { accept: /September 2026 version/, breach: ACK_STATEMENTS.breach });
    await signAndConfirm(early);
    await early.getByTestId('status-line').getByText(/^Signed on/).waitFor();
    await early.getByRole('button', { name: 'Read and sign version 2027-01 (January 2027)' }).click();
    await readToEnd(early);
    await completeForm(early, 'typed', { accept: /January 2027 version/, breach: ACK_STATEMENTS.breach });
    await signAndConfirm(early);
    await early.getByTestId('status-line').getByText(/You have also signed version 2027-01 \(January 2027\)/).waitFor();
    const signedEarly = (await managerAcks.listForVersion('2027-01')).filter((a) => a.signedBy.id === other.id);
    expect(signedEarly).toHaveLength(1);
    await early.close();
    // On the day it comes into force, with nobody having done anything, it is the version to sign.
    // Last: the clock belongs to the browser context, so every page after this one has the moved clock too.
    const later = await browser.context.newPage();
    await later.clock.setFixedTime(new Date(`${starts}T09:00:00Z`));
    await openAs(later, user);
    await later.getByTestId('status-line').waitFor();
    expect(await later.getByTestId('status-line').textContent()).toBe(`Action required: sign version 2027-01 (January 2027) by ${formatCalendarDate(addDays(today, 40))}`);
    await later.getByRole('checkbox', { name: /January 2027 version/ }).waitFor();
    await later.close();

  });
});
