// The paper form, on screen: the two statements to tick, the printed name,
// today's date (not editable) and a signature. Each missing field gets its
// own message beside it, tied to the control by Field's aria-describedby.
import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AckStatements } from '../../policy/index';
import { isBlank, type Signature } from '../signature';
import { SignaturePad } from './SignaturePad';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '42rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  grow: { flex: '1 1 16rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export interface SignedForm {
  readonly acceptsPolicy: true;
  readonly understandsBreach: true;
  readonly printedName: string;
  readonly signature: Signature;
}

export interface SigningFormProps {
  readonly statements: AckStatements;
  readonly defaultName: string;
  /** Today, already formatted dd/mm/yyyy. */
  readonly today: string;
  /** True until the reader has reached the end of the policy. */
  readonly locked: boolean;
  readonly submitting: boolean;
  onSubmit(form: SignedForm): void;
}

type Problem = 'accept' | 'breach' | 'name' | 'signature';

export function SigningForm({ statements, defaultName, today, locked, submitting, onSubmit }: SigningFormProps) {
  const styles = useStyles();
  const [accept, setAccept] = useState(false);
  const [breach, setBreach] = useState(false);
  const [name, setName] = useState(defaultName);
  const [signature, setSignature] = useState<Signature | null>(null);
  const [tried, setTried] = useState(false);

  const problems = new Set<Problem>();
  if (!accept) problems.add('accept');
  if (!breach) problems.add('breach');
  if (name.trim() === '') problems.add('name');
  const signed = signature && !isBlank(signature) ? signature : null;
  if (!signed) problems.add('signature');
  const show = (p: Problem): boolean => tried && problems.has(p);
  const disabled = locked || submitting;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (disabled) return;
    if (problems.size > 0 || !signed) {
      // Take the keyboard and screen reader to the first thing to fix. An invalid
      // group (the signature's radiogroup) takes focus through its chosen radio.
      const form = e.currentTarget as HTMLFormElement;
      setTimeout(() => {
        const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
        const target = first?.matches('input, textarea, select, button') ? first : first?.querySelector<HTMLElement>('input:checked, input, button');
        target?.focus();
      }, 0);
      return;
    }
    onSubmit({ acceptsPolicy: true, understandsBreach: true, printedName: name.trim(), signature: signed });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Sign the policy">
      <Field
        hint="Please tick to confirm you have read this policy"
        validationMessage={show('accept') ? 'Tick to confirm you have read and accept the policy.' : undefined}
        validationState={show('accept') ? 'error' : 'none'}
      >
        <Checkbox label={statements.accept} checked={accept} disabled={disabled} onChange={(_, d) => setAccept(d.checked === true)} />
      </Field>
      <Field
        validationMessage={show('breach') ? 'Tick to confirm you understand what a breach means.' : undefined}
        validationState={show('breach') ? 'error' : 'none'}
      >
        <Checkbox label={statements.breach} checked={breach} disabled={disabled} onChange={(_, d) => setBreach(d.checked === true)} />
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Name (printed)"
          required
          validationMessage={show('name') ? 'Enter your name.' : undefined}
          validationState={show('name') ? 'error' : 'none'}
        >
          <Input value={name} disabled={disabled} autoComplete="name" onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field className={styles.grow} label="Date" hint="Today's date; it cannot be changed.">
          <Input value={today} readOnly disabled={disabled} />
        </Field>
      </div>
      <Field
        label="Signature"
        required
        validationMessage={show('signature') ? 'Draw or type your signature.' : undefined}
        validationState={show('signature') ? 'error' : 'none'}
      >
        {(field) => (
          <SignaturePad
            value={signature}
            onChange={setSignature}
            disabled={disabled}
            describedBy={field['aria-describedby']}
            invalid={show('signature')}
          />
        )}
      </Field>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={disabled}>
          Sign the policy
        </Button>
        {submitting && <Spinner size="tiny" label="Recording your signature…" />}
      </div>
    </form>
  );
}
