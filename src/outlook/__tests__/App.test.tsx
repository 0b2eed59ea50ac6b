// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fromLocal, hashContactEmail } from '../../compose-check';
import { createFakeOffice } from '../../dev/fake-office/fake-office';
import { buildCacheRecord, CACHE_KEY } from '../cache/settings-cache';
import { App } from '../taskpane/App';

const recipient = (emailAddress: string, recipientType = 'externalUser'): Office.EmailAddressDetails =>
  ({ emailAddress, displayName: emailAddress, recipientType, appointmentResponse: 'none' } as Office.EmailAddressDetails);

async function paneWithParentAfterHours() {
  const fake = createFakeOffice({ user: { emailAddress: 'tom@school.example.org.uk', displayName: 'Tom' } });
  const record = buildCacheRecord({ schoolDomains: ['school.example.org.uk'], parentContactHashes: [hashContactEmail('mum@example.com')] }, [], new Date('2026-11-26T09:00:00Z'));
  await fake.runtimeStorage.setItem(CACHE_KEY, JSON.stringify(record));
  fake.state.to = [recipient('mum@example.com')];
  fake.state.subject = 'Trip';
  const now = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');
  render(<App host={{ office: fake.Office, runtime: fake.OfficeRuntime, now: () => now, settingsSource: undefined }} />);
  return fake;
}

describe('task pane notices', () => {
  beforeAll(() => {
    // jsdom lacks ResizeObserver, which Fluent's MessageBar observes with.
    globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;
  });
  afterEach(cleanup);

  it('keeps "Done: …" while the draft is as the fix left it, and clears it when the draft changes', async () => {
    const fake = await paneWithParentAfterHours();
    await userEvent.click(await screen.findByRole('button', { name: /^Schedule/ }));
    await screen.findByText(/^Done: schedule/);
    // The re-check after the fix sees the scheduled draft: the notice stays.
    await screen.findByText(/No problems found/);
    await act(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(screen.queryByText(/^Done: schedule/)).not.toBeNull();

    fake.state.to = [...fake.state.to, recipient('head@school.example.org.uk', 'user')];
    fake.notifyRecipientsChanged(['to']);
    await waitFor(() => expect(screen.queryByText(/^Done: schedule/)).toBeNull());
  });
});
