// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import type { Session } from '../../shell-types';
import { CANNOT_READ_ALL, ReviewerAccessGate, reviewerCheck, type ReviewerCheck } from '../ReviewerAccess';
import { installJsdomLayout } from '../../../ui/__tests__/jsdom-layout';

beforeAll(() => installJsdomLayout());
afterEach(cleanup);

const gate = (check: ReviewerCheck | undefined) =>
  render(<FluentProvider theme={teamsLightTheme}><ReviewerAccessGate check={check}><p>the report</p></ReviewerAccessGate></FluentProvider>);

describe('ReviewerAccessGate', () => {
  it("says plainly that the manager can't read everyone's signatures and names the fix, instead of showing the report", async () => {
    gate(async () => ({ canReadAll: false }));
    expect(await screen.findByText(CANNOT_READ_ALL)).toBeTruthy();
    expect(CANNOT_READ_ALL).toContain('AUP Reviewer permission on AUP Acknowledgements');
    expect(screen.queryByText('the report')).toBeNull();
  });

  it('shows the report once SharePoint says every signature can be read', async () => {
    gate(async () => ({ canReadAll: true }));
    expect(await screen.findByText('the report')).toBeTruthy();
    expect(screen.queryByText(CANNOT_READ_ALL)).toBeNull();
  });

  it('waits for the answer before showing anything', () => {
    gate(() => new Promise(() => undefined));
    expect(screen.getByText('Checking you can read every signature…')).toBeTruthy();
    expect(screen.queryByText('the report')).toBeNull();
  });

  it('shows the report, with a note, when the check itself fails', async () => {
    gate(async () => { throw new Error('SharePoint is not reachable'); });
    expect(await screen.findByText('the report')).toBeTruthy();
    expect(screen.getByText(/Could not check that your account can read every signature \(SharePoint is not reachable\)/)).toBeTruthy();
  });

  it('passes straight through with no check', () => {
    gate(undefined);
    expect(screen.getByText('the report')).toBeTruthy();
  });
});

describe('reviewerCheck', () => {
  it('checks managers only: for anyone else the view says it is not for them', () => {
    const session = (roles: string[]) => ({ roles: new Set(roles), lists: {}, getToken: vi.fn() }) as unknown as Session;
    expect(reviewerCheck(session(['staff']))).toBeUndefined();
    expect(reviewerCheck(session(['staff', 'manager']))).toBeTypeOf('function');
  });
});
