// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { installJsdomLayout } from '../../../ui/__tests__/jsdom-layout';
import { SigningForm, type SignedForm } from '../SigningForm';

beforeAll(() => installJsdomLayout());
afterEach(cleanup);

const statements = { accept: 'I have read and accept the policy', breach: 'I understand what a breach means' };

function renderForm(onSubmit: (form: SignedForm) => void = vi.fn()) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <SigningForm statements={statements} defaultName="Ann Able" today="02/09/2024" locked={false} submitting={false} onSubmit={onSubmit} />
    </FluentProvider>,
  );
}

async function tickBoth(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole('checkbox', { name: statements.accept }));
  await user.click(screen.getByRole('checkbox', { name: statements.breach }));
}

/** Every id used more than once in the document (a duplicate id breaks labels and descriptions). */
function duplicateIds(): string[] {
  const seen = new Map<string, number>();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}

/** Ids referred to by aria-labelledby / aria-describedby / label[for] that name no element. */
function danglingReferences(): string[] {
  const refs = [...document.querySelectorAll('[aria-labelledby], [aria-describedby]')].flatMap((el) =>
    ['aria-labelledby', 'aria-describedby'].flatMap((a) => el.getAttribute(a)?.split(/\s+/).filter(Boolean) ?? []));
  const fors = [...document.querySelectorAll('label[for]')].map((l) => l.getAttribute('for') ?? '');
  return [...refs, ...fors].filter((id) => !document.getElementById(id));
}

describe('SigningForm structure', () => {
  for (const withErrors of [false, true]) {
    const when = withErrors ? 'with every message shown' : 'before submitting';
    it(`has unique ids and a named control for each field in draw mode, ${when}`, async () => {
      const user = userEvent.setup();
      renderForm();
      if (withErrors) {
        await user.clear(screen.getByRole('textbox', { name: /Name \(printed\)/ }));
        await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
        await screen.findByText('Draw or type your signature.');
      }
      expect(duplicateIds()).toEqual([]);
      expect(danglingReferences()).toEqual([]);
      expect(screen.getByRole('group', { name: 'Signature' })).toBeTruthy();
      const how = screen.getByRole('radiogroup', { name: 'How to sign' });
      expect(within(how).getByRole('radio', { name: 'Draw' })).toHaveProperty('checked', true);
      expect(within(how).getByRole('radio', { name: 'Type' })).toHaveProperty('checked', false);
      expect(screen.getByRole('img', { name: /^Signature area: draw with a mouse, finger or pen/ })).toBeTruthy();
      expect(screen.queryByRole('textbox', { name: /signature/i })).toBeNull();
      expect(screen.getByRole('checkbox', { name: statements.accept })).toBeTruthy();
      expect(screen.getByRole('checkbox', { name: statements.breach })).toBeTruthy();
      expect(screen.getByRole('textbox', { name: /^Name \(printed\)/ })).toBeTruthy();
      expect(screen.getByRole('textbox', { name: 'Date' })).toHaveProperty('readOnly', true);
    });

    it(`has unique ids and a named control for each field in type mode, ${when}`, async () => {
      const user = userEvent.setup();
      renderForm();
      await user.click(screen.getByRole('radio', { name: 'Type' }));
      if (withErrors) {
        await user.clear(screen.getByRole('textbox', { name: /Name \(printed\)/ }));
        await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
        await screen.findByText('Draw or type your signature.');
      }
      expect(duplicateIds()).toEqual([]);
      expect(danglingReferences()).toEqual([]);
      const how = screen.getByRole('radiogroup', { name: 'How to sign' });
      const typed = screen.getByRole('textbox', { name: 'Type your name as your signature' });
      expect(typed.id).not.toBe(how.id);
      expect(within(how).getByRole('radio', { name: 'Type' })).toHaveProperty('checked', true);
      expect(screen.queryByRole('img')).toBeNull();
      expect(screen.getByRole('textbox', { name: /^Name \(printed\)/ })).toBeTruthy();
    });
  }
});

describe('SigningForm', () => {
  it('describes the drawing by the message when a drawn signature is missing, and takes focus there (not to a radio)', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await tickBoth(user);
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));

    const message = await screen.findByText('Draw or type your signature.');
    const pad = screen.getByRole('img', { name: /^Signature area: draw/ });
    // role="img" supports neither aria-invalid nor aria-required (ARIA 1.2); the way to sign is not what is missing.
    expect(pad.hasAttribute('aria-invalid')).toBe(false);
    expect(pad.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(screen.getByRole('radiogroup', { name: 'How to sign' }).hasAttribute('aria-invalid')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(pad));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('takes focus to the first missing field in form order, the first tick box before the signature', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('checkbox', { name: statements.breach }));
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: statements.accept })));
  });

  it('marks a missing typed signature invalid on its textbox, described by the message', async () => {
    const user = userEvent.setup();
    renderForm();
    await tickBoth(user);
    await user.click(screen.getByRole('radio', { name: 'Type' }));
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    await screen.findByText('Draw or type your signature.');
    const typed = screen.getByRole('textbox', { name: 'Type your name as your signature' });
    expect(typed.getAttribute('aria-invalid')).toBe('true');
    expect(typed.getAttribute('aria-required')).not.toBe('false');
    expect((typed as HTMLInputElement).required).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(typed));
    expect(typed.getAttribute('aria-describedby')?.split(' ')).toContain(screen.getByText('Draw or type your signature.').id);
  });

  it('submits the typed signature with the trimmed printed name once everything is filled in', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await tickBoth(user);
    await user.click(screen.getByRole('radio', { name: 'Type' }));
    await user.type(screen.getByRole('textbox', { name: 'Type your name as your signature' }), 'A. Able');
    await user.type(screen.getByRole('textbox', { name: /Name \(printed\)/ }), '  ');
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    expect(onSubmit).toHaveBeenCalledWith({ acceptsPolicy: true, understandsBreach: true, printedName: 'Ann Able', signature: { kind: 'typed', text: 'A. Able' } });
  });
});
