// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
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

describe('SigningForm', () => {
  it('marks a missing drawn signature invalid on the signature radiogroup, not on the drawing (role img), which stays described by the message', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await tickBoth(user);
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));

    const message = await screen.findByText('Draw or type your signature.');
    const group = screen.getByRole('radiogroup', { name: 'Signature' });
    const pad = screen.getByTestId('signature-pad');
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(pad.hasAttribute('aria-invalid')).toBe(false);
    expect(pad.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    // The first thing to fix takes focus: the chosen way to sign.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Draw' })));
    expect(onSubmit).not.toHaveBeenCalled();
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
