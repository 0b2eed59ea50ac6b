// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import DemoSignIn, { PICKER_LIMIT } from '../auth/DemoSignIn';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

/** The emulator's /_dev/users with a manager, an admin and `staff` ordinary members of staff. */
function stubUsers(staff: number): void {
  const users = [
    ...Array.from({ length: staff }, (_, i) => ({ upn: `s${i}@school.uk`, displayName: `Staff ${String(i).padStart(5, '0')}`, role: 'staff' })),
    { upn: 'zoe@school.uk', displayName: 'Zoe Manager', role: 'manager' },
    { upn: 'yan@school.uk', displayName: 'Yan Admin', role: 'admin' },
  ];
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(users), { headers: { 'Content-Type': 'application/json' } })));
}

const renderPicker = () => render(<FluentProvider theme={teamsLightTheme}><DemoSignIn emulatorUrl="http://localhost:4010" onSignedIn={() => {}} /></FluentProvider>);
const people = () => within(screen.getByRole('list', { name: 'Demo staff' })).getAllByRole('listitem');

describe('DemoSignIn', () => {
  it('lists everyone when there are no more than the limit', async () => {
    stubUsers(PICKER_LIMIT - 2);
    renderPicker();
    await screen.findByRole('list', { name: 'Demo staff' });
    expect(people()).toHaveLength(PICKER_LIMIT);
    expect(screen.queryByText(/^Showing/)).toBeNull();
  });

  it('shows at most the limit from 10,000 staff, admins and managers first, and says how to find the rest', async () => {
    stubUsers(10_000);
    renderPicker();
    await screen.findByRole('list', { name: 'Demo staff' });
    expect(people()).toHaveLength(PICKER_LIMIT);
    expect(people().slice(0, 2).map((li) => within(li).getByRole('button').textContent)).toEqual(['Yan Admin', 'Zoe Manager']);
    expect(screen.getByText(`Showing ${PICKER_LIMIT} of 10,002: type a name or email address to find someone else.`)).toBeTruthy();
  });

  it('finds someone beyond the limit by name', async () => {
    stubUsers(10_000);
    const user = userEvent.setup();
    renderPicker();
    await user.type(await screen.findByRole('searchbox', { name: 'Find a person' }), 'Staff 09999');
    expect(people()).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sign in as Staff 09999' })).toBeTruthy();
    expect(screen.queryByText(/^Showing/)).toBeNull();
  });
});
