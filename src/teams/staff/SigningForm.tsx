// The paper form, on screen: the two statements to tick, the printed name,
// today's date (not editable) and a signature. Each missing field gets its
// own message beside it, tied to the control by Field's aria-describedby.
import { useRef, useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { AckStatements } from '../../policy/index';
import { isBlank, type Signature } from '../signature';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

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
/** The order the fields appear in, so focus goes to the first thing to fix. */
const ORDER: readonly Problem[] = ['accept', 'breach', 'name', 'signature'];

export function SigningForm({ statements, defaultName, today, locked, submitting, onSubmit }: SigningFormProps) {
  const styles = useStyles();
  const [accept, setAccept] = useState(false);
  const [breach, setBreach] = useState(false);
  const [name, setName] = useState(defaultName);
  const [signature, setSignature] = useState<Signature | null>(null);
  const [tried, setTried] = useState(false);
  const acceptRef = useRef<HTMLInputElement>(null);
  const breachRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<SignaturePadHandle>(null);
  const focusers: Record<Problem, () => void> = {
    accept: () => acceptRef.current?.focus(),
    breach: () => breachRef.current?.focus(),
    name: () => nameRef.current?.focus(),
    signature: () => padRef.current?.focus(),
  };

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
    const first = ORDER.find((p) => problems.has(p));
    if (first || !signed) {
      // Take the keyboard and screen reader to the first thing to fix, after the
      // render that marks it invalid, so it is announced with its message.
      if (first) setTimeout(focusers[first], 0);
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
        <Checkbox ref={acceptRef} label={statements.accept} checked={accept} disabled={disabled} onChange={(_, d) => setAccept(d.checked === true)} />
      </Field>
      <Field
        validationMessage={show('breach') ? 'Tick to confirm you understand what a breach means.' : undefined}
        validationState={show('breach') ? 'error' : 'none'}
      >
        <Checkbox ref={breachRef} label={statements.breach} checked={breach} disabled={disabled} onChange={(_, d) => setBreach(d.checked === true)} />
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Name (printed)"
          required
          validationMessage={show('name') ? 'Enter your name.' : undefined}
          validationState={show('name') ? 'error' : 'none'}
        >
          <Input ref={nameRef} value={name} disabled={disabled} autoComplete="name" onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field className={styles.grow} label="Date" hint="Today's date; it cannot be changed.">
          <Input value={today} readOnly disabled={disabled} />
        </Field>
      </div>
      <SignaturePad
        ref={padRef}
        value={signature}
        onChange={setSignature}
        disabled={disabled}
        error={show('signature') ? 'Draw or type your signature.' : undefined}
      />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={disabled}>
          Sign the policy
        </Button>
        {submitting && <Spinner size="tiny" label="Recording your signature…" />}
      </div>
    </form>
  );
}
