// The same send-time scenarios on every Outlook the harness can play: classic
// Windows (handlers in a worker standing in for the JavaScript-only runtime,
// OfficeRuntime.storage, no localStorage), the web and new Outlook, and Mac
// (browser runtimes with localStorage, no OfficeRuntime.storage). Each must
// behave the same: the data the pane saved reaches the handler everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, HARNESS_PLATFORMS, send, startComposeHarness, type ComposeHarness } from './support/compose-harness';
import { DEMO_PARENT, DEMO_PUPIL } from '../../src/dev/demo-settings';

let harness: ComposeHarness;

beforeAll(async () => {
  harness = await startComposeHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe.each(HARNESS_PLATFORMS)('on %s', (platform) => {
  it('warns about contact hours when a known parent is written to at 19:10', async () => {
    const page = await harness.open({ platform, at: '2026-11-26T19:10' });
    await compose(page, { to: DEMO_PARENT, subject: 'Trip tomorrow', body: 'A reminder that the trip leaves at 9.' });
    expect(await send(page)).toMatch(/Contact with parents and pupils is limited to 08:00 to 18:00/);
    await page.close();
  });

  it('finds a roster pupil named beside sensitive context, with no identifier in the message', async () => {
    const page = await harness.open({ platform, at: '2026-11-26T10:00' });
    await compose(page, {
      to: 'officer@county.example.gov.uk',
      subject: 'Review',
      body: `Following our call: ${DEMO_PUPIL.name} has her EHCP review next week and the new medication plan is in place.`,
    });
    expect(await send(page)).toMatch(/sensitive pupil data/);
    await page.close();
  });
});
