// The staff journey: read the current policy, sign it, keep the receipt. If the
// last thing they signed is an older version, show what changed first. A form
// that could not be recorded yet waits in session storage and is retried.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Acknowledgement } from '../../graph/acknowledgements';
import type { PolicyVersion } from '../../graph/policies';
import { ackStatements, policyHash, versionName } from '../../policy/index';
import { formatUkDate, formatUkDateTime } from '../../ui/format';
import { encodeSignature } from '../signature';
import { loadPending, submitSignature, type PendingSignature } from '../outbox';
import type { ViewProps } from '../shell-types';
import { PolicyReader, preloadPolicyRenderer } from './PolicyReader';
import type { SignedForm } from './SigningForm';

// Only staff re-signing after a new version need the diff view (and the diff library).
const WhatChanged = lazy(() => import('./WhatChanged').then((m) => ({ default: m.WhatChanged })));
// The form and the receipt only show once the policy and the signer's records
// have arrived, so their code (and the Fluent controls only they use) leaves the
// first load; load() starts fetching it beside those requests, so nothing waits.
const loadForm = () => import('./SigningForm');
const loadReceipt = () => import('./Receipt');
const SigningForm = lazy(() => loadForm().then((m) => ({ default: m.SigningForm })));
const Receipt = lazy(() => loadReceipt().then((m) => ({ default: m.Receipt })));
const History = lazy(() => loadReceipt().then((m) => ({ default: m.History })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Loaded {
  readonly policy: PolicyVersion | null;
  readonly mine: readonly Acknowledgement[];
  /** The older version they last signed, with its text, when the current one is unsigned. */
  readonly previous: PolicyVersion | null;
}

type LoadState = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'ready'; readonly data: Loaded };

export default function StaffView({ session }: ViewProps) {
  const styles = useStyles();
  const { user, policies, acknowledgements } = session;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [pending, setPending] = useState<PendingSignature | null>(() => loadPending(sessionStorage, user.id));
  const [reachedEnd, setReachedEnd] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [rereading, setRereading] = useState(false);
  const sending = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    void preloadPolicyRenderer().catch(() => undefined); // in parallel with the policy; PolicyReader reports a failure
    // A failure here shows again, and is reported, when the lazy components render.
    void loadForm().catch(() => undefined);
    void loadReceipt().catch(() => undefined);
    try {
      const [policy, mine] = await Promise.all([policies.current(), acknowledgements.listMine(user.id)]);
      let previous: PolicyVersion | null = null;
      if (policy && !mine.some((a) => a.policyVersion === policy.version) && mine.length > 0) {
        const last = [...mine].sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0]!;
        previous = await policies.get(last.policyVersion);
      }
      setState({ kind: 'ready', data: { policy, mine, previous } });
    } catch (error) {
      console.error(error);
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [policies, acknowledgements, user.id]);

  const send = useCallback(async (input: PendingSignature['input']): Promise<void> => {
    if (sending.current) return; // one attempt at a time: the same id twice in flight gains nothing
    sending.current = true;
    setSubmitting(true);
    try {
      const outcome = await submitSignature(acknowledgements, input, { storage: sessionStorage, now: () => new Date(), online: () => navigator.onLine });
      setPending(outcome.status === 'pending' ? outcome.pending : null);
      if (outcome.status === 'recorded') await load();
    } finally {
      sending.current = false;
      setSubmitting(false);
    }
  }, [acknowledgements, load]);

  useEffect(() => {
    void load();
    const waiting = loadPending(sessionStorage, user.id);
    if (waiting) void send(waiting.input);
  }, [load, send, user.id]);

  useEffect(() => {
    const retry = (): void => {
      const waiting = loadPending(sessionStorage, user.id);
      if (waiting) void send(waiting.input);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [send, user.id]);

  const data = state.kind === 'ready' ? state.data : null;
  const policy = data?.policy ?? null;
  const statements = useMemo(() => (policy ? ackStatements({ title: policy.title, versionLabel: policy.version }) : null), [policy]);
  const signedCurrent = policy && data ? [...data.mine].filter((a) => a.policyVersion === policy.version).sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0] : undefined;

  const onSign = (form: SignedForm): void => {
    if (!policy || policy.text === undefined) return;
    void send({
      policyVersion: policy.version,
      // The fingerprint of the text on screen, which is what was read.
      policyHash: policyHash(policy.text),
      signerId: user.id,
      signerUpn: user.upn,
      printedName: form.printedName,
      acceptsPolicy: form.acceptsPolicy,
      understandsBreach: form.understandsBreach,
      signature: encodeSignature(form.signature),
      clientSignedAt: new Date().toISOString(),
      submissionId: crypto.randomUUID(),
    });
  };

  if (state.kind === 'loading') return <Spinner label="Loading the policy…" />;
  if (state.kind === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody><MessageBarTitle>The policy could not be loaded.</MessageBarTitle> {state.message}</MessageBarBody>
        <MessageBarActions><Button onClick={() => { setState({ kind: 'loading' }); void load(); }}>Try again</Button></MessageBarActions>
      </MessageBar>
    );
  }
  const { mine, previous } = state.data;

  return (
    <div className={styles.root}>
      {pending && (
        <MessageBar intent="warning" politeness="assertive" data-testid="pending">
          <MessageBarBody>
            <MessageBarTitle>Not yet recorded</MessageBarTitle>
            Your signature for the {versionName(pending.input.policyVersion)} version, completed {formatUkDateTime(pending.savedAt)}, has not reached the school's records yet. {pending.lastError ?? ''} It is kept on this device and will be sent again automatically.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={submitting} onClick={() => void send(pending.input)}>{submitting ? 'Sending…' : 'Send now'}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!policy ? (
        <MessageBar intent="info"><MessageBarBody>No policy has been published yet. Your administrator will let you know when there is one to sign.</MessageBarBody></MessageBar>
      ) : signedCurrent ? (
        <>
          <Suspense fallback={<Spinner label="Loading your receipt…" />}>
            <Receipt ack={signedCurrent} title={policy.title} />
          </Suspense>
          {rereading ? (
            policy.text !== undefined && <PolicyReader markdown={policy.text} onReachedEnd={() => undefined} />
          ) : (
            <div><Button onClick={() => setRereading(true)}>Read the policy again</Button></div>
          )}
        </>
      ) : pending ? null : (
        <>
          {previous && previous.text !== undefined && policy.text !== undefined && (
            <Suspense fallback={<Spinner label="Comparing versions…" />}>
              <WhatChanged previousVersion={previous.version} previousText={previous.text} currentVersion={policy.version} currentText={policy.text} />
            </Suspense>
          )}
          {policy.text !== undefined && <PolicyReader markdown={policy.text} onReachedEnd={() => setReachedEnd(true)} />}
          <section className={styles.section} aria-labelledby="sign-heading">
            <Text as="h2" id="sign-heading" size={500} weight="semibold">Sign the policy</Text>
            {!reachedEnd && (
              <MessageBar intent="info"><MessageBarBody>Read to the end of the policy to open the form.</MessageBarBody></MessageBar>
            )}
            {statements && (
              <Suspense fallback={<Spinner label="Loading the form…" />}>
                <SigningForm
                  statements={statements}
                  defaultName={user.displayName}
                  today={formatUkDate(new Date())}
                  locked={!reachedEnd}
                  submitting={submitting}
                  onSubmit={onSign}
                />
              </Suspense>
            )}
          </section>
        </>
      )}
      {mine.length > 0 && (
        <Suspense fallback={null}>
          <History acks={mine} />
        </Suspense>
      )}
    </div>
  );
}
