// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { installJsdomLayout } from '../../../ui/__tests__/jsdom-layout';
import { ReviewDialog, SigningForm, type SignedForm, type SigningFormProps } from '../SigningForm';

beforeAll(() => installJsdomLayout());
afterEach(cleanup);

const statements = { accept: 'I have read and accept the policy', breach: 'I understand what a breach means' };

function renderForm(onSubmit: (form: SignedForm) => void = vi.fn(), extra: Partial<SigningFormProps> = {}) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <SigningForm statements={statements} defaultName="Ann Able" today="02/09/2024" locked={false} submitting={false} onSubmit={onSubmit} {...extra} />
    </FluentProvider>,
  );
}

/** Strokes on the pad through pointer events, in the pad's own units (jsdom lays the pad out 400 × 150). */
function draw(points: readonly (readonly [number, number])[]): void {
  const pad = screen.getByTestId('signature-pad');
  Object.assign(pad, { setPointerCapture: () => undefined });
  const at = (type: string, [x, y]: readonly [number, number]) =>
    pad.dispatchEvent(Object.assign(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }), { pointerId: 1 }));
  const [first, ...rest] = points;
  at('pointerdown', first!);
  for (const p of rest) at('pointermove', p);
  at('pointerup', rest[rest.length - 1] ?? first!);
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

describe('SigningForm structure', { timeout: 20_000 }, () => {
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

// Each test renders the whole Fluent form in jsdom; on a busy 2-core machine that alone can take seconds.
describe('SigningForm', { timeout: 20_000 }, () => {
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
    await user.click(screen.getByRole('textbox', { name: 'Type your name as your signature' }));
    await user.paste('ann  ABLE');
    await user.type(screen.getByRole('textbox', { name: /Name \(printed\)/ }), '  ');
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    expect(onSubmit).toHaveBeenCalledWith({ acceptsPolicy: true, understandsBreach: true, printedName: 'Ann Able', signature: { kind: 'typed', text: 'ann  ABLE' } });
  });

  it('refuses a typed "x": a typed signature must be the printed name', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await tickBoth(user);
    await user.click(screen.getByRole('radio', { name: 'Type' }));
    await user.type(screen.getByRole('textbox', { name: 'Type your name as your signature' }), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    expect(await screen.findByText('A typed signature must be your name as printed above ("Ann Able").')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a dot and a short line in the pad, saying why, and accepts a signature', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderForm(onSubmit);
    await tickBoth(user);
    draw([[200, 75]]);
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    expect(await screen.findByText(/^That is a dot, not a signature\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear signature' }));
    draw([[100, 75], [130, 78]]);
    expect(await screen.findByText(/^That is too short to be a signature\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear signature' }));
    draw([[60, 90], [110, 50], [160, 100], [210, 55], [260, 95], [310, 60]]);
    await waitFor(() => expect(screen.queryByText(/not a signature|too short/)).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Sign the policy' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect((onSubmit.mock.calls[0]![0] as SignedForm).signature.kind).toBe('drawn');
  });

  it('starts from an unsent form and reports every change to keep it', async () => {
    const user = userEvent.setup();
    const onDraftChange = vi.fn();
    renderForm(vi.fn(), { draft: { accept: true, breach: false, name: 'Ann B. Able', typed: 'Ann B. Able' }, onDraftChange });
    expect(screen.getByRole('checkbox', { name: statements.accept })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: /Name \(printed\)/ })).toHaveProperty('value', 'Ann B. Able');
    expect(screen.getByRole('textbox', { name: 'Type your name as your signature' })).toHaveProperty('value', 'Ann B. Able');
    await user.click(screen.getByRole('checkbox', { name: statements.breach }));
    expect(onDraftChange).toHaveBeenLastCalledWith({ accept: true, breach: true, name: 'Ann B. Able', typed: 'Ann B. Able' });
  });
});

describe('ReviewDialog', { timeout: 20_000 }, () => {
  const form: SignedForm = { acceptsPolicy: true, understandsBreach: true, printedName: 'Ann Able', signature: { kind: 'typed', text: 'Ann Able' } };
  const renderReview = (props: { onBack?: () => void; onConfirm?: (f: SignedForm) => void } = {}) => render(
    <FluentProvider theme={teamsLightTheme}>
      <ReviewDialog form={form} version="2026-12" title="Acceptable Use Policy" date="4 December 2026" onBack={props.onBack ?? vi.fn()} onConfirm={props.onConfirm ?? vi.fn()} />
    </FluentProvider>,
  );

  it('names the version, the signer and the date, and signs only when confirmed', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    renderReview({ onConfirm });
    expect(screen.getByTestId('review-summary').textContent)
      .toBe('You are signing version 2026-12 (December 2026) of the Acceptable Use Policy, as Ann Able, on 4 December 2026.');
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Sign and submit' }));
    expect(onConfirm).toHaveBeenCalledWith(form);
  });

  it('goes back without signing', async () => {
    const user = userEvent.setup();
    const onBack = vi.fn();
    const onConfirm = vi.fn();
    renderReview({ onBack, onConfirm });
    await user.click(screen.getByRole('button', { name: 'Go back' }));
    expect(onBack).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
