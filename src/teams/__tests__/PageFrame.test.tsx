// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Tooltip } from '@fluentui/react-components';
import { PageFrame } from '../PageFrame';

afterEach(cleanup);

describe('PageFrame', () => {
  it('keeps the page layout off portals, so an open tooltip does not cover the page', async () => {
    render(
      <PageFrame theme="light">
        <Tooltip content="More about this" relationship="description" visible>
          <button type="button">Help</button>
        </Tooltip>
      </PageFrame>,
    );
    await screen.findByText('More about this');
    const portal = document.querySelector<HTMLElement>('[data-portal-node]');
    expect(portal).not.toBeNull();
    // The page's full height sits on an element inside the provider...
    const page = screen.getByRole('button', { name: 'Help' }).closest('.fui-FluentProvider > div');
    expect(page && getComputedStyle(page).minHeight).toBe('100vh');
    // ...and none of it reaches the portal's mount node (it would stretch over the page at z-index 1000000).
    expect(getComputedStyle(portal!).minHeight).not.toBe('100vh');
  });

  it('puts the theme on portals too, so they are styled like the page', async () => {
    render(
      <PageFrame theme="dark">
        <Tooltip content="Dark tip" relationship="description" visible><button type="button">Tip</button></Tooltip>
      </PageFrame>,
    );
    await screen.findByText('Dark tip');
    const provider = document.querySelector<HTMLElement>('.fui-FluentProvider[data-theme="dark"]')!;
    const portal = document.querySelector<HTMLElement>('[data-portal-node]')!;
    const themeClass = [...provider.classList].find((c) => c.startsWith('fui-FluentProvider') && c !== 'fui-FluentProvider');
    expect(themeClass).toBeDefined();
    expect(portal.classList.contains(themeClass!)).toBe(true);
  });
});
