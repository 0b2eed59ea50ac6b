// Issue 12's attachments end to end in real Chromium, through the compose
// harness and the BUILT send handlers: real files from the attachments corpus
// attached as a user would, read by the same readers Outlook's runtime loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { alertDialog, compose, pane, send, sentItems, startComposeHarness, type ComposeHarness } from './support/compose-harness';
import { seriousViolations } from './support/axe';

const FILES = fileURLToPath(new URL('../fixtures/attachments/files/', import.meta.url));
const file = (name: string): string => `${FILES}${name}`;

let harness: ComposeHarness;

beforeAll(async () => {
  harness = await startComposeHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe('attachments, in the compose harness', () => {
  it('stops a SIMS export sent outside the school, naming the workbook, the sheet and the cell', async () => {
    const page = await harness.open({ at: '2026-11-26T10:00' });
    await compose(page, { to: 'officer@county.example.gov.uk', subject: 'Register', body: 'As requested, attached.' });
    await page.locator('#harness-attach').setInputFiles(file('SIMS export SEN register Y7-Y11.xlsx'));
    await page.getByRole('list', { name: 'Attachments' }).getByText(/SIMS export SEN register/).waitFor();
    expect(await send(page)).toMatch(/sensitive pupil data/);
    await alertDialog(page).getByRole('button', { name: "Don't send" }).click();
    // The pane's evidence names the place in the file.
    await expect.poll(() => pane(page).getByText(/in SIMS export SEN register Y7-Y11\.xlsx, sheet Year 7, cell A\d+/).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('names a protected workbook and a scanned PDF in the pane, and lets the protected workbook go on its own', async () => {
    const page = await harness.open({ at: '2026-11-26T10:00' });
    await compose(page, { to: 'officer@county.example.gov.uk', subject: 'Forms', body: 'The forms we talked about.' });
    await page.locator('#harness-attach').setInputFiles([file('SEN register Y7-Y11 (password).xlsx'), file('Scanned consent form.pdf')]);
    const notes = pane(page).getByRole('region', { name: 'Attachments' });
    await notes.getByText('Protected attachment: SEN register Y7-Y11 (password).xlsx (password-protected workbook)').waitFor();
    await notes.getByText("Couldn't check Scanned consent form.pdf: scanned image, no text").waitFor();
    // Taking the scan off leaves only the protected workbook, whose contents count as protected.
    await page.getByRole('button', { name: 'Remove Scanned consent form.pdf' }).click();
    await expect.poll(() => notes.getByText(/Scanned consent form\.pdf/).count()).toBe(0);
    expect(await send(page)).toBe('sent');
    await expect.poll(() => sentItems(page).getByText('Forms').count()).toBe(1);
    await page.close();
  });

  for (const theme of ['light', 'dark', 'contrast'] as const) {
    it(`has no serious or critical axe violations with attachment notes and findings in the pane (${theme})`, async () => {
      const page = await harness.open({ at: '2026-11-26T10:00', theme });
      if (theme === 'contrast') await page.emulateMedia({ forcedColors: 'active' });
      await compose(page, { to: 'officer@county.example.gov.uk', subject: 'Register', body: 'Attached.' });
      await page.locator('#harness-attach').setInputFiles([file('SIMS export SEN register Y7-Y11.xlsx'), file('Scanned consent form.pdf')]);
      await pane(page).getByRole('region', { name: 'Attachments' }).getByText(/Couldn't check Scanned consent form\.pdf/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }
});
