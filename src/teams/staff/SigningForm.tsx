// The paper form, on screen: the two statements to tick, the printed name,
// today's date (not editable) and a signature. Each problem gets its own
// message beside its field, tied to the control by Field's aria-describedby.
// A signature must be one (src/teams/signature.ts). Before the record is
// made, which cannot be undone, ReviewDialog shows the signer what they are
// signing, as whom and on what date, to confirm (issue 14). The dialog lives
// beside the form, not in it: the form goes once the signature is recorded,
// and a modal unmounted while closing left the page aria-hidden.
import { useRef, useState, type FormEvent } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Spinner, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import type { AckStatements } from '../../policy/index';
import { describeVersion } from '../../policy/index';
import { signatureProblem, type Signature } from '../signature';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '42rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  grow: { flex: '1 1 16rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  review: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface SignedForm {
  readonly acceptsPolicy: true;
  readonly understandsBreach: true;
  readonly printedName: string;
  readonly signature: Signature;
}

/** What an unsent form keeps across a reload: the ticks, the name and a typed signature (a drawing is not kept). */
export interface FormDraft {
  readonly accept: boolean;
  readonly breach: boolean;
  readonly name: string;
  readonly typed: string | null;
}

export interface SigningFormProps {
  readonly statements: AckStatements;
  readonly defaultName: string;
  /** Today, already formatted dd/mm/yyyy, as the paper form's Date. */
  readonly today: string;
  /** True until the reader has reached the end of the policy. */
  readonly locked: boolean;
  readonly submitting: boolean;
  /** A form left unsent before a reload. */
  readonly draft?: FormDraft | null;
  onDraftChange?(draft: FormDraft): void;
  onSubmit(form: SignedForm): void;
}

type Problem = 'accept' | 'breach' | 'name' | 'signature';
/** The order the fields appear in, so focus goes to the first thing to fix. */
const ORDER: readonly Problem[] = ['accept', 'breach', 'name', 'signature'];

export function SigningForm({ statements, defaultName, today, locked, submitting, draft, onDraftChange, onSubmit }: SigningFormProps) {
  const styles = useStyles();
  const [accept, setAccept] = useState(draft?.accept ?? false);
  const [breach, setBreach] = useState(draft?.breach ?? false);
  const [name, setName] = useState(draft?.name ?? defaultName);
  const [signature, setSignature] = useState<Signature | null>(draft?.typed ? { kind: 'typed', text: draft.typed } : null);
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

  const save = (next: Partial<FormDraft>): void => {
    const typed = signature?.kind === 'typed' ? signature.text : null;
    onDraftChange?.({ accept, breach, name, typed, ...next });
  };

  const sigProblem = signatureProblem(signature, name);
  const problems = new Set<Problem>();
  if (!accept) problems.add('accept');
  if (!breach) problems.add('breach');
  if (name.trim() === '') problems.add('name');
  if (sigProblem) problems.add('signature');
  const show = (p: Problem): boolean => tried && problems.has(p);
  const disabled = locked || submitting;

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setTried(true);
    if (disabled) return;
    const first = ORDER.find((p) => problems.has(p));
    if (first || !signature) {
      // Take the keyboard and screen reader to the first thing to fix, after the
      // render that marks it invalid, so it is announced with its message.
      if (first) setTimeout(focusers[first], 0);
      return;
    }
    onSubmit({ acceptsPolicy: true, understandsBreach: true, printedName: name.trim(), signature });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Sign the policy">
      <Field
        hint="Please tick to confirm you have read this policy"
        validationMessage={show('accept') ? 'Tick to confirm you have read and accept the policy.' : undefined}
        validationState={show('accept') ? 'error' : 'none'}
      >
        <Checkbox ref={acceptRef} label={statements.accept} checked={accept} disabled={disabled} onChange={(_, d) => { setAccept(d.checked === true); save({ accept: d.checked === true }); }} />
      </Field>
      <Field
        validationMessage={show('breach') ? 'Tick to confirm you understand what a breach means.' : undefined}
        validationState={show('breach') ? 'error' : 'none'}
      >
        <Checkbox ref={breachRef} label={statements.breach} checked={breach} disabled={disabled} onChange={(_, d) => { setBreach(d.checked === true); save({ breach: d.checked === true }); }} />
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label="Name (printed)"
          required
          validationMessage={show('name') ? 'Enter your name.' : undefined}
          validationState={show('name') ? 'error' : 'none'}
        >
          <Input ref={nameRef} value={name} disabled={disabled} autoComplete="name" onChange={(_, d) => { setName(d.value); save({ name: d.value }); }} />
        </Field>
        <Field className={styles.grow} label="Date" hint="Today's date; it cannot be changed.">
          <Input value={today} readOnly disabled={disabled} />
        </Field>
      </div>
      <SignaturePad
        ref={padRef}
        value={signature}
        onChange={(s) => { setSignature(s); save({ typed: s?.kind === 'typed' ? s.text : null }); }}
        disabled={disabled}
        error={show('signature') && sigProblem ? sigProblem : undefined}
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

export interface ReviewDialogProps {
  /** The completed form to confirm; null when there is nothing to review. */
  readonly form: SignedForm | null;
  /** The version and its title, and today in words. */
  readonly version: string;
  readonly title: string;
  readonly date: string;
  onBack(): void;
  onConfirm(form: SignedForm): void;
}

/** The last step before the irreversible record: what, as whom, on what date. */
export function ReviewDialog({ form, version, title, date, onBack, onConfirm }: ReviewDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={form !== null} onOpenChange={(_, d) => { if (!d.open) onBack(); }}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Check before you sign</DialogTitle>
          <DialogContent className={styles.review}>
            <Text as="p" data-testid="review-summary">
              You are signing version {describeVersion(version)} of the {title}, as {form?.printedName}, on {date}.
            </Text>
            <Text as="p">Once signed, your signature is recorded in the school's SharePoint and cannot be changed.</Text>
          </DialogContent>
          <DialogActions>
            <Button onClick={onBack}>Go back</Button>
            <Button appearance="primary" onClick={() => { if (form) onConfirm(form); }}>Sign and submit</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
