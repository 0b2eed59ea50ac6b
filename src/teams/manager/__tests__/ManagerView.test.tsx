// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { PolicyVersion } from '../../../graph/policies';
import { computeCompliance, type ComplianceRow, type SignatureRecord, type StaffMember } from '../compliance';
import type { ManagerData, ManagerReport } from '../data';
import { ManagerScreen } from '../ManagerView';
import { installJsdomLayout } from '../../../ui/__tests__/jsdom-layout';

beforeAll(() => installJsdomLayout());
afterEach(cleanup);

const staff: StaffMember[] = [
  { id: 'a', displayName: 'Ann Able', email: 'ann@school.uk', department: 'Teaching', jobTitle: 'Teacher' },
  { id: 'b', displayName: 'Bob Bell', email: 'bob@school.uk', department: 'Admin', jobTitle: 'Clerk' },
  { id: 'c', displayName: 'Cat Cole', email: 'cat@school.uk', department: 'Teaching', jobTitle: 'TA' },
  { id: 'me', displayName: 'Mo Manager', email: 'mo@school.uk', department: 'Admin', jobTitle: 'Business Manager' },
  { id: 'd', displayName: 'Dan Dee', email: 'dan@school.uk', department: 'Admin', jobTitle: 'Clerk' },
];
const HASH = 'a'.repeat(64);
const signed = (id: string, extra: Partial<SignatureRecord> = {}): SignatureRecord => ({
  policyVersion: '2020-04', signedBy: { id }, signedAt: '2024-09-02T08:00:00Z', modifiedAt: '2024-09-02T08:00:00Z', itemVersion: 1,
  acceptsPolicy: true, understandsBreach: true, policyHash: HASH, signature: 'Someone', ...extra,
});
const policy: PolicyVersion = {
  itemId: '1', eTag: '"x,1"', version: '2020-04', title: 'AUP', status: 'Current', effectiveDate: '2020-04-01', dueDate: '2024-09-30',
  publishedAt: '2024-09-01T08:00:00Z', hash: HASH,
};

function report(version = '2020-04'): ManagerReport {
  const compliance = computeCompliance(staff, [signed('a'), signed('d', { policyHash: 'b'.repeat(64) })], { version, hash: HASH, publishedAt: policy.publishedAt, effectiveDate: policy.effectiveDate, dueDate: policy.dueDate }, {
    lastReminded: new Map([['b', new Date(Date.now() - 86_400_000).toISOString()]]),
  });
  return {
    ...compliance, policyTitle: 'AUP', policy: { ...policy, version }, state: version === '2020-04' ? 'current' : 'earlier', remindersRecorded: true,
    versions: [{ version: '2020-04', state: 'current', effectiveDate: '2020-04-01' }, { version: '2019-09', state: 'earlier', effectiveDate: '2019-09-01' }],
  };
}

function fakeData(overrides: Partial<ManagerData> = {}): ManagerData & { remind: ReturnType<typeof vi.fn>; load: ReturnType<typeof vi.fn> } {
  const remind = vi.fn(async (rows: readonly ComplianceRow[]) => ({ activity: 0, mail: rows.length, sent: [], failed: [], recorded: rows.length, notRecorded: [] }));
  const load = vi.fn(async (options: { version?: string } = {}, onProgress?: (p: { done: number; total: number; finished: ['staff'] }) => void) => {
    onProgress?.({ done: 1, total: 5, finished: ['staff'] });
    return report(options.version);
  });
  return {
    selfId: 'me',
    selfName: 'Mo Manager',
    isManager: async () => true,
    load,
    sharePointLink: async () => ({ href: 'https://school.sharepoint.com/sites/aup/Lists/AUP%20Acknowledgements', open: null }),
    tabLink: async () => ({ url: 'https://teams.microsoft.com/l/entity/c47a/aup', kind: 'teams' as const, problem: null }),
    announce: vi.fn(),
    remind,
    ...overrides,
  } as unknown as ManagerData & { remind: ReturnType<typeof vi.fn>; load: ReturnType<typeof vi.fn> };
}

const renderScreen = (data: ManagerData) => render(<FluentProvider theme={teamsLightTheme}><ManagerScreen data={data} /></FluentProvider>);

// Fluent's dialogs and tables in jsdom are slow on a busy 2-core machine.
describe('ManagerScreen', { timeout: 30_000 }, () => {
  it('tells a non-manager the view is not for them and never loads the data', async () => {
    const load = vi.fn();
    renderScreen(fakeData({ isManager: async () => false, load }));
    expect(await screen.findByText(/for members of the managers group/)).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('shows the percentage, the not-yet-signed count and a count for each status once loaded', async () => {
    renderScreen(fakeData());
    expect((await screen.findByTestId('outstanding-count')).textContent).toBe('4');
    expect(screen.getByTestId('percent-complete').textContent).toBe('20%');
    expect(screen.getByTestId('count-needs-review').textContent).toBe('1 needs review');
    expect(screen.getByTestId('count-never-signed').textContent).toBe('3 never signed');
    expect(screen.getByRole('heading', { level: 1, name: 'Who has signed' })).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Open in SharePoint' })).getAttribute('href')).toContain('sharepoint.com');
  });

  it('in the demo, opens SharePoint through the hand-off instead of following the link, which stays the list\'s own address', async () => {
    const user = userEvent.setup();
    const open = vi.fn();
    renderScreen(fakeData({ sharePointLink: async () => ({ href: 'http://127.0.0.1:4010/sites/wellsap/Lists/AUPAcknowledgements', open }) }));
    const link = await screen.findByRole('link', { name: 'Open in SharePoint' });
    expect(link.getAttribute('href')).toBe('http://127.0.0.1:4010/sites/wellsap/Lists/AUPAcknowledgements');
    expect(link.getAttribute('target')).toBe('_blank');
    const followed = vi.fn((e: MouseEvent) => e.defaultPrevented);
    document.addEventListener('click', followed);
    await user.click(link);
    document.removeEventListener('click', followed);
    expect(open).toHaveBeenCalledTimes(1);
    expect(followed.mock.results[0]?.value).toBe(true);
  });

  it('shows why a record needs review in the table', async () => {
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    const row = document.querySelector('[data-row-id="d"]') as HTMLElement;
    expect(within(row).getByText('Needs review')).toBeTruthy();
    expect(within(row).getByText('it does not match the text of this version')).toBeTruthy();
  });

  it('filters the table by search, by status, and by a status count', async () => {
    const user = userEvent.setup();
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    const table = screen.getByRole('table', { name: 'Staff and their signatures' });
    expect(within(table).getAllByRole('row')).toHaveLength(6); // header + 5
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'outstanding');
    expect(screen.getByTestId('shown-count').textContent).toBe('Showing 4 of 5 staff');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'cole');
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-row-id'))).toEqual(['c']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.click(screen.getByTestId('count-needs-review'));
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-row-id'))).toEqual(['d']);
  });

  it('sorts when a column header is activated', async () => {
    const user = userEvent.setup();
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    const ids = () => screen.getAllByRole('row').slice(1).map((r) => r.getAttribute('data-row-id'));
    expect(ids()).toEqual(['a', 'b', 'c', 'd', 'me']);
    await user.click(screen.getByRole('button', { name: 'Name' }));
    expect(ids()).toEqual(['me', 'd', 'c', 'b', 'a']);
  });

  it('loads an earlier version for an audit when picked, and offers no reminders for it', async () => {
    const user = userEvent.setup();
    const data = fakeData();
    renderScreen(data);
    await screen.findByTestId('outstanding-count');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Version' }), '2019-09');
    // Loaded behind the figures on screen, so the search and filters stay.
    await waitFor(() => expect(data.load).toHaveBeenLastCalledWith({ version: '2019-09', refresh: false }, undefined));
    await screen.findByRole('heading', { name: 'Signatures for version 2019-09 (September 2019)' });
    expect(screen.queryByRole('button', { name: /^Remind/ })).toBeNull();
  });

  it('names who a reminder goes to, leaving out the manager and anyone reminded in the last 3 days unless included', async () => {
    const user = userEvent.setup();
    const data = fakeData();
    renderScreen(data);
    await screen.findByTestId('outstanding-count');
    await user.click(screen.getByRole('button', { name: 'Remind 3 not yet signed…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remind 1 person?' });
    expect(within(within(dialog).getByTestId('reminder-recipients')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Cat Cole']);
    expect(within(dialog).getByText(/You are not included/)).toBeTruthy();
    expect(within(dialog).getByTestId('reminder-preview').textContent).toBe('Please read and sign the Acceptable Use Policy, version 2020-04 (April 2020), by 30 September 2024.');
    await user.click(within(dialog).getByRole('checkbox', { name: /reminded in the last 3 days as well \(Bob Bell\)/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Send 2 reminders' }));
    await waitFor(() => expect(data.remind).toHaveBeenCalledTimes(1));
    expect((data.remind.mock.calls[0]![0] as { id: string }[]).map((r) => r.id)).toEqual(['b', 'c']);
    expect(await screen.findByText(/Reminded 2: 0 in Teams, 2 by email/)).toBeTruthy();
  });

  it('keeps the reminder dialog reachable and focused after tabster hides what is behind it', async () => {
    const user = userEvent.setup();
    renderScreen(fakeData());
    await screen.findByTestId('outstanding-count');
    await user.click(screen.getByRole('button', { name: 'Remind 3 not yet signed…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remind 1 person?' });
    // Past tabster's 250 ms hidden-update: an inactive modal would now be aria-hidden.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(within(dialog).getByRole('button', { name: 'Send 1 reminder' })).toBeTruthy();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('offers to try again when loading fails', async () => {
    let calls = 0;
    renderScreen(fakeData({ load: async () => { if (calls++ === 0) throw new Error('503 busy'); return null; } }));
    expect(await screen.findByText(/Could not load the figures: 503 busy/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/No policy version is published yet/)).toBeTruthy();
  });
});
