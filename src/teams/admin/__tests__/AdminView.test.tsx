// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { StoreError } from '../../../graph/errors';
import type { ListDefinition } from '../../../graph/schema';
import type { Role, Session } from '../../shell-types';
import AdminView, { missingLists } from '../AdminView';
import { installJsdomLayout } from '../../../ui/__tests__/jsdom-layout';

beforeAll(() => installJsdomLayout());
afterEach(cleanup);

function fakeSession(roles: Role[], present: string[], failWith?: Error): Session {
  const lists = {
    siteId: 'site',
    async listId(list: ListDefinition) {
      if (failWith) throw failWith;
      if (!present.includes(list.displayName)) throw new StoreError('listNotProvisioned', `no ${list.displayName}`);
      return `id-${list.displayName}`;
    },
  };
  return { roles: new Set(roles), lists } as unknown as Session;
}

describe('missingLists', () => {
  it('names the lists the site lacks', async () => {
    expect(await missingLists(fakeSession(['admin'], ['AUP Policies', 'AUP Settings']))).toEqual(['AUP Acknowledgements', 'AUP Contacts', 'AUP Send Check', 'AUP Reminders']);
  });

  it('is empty on a set-up site', async () => {
    expect(await missingLists(fakeSession(['admin'], ['AUP Policies', 'AUP Acknowledgements', 'AUP Settings', 'AUP Contacts', 'AUP Send Check', 'AUP Reminders']))).toEqual([]);
  });

  it('does not mistake a network failure for a missing list', async () => {
    await expect(missingLists(fakeSession(['admin'], [], new Error('offline')))).rejects.toThrow('offline');
  });
});

describe('AdminView', () => {
  it('tells someone who is not an admin that the view is not for them', () => {
    render(<FluentProvider theme={teamsLightTheme}><AdminView session={fakeSession(['staff', 'manager'], [])} /></FluentProvider>);
    expect(screen.getByText(/for members of the admins group/)).toBeTruthy();
  });

  it('offers first-run setup when the lists are missing', async () => {
    render(<FluentProvider theme={teamsLightTheme}><AdminView session={fakeSession(['admin'], [])} /></FluentProvider>);
    expect(await screen.findByRole('button', { name: 'Set up the lists' })).toBeTruthy();
    expect(screen.getByText(/AUP Policies, AUP Acknowledgements, AUP Settings, AUP Contacts, AUP Send Check/)).toBeTruthy();
  });
});
