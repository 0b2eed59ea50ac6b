// The Outlook add-in end to end, in real Chromium, through the local compose
// harness: the built launchevent.js handles Send (as Outlook would load it)
// and the real task pane runs in its iframe against the same fake Office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { startEmulator, type Emulator } from '../../src/emulator/index';
import { alertDialog, compose, pane, sendButton, sentItems, startComposeHarness, type ComposeHarness, type HarnessOptions } from './support/compose-harness';
import { DEMO_COLLEAGUE, DEMO_PARENT, DEMO_PUPIL, DEMO_PUPILS } from '../../src/dev/demo-settings';

// The emulator's demo school, forced with ?settings=demo so no running emulator changes the outcome.
const CLASS_LIST = DEMO_PUPILS.slice(0, 3).map((p) => `${p.name} ${p.upn}`).join(', ');

let harness: ComposeHarness;

beforeAll(async () => {
  harness = await startComposeHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** Opens the harness with the built-in demo school and the BUILT send handlers. */
const openHarness = (at?: string, theme?: string, more: HarnessOptions = {}): Promise<Page> =>
  harness.open({ ...(at ? { at } : {}), ...(theme ? { theme } : {}), ...more });

describe('Outlook add-in through the compose harness', () => {
  it('raises the alert for a UPN to an external address, and sends once the encrypting label is applied', async () => {
    const page = await openHarness('2026-11-26T10:00');
    await compose(page, { to: 'officer@county.example.gov.uk', subject: 'Referral', body: `Referral for ${DEMO_PUPIL.name}, UPN ${DEMO_PUPIL.upn}, as discussed.` });
    await sendButton(page).click();
    await expect.poll(() => alertDialog(page).textContent()).toMatch(/sensitive pupil data/);
    await expect(alertDialog(page).getByRole('button', { name: 'Send anyway' }).isVisible()).resolves.toBe(true);
    // The alert's portal node takes the theme, not the harness's full-height layout, so only the dialog's
    // own translucent backdrop covers the compose window (it was an opaque page-sized sheet).
    const portalHeights = await page.locator('[data-portal-node]').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    expect(portalHeights.length).toBeGreaterThan(0);
    expect(Math.max(...portalHeights)).toBeLessThan(100);
    await alertDialog(page).getByRole('button', { name: "Don't send" }).click();

    await pane(page).getByRole('button', { name: /Apply label “Confidential – Encrypted”/ }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Sensitivity' }).inputValue()).not.toBe('');
    await sendButton(page).click();
    await expect.poll(() => sentItems(page).textContent()).toMatch(/“Referral”, delivered now/);
    await expect(alertDialog(page).count()).resolves.toBe(0);
    await page.close();
  });

  it('warns about a known parent on personal webmail at 19:10 (a warning, not a webmail block), schedules for 08:00 from the pane, then sends', async () => {
    const page = await openHarness('2026-11-26T19:10');
    await compose(page, { to: DEMO_PARENT, subject: 'Trip tomorrow', body: 'A reminder that the trip leaves at 9.' });
    await sendButton(page).click();
    await expect.poll(() => alertDialog(page).textContent()).toMatch(/Contact with parents and pupils is limited to 08:00 to 18:00/);
    await expect(alertDialog(page).textContent()).resolves.not.toMatch(/personal webmail/);
    await expect(alertDialog(page).getByRole('button', { name: 'Send anyway' }).isVisible()).resolves.toBe(true);
    await alertDialog(page).getByRole('button', { name: 'Fix in AUP Guard' }).click();

    const bars = page.getByRole('region', { name: 'Message notifications' });
    await expect.poll(() => bars.textContent()).toMatch(/^It's 19:10\./);
    await pane(page).getByRole('button', { name: 'Schedule for Fri 27/11/2026 08:00' }).click();
    await expect.poll(() => page.getByText(/Delivery scheduled for/).textContent()).toBe('Delivery scheduled for Fri 27/11/2026 08:00');
    // The information bar's reason is gone once the message is scheduled into hours: the pane takes it down.
    await expect.poll(() => bars.textContent()).toBe('');
    await sendButton(page).click();
    await expect.poll(() => sentItems(page).textContent()).toMatch(/“Trip tomorrow”, delivered Fri 27\/11\/2026 08:00/);
    await page.close();
  });

  it('sends staff-only mail at 19:10 with no alert', async () => {
    const page = await openHarness('2026-11-26T19:10');
    // Headings sit on their own lines, not run into the text after them ("AUP GuardChecks this message…").
    const below = async (upper: Locator, lower: Locator) => {
      const [a, b] = await Promise.all([upper.boundingBox(), lower.boundingBox()]);
      return a !== null && b !== null && b.y >= a.y + a.height - 1;
    };
    await expect(below(pane(page).getByRole('heading', { name: 'AUP Guard' }), pane(page).getByText(/^Checks this message/))).resolves.toBe(true);
    await expect(below(sentItems(page).getByRole('heading', { name: 'Sent items' }), sentItems(page).getByText('Nothing sent yet.'))).resolves.toBe(true);
    await compose(page, { to: DEMO_COLLEAGUE, subject: 'Staff meeting', body: 'Notes from tonight attached.' });
    await sendButton(page).click();
    await expect.poll(() => sentItems(page).textContent()).toMatch(/“Staff meeting”, delivered now/);
    await expect(alertDialog(page).count()).resolves.toBe(0);
    await page.close();
  });

  it('blocks pupil data to a gmail address that is not a parent until that recipient is removed', async () => {
    const page = await openHarness('2026-11-26T10:00');
    await compose(page, {
      to: `${DEMO_COLLEAGUE}; someone.random@gmail.com`,
      subject: 'Class list',
      body: CLASS_LIST,
    });
    await sendButton(page).click();
    await expect.poll(() => alertDialog(page).textContent()).toMatch(/personal webmail/);
    await expect(alertDialog(page).getByRole('button', { name: 'Send anyway' }).count()).resolves.toBe(0);
    await alertDialog(page).getByRole('button', { name: "Don't send" }).click();

    await pane(page).getByRole('button', { name: 'Remove someone.random@gmail.com' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'To' }).inputValue()).toBe(DEMO_COLLEAGUE);
    await sendButton(page).click();
    await expect.poll(() => sentItems(page).textContent()).toMatch(/“Class list”, delivered now/);
    await page.close();
  });

  it('shows the information bar when a parent is added after hours, and removes it when they are taken out', async () => {
    const page = await openHarness('2026-11-26T19:10');
    const to = page.getByRole('textbox', { name: 'To' });
    await to.fill(DEMO_PARENT);
    await to.press('Enter');
    const bars = page.getByRole('region', { name: 'Message notifications' });
    await expect.poll(() => bars.textContent()).toBe("It's 19:10. Contact with parents and pupils is limited to 08:00–18:00.Open AUP Guard");
    await to.fill(DEMO_COLLEAGUE);
    await to.press('Enter');
    await expect.poll(() => bars.textContent()).toBe('');
    await page.close();
  });

  it('on Mailbox 1.13 (no "Send anyway") stops a warning once, saying Send again will send it, and sends on the second Send', async () => {
    const page = await openHarness('2026-11-26T10:00');
    await page.getByRole('combobox', { name: 'Outlook API level' }).selectOption('1.13');
    await compose(page, { to: 'officer@county.example.gov.uk', subject: 'Referral', body: `Referral for ${DEMO_PUPIL.name}, UPN ${DEMO_PUPIL.upn}.` });
    await sendButton(page).click();
    await expect.poll(() => alertDialog(page).textContent()).toMatch(/To send it anyway, press Send again\./);
    await expect(alertDialog(page).getByRole('button', { name: 'Send anyway' }).count()).resolves.toBe(0);
    await alertDialog(page).getByRole('button', { name: "Don't send" }).click();
    await sendButton(page).click();
    await expect.poll(() => sentItems(page).textContent()).toMatch(/“Referral”, delivered now/);
    await page.close();
  });

  it('shows one instruction for a Gmail recipient: remove it, with no encryption button for it', async () => {
    const page = await openHarness('2026-11-26T10:00');
    await compose(page, { to: 'someone.random@gmail.com', subject: 'Class list', body: CLASS_LIST });
    await pane(page).getByRole('button', { name: 'Remove someone.random@gmail.com' }).waitFor();
    await expect(pane(page).getByRole('button', { name: /Apply label|Add \[secure\]/ }).count()).resolves.toBe(0);
    await sendButton(page).click();
    await expect.poll(() => alertDialog(page).textContent()).toMatch(/Personal email address/);
    await expect(alertDialog(page).textContent()).resolves.not.toMatch(/sensitivity label|\[secure\]/);
    await page.close();
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical axe violations in the harness and the pane (${theme})`, async () => {
      const page = await openHarness('2026-11-26T19:10', theme);
      if (theme === 'contrast') await page.emulateMedia({ forcedColors: 'active' });
      await compose(page, { to: `${DEMO_PARENT}; someone.random@gmail.com`, subject: 'Class list', body: CLASS_LIST });
      await pane(page).getByRole('button', { name: /Remove someone\.random@gmail\.com/ }).waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.close();
    });
  }
});

describe('signing in from the pane against the emulator', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, dataFile: ':memory:', seed: 'demo' });
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it('without nested app authentication, signs in through the Office dialog, keeps the token in memory, and refreshes from AUP Send Check', async () => {
    const page = await harness.open({ platform: 'web', naa: 'off', at: '2026-11-26T19:10', extra: { settings: 'emulator', graph: emulator.url } });
    // Without NAA nothing signs in by itself: the send check is on defaults until the user refreshes.
    await pane(page).getByText(/No school settings saved yet: running on safe defaults/).waitFor();
    await pane(page).getByText('Refreshing opens a sign-in window.').waitFor();
    await pane(page).getByRole('button', { name: 'Refresh settings from the local Graph emulator' }).click();
    const dialog = page.frameLocator('iframe[title="Sign in – AUP Guard"]');
    await dialog.getByRole('button', { name: 'Continue as Tom Baker' }).click();
    await pane(page).getByText(/^School settings refreshed\./).waitFor();
    await expect(page.locator('iframe[title="Sign in – AUP Guard"]').count()).resolves.toBe(0);
    // The refreshed data reaches the send handler: a known parent at 19:10.
    await compose(page, { to: DEMO_PARENT, subject: 'Trip', body: 'A reminder.' });
    await sendButton(page).click();
    await expect.poll(() => alertDialog(page).textContent()).toMatch(/Contact with parents and pupils is limited/);
    // No token was written to storage (the emulator's tokens are JWTs, "eyJ…").
    const stored = await page.evaluate(() => JSON.stringify([Object.values(localStorage), Object.values(sessionStorage)]));
    expect(stored).not.toContain('eyJ');
    await page.close();
  });
});
