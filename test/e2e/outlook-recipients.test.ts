// Issue 12's two recipient rules end to end in real Chromium, through the
// compose harness and the BUILT send handlers: pupil data addressed to another
// family, and families' addresses shown to each other in To and Cc, each with
// its one-click fix in the task pane.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { alertDialog, compose, pane, send, startComposeHarness, type ComposeHarness } from './support/compose-harness';
import { DEMO_CONTACTS, DEMO_PUPIL } from '../../src/dev/demo-settings';

let harness: ComposeHarness;

beforeAll(async () => {
  harness = await startComposeHarness();
});

afterAll(async () => {
  await harness?.close();
});

/** Parents of pupils other than DEMO_PUPIL, one per family. */
const otherFamilies = (() => {
  const seen = new Set<string>();
  const out: { email: string; pupil: string }[] = [];
  for (const c of DEMO_CONTACTS) {
    if (c.role !== 'Parent' || !c.pupilName || c.pupilUpn === DEMO_PUPIL.upn || seen.has(c.pupilName)) continue;
    // A parent linked to DEMO_PUPIL too (a sibling's parent) would be the right family.
    if (DEMO_CONTACTS.some((o) => o.email === c.email && o.pupilUpn === DEMO_PUPIL.upn)) continue;
    seen.add(c.pupilName);
    out.push({ email: c.email, pupil: c.pupilName });
  }
  return out;
})();

const field = (page: Page, name: 'To' | 'Cc' | 'Bcc') => page.getByRole('textbox', { name, exact: true });

describe('recipients, in the compose harness', () => {
  it("alerts when a pupil's data is addressed to another family, naming both, and the pane offers only removing them", async () => {
    const wrong = otherFamilies[0]!;
    const page = await harness.open({ at: '2026-11-26T10:00' });
    await compose(page, { to: wrong.email, subject: 'EHCP review', body: `${DEMO_PUPIL.name}'s EHCP annual review is on Monday at 10.` });
    const alert = await send(page);
    expect(alert).toMatch(new RegExp(`about ${DEMO_PUPIL.name}`));
    expect(alert).toContain(wrong.pupil);
    await alertDialog(page).getByRole('button', { name: "Don't send" }).click();

    const region = pane(page).getByRole('group', { name: 'Pupil data to another family' });
    await expect.poll(() => region.count()).toBe(1);
    // Encryption would not help: removing the recipient is the one instruction for them.
    await expect(region.getByRole('button', { name: /Apply label|Add \[/ }).count()).resolves.toBe(0);
    await region.getByRole('button', { name: `Remove ${wrong.email}` }).click();
    await expect.poll(() => field(page, 'To').inputValue()).toBe('');
    await page.close();
  });

  it("moves three families' addresses from To and Cc to Bcc in one click, putting the sender in To, then sends", async () => {
    const [a, b, c] = otherFamilies;
    const page = await harness.open({ at: '2026-11-26T10:00' });
    await compose(page, { to: `${a!.email}, ${b!.email}`, subject: 'Trip letter', body: 'The trip to the coast leaves at 9 on Friday.' });
    await field(page, 'Cc').fill(c!.email);
    await field(page, 'Cc').press('Enter');
    expect(await send(page)).toMatch(/3 parents', pupils' or personal addresses are in To or Cc/);
    await alertDialog(page).getByRole('button', { name: "Don't send" }).click();

    await pane(page).getByRole('button', { name: 'Move 3 addresses to Bcc' }).click();
    await expect.poll(() => field(page, 'Bcc').inputValue()).toContain(a!.email);
    expect(await field(page, 'Bcc').inputValue()).toContain(c!.email);
    expect(await field(page, 'Cc').inputValue()).toBe('');
    // Nobody is left in To, so the sender goes there, as a mail merge would.
    expect(await field(page, 'To').inputValue()).toMatch(/@wellsapkinsley\.sch\.uk/);
    expect(await send(page)).toBe('sent');
    await page.close();
  });
});
