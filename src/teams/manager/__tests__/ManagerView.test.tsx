// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { computeCompliance, type StaffMember } from '../compliance';
import type { ManagerData } from '../data';
import { ManagerScreen } from '../ManagerView';
import { installJsdomLayout } from '../../../ui/__tests__/jsdom-layout';

beforeAll(() => installJsdomLayout());
afterEach(cleanup);

const staff: StaffMember[] = [
  { id: 'a', displayName: 'Ann Able', email: 'ann@school.uk', department: 'Teaching', jobTitle: 'Teacher' },
  { id: 'b', displayName: 'Bob Bell', email: 'bob@school.uk', department: 'Admin', jobTitle: 'Clerk' },
  { id: 'c', displayName: 'Cat Cole', email: 'cat@school.uk', department: 'Teaching', jobTitle: 'TA' },
];

function fakeData(overrides: Partial<ManagerData> = {}): ManagerData & { remind: ReturnType<typeof vi.fn> } {
  const remind = vi.fn(async (rows: readonly { id: string }[]) => ({ activity: 0, mail: rows.length, failed: [] }));
  return {
    isManager: async () => true,
    load: async (onProgress) => {
      onProgress?.({ done: 1, total: 3, finished: ['staff'] });
      return { ...computeCompliance(staff, [{ policyVersion: '2020-04', signedBy: { id: 'a' }, signedAt: '2024-09-02T08:00:00Z' }], '2020-04'), policyTitle: 'AUP' };
    },
    listWebUrl: async () => 'https://school.sharepoint.com/sites/aup/Lists/AUP%20Acknowledgements',
    remind,
    ...overrides,
  } as ManagerData & { remind: ReturnType<typeof vi.fn> };
}

const renderScreen = (data: ManagerData) => render(<FluentProvider theme={teamsLightTheme}><ManagerScreen data={data} /></FluentProvider>);

describe('ManagerScreen', () => {
  it('tells a non-manager the view is not for them and never loads the data', async () => {
    const load = vi.fn();
    renderScreen(fakeData({ isManager: async () => false, load }));
    expect(await screen.findByText(/for members of the managers group/)).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('shows the percentage and the outstanding count once loaded', async () => {
    renderScreen(fakeData());
    expect((await screen.findByTestId('outstanding-count')).textContent).toBe('2');
    expect(screen.getByTestId('percent-complete').textContent).toBe('33%');
    expect((await screen.findByRole('link', { name: 'Open in SharePoint' })).getAttribute('href')).toContain('sharepoint.com');
  });

  it('filters the table by search and status', async () => {
    const user = userEvent.setup();
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    const table = screen.getByRole('table', { name: 'Staff and their signatures' });
    expect(within(table).getAllByRole('row')).toHaveLength(4); // header + 3
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'outstanding');
    expect(screen.getByTestId('shown-count').textContent).toBe('Showing 2 of 3 staff');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'cole');
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-row-id'))).toEqual(['c']);
  });

  it('sorts when a column header is activated', async () => {
    const user = userEvent.setup();
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    const ids = () => screen.getAllByRole('row').slice(1).map((r) => r.getAttribute('data-row-id'));
    expect(ids()).toEqual(['a', 'b', 'c']);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(ids()).toEqual(['c', 'b', 'a']);
  });

  it('reminds only the outstanding staff shown, after confirmation', async () => {
    const user = userEvent.setup();
    const data = fakeData();
    renderScreen(data);
    await screen.findByTestId('outstanding-count');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Department' }), 'Teaching');
    await user.click(screen.getByRole('button', { name: 'Remind 1 outstanding' }));
    await user.click(await screen.findByRole('button', { name: 'Send reminders' }));
    await waitFor(() => expect(data.remind).toHaveBeenCalledTimes(1));
    expect((data.remind.mock.calls[0]![0] as { id: string }[]).map((r) => r.id)).toEqual(['c']);
    expect(await screen.findByText(/Reminded 1: 0 in Teams, 1 by email/)).toBeTruthy();
  });

  it('keeps the confirmation dialog reachable and focused after tabster hides what is behind it', async () => {
    const user = userEvent.setup();
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    await user.click(screen.getByRole('button', { name: 'Remind 2 outstanding' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send reminders?' });
    // Past tabster's 250 ms hidden-update: an inactive modal would now be aria-hidden.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(within(dialog).getByRole('button', { name: 'Send reminders' })).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  });

  it('offers to try again when loading fails', async () => {
    let calls = 0;
    renderScreen(fakeData({ load: async () => { if (calls++ === 0) throw new Error('503 busy'); return null; } }));
    expect(await screen.findByText(/Could not load the figures: 503 busy/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No policy version is current yet/)).toBeTruthy();
  });
});
