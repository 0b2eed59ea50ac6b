// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fromLocal } from '../../compose-check';
import { createFakeOffice } from '../../dev/fake-office/fake-office';
import { cacheDraftFrom, fitForStore } from '../cache/build';
import { CACHE_TTL_MS, recordForStore } from '../cache/settings-cache';
import { CACHE_KEY } from '../cache/stores';
import { App } from '../taskpane/App';

const recipient = (emailAddress: string, recipientType = 'externalUser'): Office.EmailAddressDetails =>
  ({ emailAddress, displayName: emailAddress, recipientType, appointmentResponse: 'none' } as Office.EmailAddressDetails);

const NOW = fromLocal(2026, 11, 26, 19, 10, 'Europe/London');

async function paneWithParentAfterHours(savedAt = new Date('2026-11-26T09:00:00Z')) {
  const fake = createFakeOffice({ user: { emailAddress: 'tom@school.example.org.uk', displayName: 'Tom' }, platform: 'windows' });
  const { draft } = cacheDraftFrom({
    settings: { schoolDomains: ['school.example.org.uk'], parentContacts: [{ email: 'mum@example.com', pupil: 'Sam Lee' }], pupils: [{ name: 'Sam Lee' }] },
    sendCheck: undefined, policy: undefined,
  }, savedAt);
  await fake.runtimeStorage.setItem(CACHE_KEY, recordForStore(draft, undefined, fitForStore).json);
  fake.state.to = [recipient('mum@example.com')];
  fake.state.subject = 'Trip';
  render(<App host={{ office: fake.Office, runtime: fake.OfficeRuntime, now: () => NOW, settingsSource: undefined }} />);
  return fake;
}

// jsdom and Fluent are slow to render on a loaded two-core machine; these wait on real debounces too.
describe('task pane notices', { timeout: 20_000 }, () => {
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

  it('takes the information bar down once scheduling for 08:00 has removed its reason', async () => {
    const fake = await paneWithParentAfterHours();
    fake.state.notifications.set('aupGuardContactHours', { type: 'insightMessage', message: "It's 19:10. Contact with parents and pupils is limited to 08:00–18:00.", icon: 'Icon.16x16' } as Office.NotificationMessageDetails);
    await userEvent.click(await screen.findByRole('button', { name: /^Schedule/ }));
    await screen.findByText(/No problems found/);
    await waitFor(() => expect(fake.state.notifications.size).toBe(0));
  });

  it('says it is running on defaults, and asks for a refresh, once the saved settings are past 14 days', async () => {
    await paneWithParentAfterHours(new Date(NOW.getTime() - CACHE_TTL_MS - 3600_000));
    expect(await screen.findByText(/Running on safe defaults: the school settings saved here on .* are more than 14 days old\. Refresh them\./)).toBeTruthy();
    // On defaults the parent is unknown, so no contact-hours warning is raised.
    expect(screen.queryByRole('button', { name: /^Schedule/ })).toBeNull();
  });

  it('shows the contact hours from the settings and the policy version in force', async () => {
    await paneWithParentAfterHours();
    expect(await screen.findByText(/Contact hours: 08:00–18:00\./)).toBeTruthy();
  });
});
