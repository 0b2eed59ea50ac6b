// The staff journey: a status line saying what to do and by when, then read
// the version to sign, sign it, keep the receipt. If the last thing they
// signed is an older version, show what changed first. A version coming into
// force later can be signed early. A form that could not be recorded yet
// waits in session storage and is retried; one not yet sent survives a reload.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Acknowledgement } from '../../graph/acknowledgements';
import { DirectoryRepository } from '../../graph/directory';
import { MailRepository } from '../../graph/notifications';
import { ukToday, type PolicyVersion } from '../../graph/policies';
import { ackStatements, describeVersion, dueDateFor, policyHash, REVIEW_REASON_TEXT, type ReviewReason } from '../../policy/index';
import { formatCalendarDate, formatUkDate, formatUkDateTime, formatUkLongDate } from '../../ui/format';
import { encodeSignature, reviewSignature } from '../signature';
import { clearForm, loadForm as loadSavedForm, loadPending, saveForm, submitSignature, type PendingSignature, type SavedForm } from '../outbox';
import type { ViewProps } from '../shell-types';
import { PolicyReader, preloadPolicyRenderer } from './PolicyReader';
import type { SignedForm } from './SigningForm';
import { receiptMail } from './receipt-text';

// Only staff re-signing after a new version need the diff view (and the diff library).
const WhatChanged = lazy(() => import('./WhatChanged').then((m) => ({ default: m.WhatChanged })));
// The form and the receipt only show once the policy and the signer's records
// have arrived, so their code (and the Fluent controls only they use) leaves the
// first load; load() starts fetching it beside those requests, so nothing waits.
const loadFormCode = () => import('./SigningForm');
const loadReceiptCode = () => import('./Receipt');
const SigningForm = lazy(() => loadFormCode().then((m) => ({ default: m.SigningForm })));
const ReviewDialog = lazy(() => loadFormCode().then((m) => ({ default: m.ReviewDialog })));
const Receipt = lazy(() => loadReceiptCode().then((m) => ({ default: m.Receipt })));
const History = lazy(() => loadReceiptCode().then((m) => ({ default: m.History })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Loaded {
  readonly current: PolicyVersion | null;
  readonly upcoming: PolicyVersion | null;
  readonly mine: readonly Acknowledgement[];
  /** Entra's employeeHireDate: a new joiner's own due date. */
  readonly hireDate: string | null;
}

type LoadState = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'ready'; readonly data: Loaded };

const newest = (acks: readonly Acknowledgement[]): Acknowledgement | undefined => [...acks].sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0];

/**
 * The signer's own record of a version, read as the manager's report reads it:
 * the newest that counts as signed, else the newest that does not, with why.
 */
function mineFor(acks: readonly Acknowledgement[], version: PolicyVersion | null | undefined): { signed?: Acknowledgement; unreliable?: { at: string; reasons: ReviewReason[] } } {
  if (!version) return {};
  // The hash of the text itself, as the manager's report computes it; the stored one only when the text was not read.
  const facts = { hash: version.text !== undefined ? policyHash(version.text) : version.hash, publishedAt: version.publishedAt };
  const ofVersion = acks.filter((a) => a.policyVersion === version.version);
  const signed = newest(ofVersion.filter((a) => reviewSignature(a, facts).length === 0));
  if (signed) return { signed };
  const other = newest(ofVersion);
  return other ? { unreliable: { at: other.signedAt, reasons: reviewSignature(other, facts) } } : {};
}

/** The clock the view reads; a test (or a moved browser clock) decides what "today" is. */
const now = (): Date => new Date();

export default function StaffView({ session }: ViewProps) {
  const styles = useStyles();
  const { user, policies, acknowledgements } = session;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [pending, setPending] = useState<PendingSignature | null>(() => loadPending(sessionStorage, user.id));
  const [reachedEnd, setReachedEnd] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [rereading, setRereading] = useState(false);
  /** The signer chose to sign the upcoming version early. */
  const [early, setEarly] = useState(false);
  /** A completed form waiting for the signer to confirm what they are signing. */
  const [reviewing, setReviewing] = useState<SignedForm | null>(null);
  // The version under review stays after the dialog closes: the dialog stays mounted so it can close
  // normally (a modal unmounted while open leaves the page aria-hidden).
  const [reviewed, setReviewed] = useState<PolicyVersion | null>(null);
  const sending = useRef(false);

  const load = useCallback(async (): Promise<void> => {
    void preloadPolicyRenderer().catch(() => undefined); // in parallel with the policy; PolicyReader reports a failure
    // A failure here shows again, and is reported, when the lazy components render.
    void loadFormCode().catch(() => undefined);
    void loadReceiptCode().catch(() => undefined);
    try {
      const [campaign, mine, me] = await Promise.all([
        policies.campaign(ukToday(now()), 'both'),
        acknowledgements.listMine(user.id),
        // Only for a new joiner's due date: without it they are given the version's.
        new DirectoryRepository(session.graph).me().catch(() => null),
      ]);
      setState({ kind: 'ready', data: { current: campaign.current, upcoming: campaign.upcoming, mine, hireDate: me?.hireDate ?? null } });
    } catch (error) {
      console.error(error);
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [policies, acknowledgements, user.id, session.graph]);

  const send = useCallback(async (input: PendingSignature['input']): Promise<void> => {
    if (sending.current) return; // one attempt at a time: the same id twice in flight gains nothing
    sending.current = true;
    setSubmitting(true);
    try {
      const outcome = await submitSignature(acknowledgements, input, { storage: sessionStorage, now, online: () => navigator.onLine });
      setPending(outcome.status === 'pending' ? outcome.pending : null);
      if (outcome.status === 'recorded') {
        clearForm(sessionStorage, user.id, input.policyVersion);
        setReachedEnd(false);
        setEarly(false);
        await load();
      }
    } finally {
      sending.current = false;
      setSubmitting(false);
    }
  }, [acknowledgements, load, user.id]);

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
  // Hashing the text once per load, not on every render.
  const ofCurrent = useMemo(() => mineFor(data?.mine ?? [], data?.current), [data]);
  const ofUpcoming = useMemo(() => mineFor(data?.mine ?? [], data?.upcoming), [data]);
  const signedCurrent = ofCurrent.signed;
  const signedUpcoming = ofUpcoming.signed;
  // The version the form is for: the one in force until signed; the coming one when they choose to sign it early, or when it is the only one.
  const target: PolicyVersion | null = !data ? null
    : data.current && !signedCurrent && !early ? data.current
      : data.upcoming && !signedUpcoming && (early || !data.current) ? data.upcoming
        : null;
  const statements = useMemo(() => (target ? ackStatements({ title: target.title, versionLabel: target.version }) : null), [target]);
  const saved = useMemo(() => (target ? loadSavedForm(sessionStorage, user.id, target.version) : null), [target, user.id]);
  const readToEnd = reachedEnd || saved?.readToEnd === true;

  const remember = (form: Omit<SavedForm, 'readToEnd'>): void => {
    if (target) saveForm(sessionStorage, user.id, target.version, { ...form, readToEnd });
  };
  const onReachedEnd = (): void => {
    setReachedEnd(true);
    if (!target) return;
    const kept = loadSavedForm(sessionStorage, user.id, target.version) ?? { accept: false, breach: false, name: user.displayName, typed: null };
    saveForm(sessionStorage, user.id, target.version, { ...kept, readToEnd: true });
  };

  const onSign = (form: SignedForm, version: PolicyVersion): void => {
    if (version.text === undefined) return;
    void send({
      policyVersion: version.version,
      // The fingerprint of the text on screen, which is what was read.
      policyHash: policyHash(version.text),
      signerId: user.id,
      signerUpn: user.upn,
      printedName: form.printedName,
      acceptsPolicy: form.acceptsPolicy,
      understandsBreach: form.understandsBreach,
      signature: encodeSignature(form.signature),
      clientSignedAt: now().toISOString(),
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
  const { current, upcoming, mine, hireDate } = state.data;
  // What they last signed before the version they are about to sign, to show what changed.
  const previousSigned = target ? [...mine].filter((a) => a.policyVersion !== target.version).sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0] : undefined;
  const receiptFor = signedCurrent && !target ? { ack: signedCurrent, policy: current! } : signedUpcoming && !target ? { ack: signedUpcoming, policy: upcoming! } : null;
  const mailbox = user.mail ?? user.upn;

  return (
    <div className={styles.root}>
      <StatusLine current={current} upcoming={upcoming} signedCurrent={signedCurrent} signedUpcoming={signedUpcoming} hireDate={hireDate}
        unreliable={ofCurrent.unreliable}
        signingEarly={target !== null && target === upcoming && current !== null && !signedCurrent}
        onSignEarly={upcoming && !signedUpcoming && target !== upcoming ? () => { setEarly(true); setReachedEnd(false); } : null} />
      {pending && (
        <MessageBar intent="warning" politeness="assertive" data-testid="pending">
          <MessageBarBody>
            <MessageBarTitle>Not yet recorded</MessageBarTitle>
            Your signature for version {describeVersion(pending.input.policyVersion)}, completed {formatUkDateTime(pending.savedAt)}, has not reached the school's records yet. {pending.lastError ?? ''} It is kept on this device and will be sent again automatically.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={submitting} onClick={() => void send(pending.input)}>{submitting ? 'Sending…' : 'Send now'}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {target && !pending ? (
        <>
          {previousSigned && target.text !== undefined && (
            <PreviousDiff previousVersion={previousSigned.policyVersion} target={target} policies={policies} today={ukToday(now())} />
          )}
          {target.text !== undefined && <PolicyReader key={target.version} markdown={target.text} onReachedEnd={onReachedEnd} />}
          <section className={styles.section} aria-labelledby="sign-heading">
            <Text as="h2" id="sign-heading" size={500} weight="semibold">Sign version {describeVersion(target.version)}</Text>
            {!readToEnd && (
              <MessageBar intent="info"><MessageBarBody>Read to the end of the policy to open the form.</MessageBarBody></MessageBar>
            )}
            {statements && (
              <Suspense fallback={<Spinner label="Loading the form…" />}>
                <SigningForm
                  key={target.version}
                  statements={statements}
                  defaultName={user.displayName}
                  today={formatUkDate(now())}
                  locked={!readToEnd}
                  submitting={submitting}
                  draft={saved}
                  onDraftChange={remember}
                  onSubmit={(form) => { setReviewed(target); setReviewing(form); }}
                />
              </Suspense>
            )}
          </section>
        </>
      ) : null}
      {receiptFor && (
        <>
          <Suspense fallback={<Spinner label="Loading your receipt…" />}>
            <Receipt ack={receiptFor.ack} title={receiptFor.policy.title} mailbox={mailbox}
              onEmailCopy={() => new MailRepository(session.graph).sendMail(receiptMail(receiptFor.ack, receiptFor.policy.title, mailbox))} />
          </Suspense>
          {rereading ? (
            receiptFor.policy.text !== undefined && <PolicyReader markdown={receiptFor.policy.text} onReachedEnd={() => undefined} />
          ) : (
            <div><Button onClick={() => setRereading(true)}>Read the policy again</Button></div>
          )}
        </>
      )}
      {mine.length > 0 && (
        <Suspense fallback={null}>
          <History acks={mine} />
        </Suspense>
      )}
      {reviewed ? (
        <Suspense fallback={null}>
          <ReviewDialog form={reviewing} version={reviewed.version} title={reviewed.title} date={formatUkLongDate(now())}
            onBack={() => setReviewing(null)}
            onConfirm={(form) => { setReviewing(null); onSign(form, reviewed); }} />
        </Suspense>
      ) : null}
    </div>
  );
}

/** The top of the page: what, if anything, the signer must do, and by when (issue 14). */
function StatusLine({ current, upcoming, signedCurrent, signedUpcoming, unreliable, hireDate, signingEarly, onSignEarly }: {
  current: PolicyVersion | null; upcoming: PolicyVersion | null; signedCurrent: Acknowledgement | undefined; signedUpcoming: Acknowledgement | undefined;
  /** A record of the current version that does not count as signed, and why (the manager sees it as needs review). */
  unreliable: { at: string; reasons: readonly ReviewReason[] } | undefined;
  hireDate: string | null; signingEarly: boolean; onSignEarly: (() => void) | null;
}) {
  const coming = upcoming && upcoming.effectiveDate
    ? signedUpcoming
      ? ` You have also signed version ${describeVersion(upcoming.version)}, which comes into force on ${formatCalendarDate(upcoming.effectiveDate)}.`
      : ` A new version comes into force on ${formatCalendarDate(upcoming.effectiveDate)}: you can sign it now.`
    : '';
  let intent: 'warning' | 'success' | 'info';
  let title: string;
  let text = '';
  if (current && !signedCurrent) {
    const { due } = dueDateFor(current, hireDate);
    const overdue = due !== null && due < ukToday(now());
    intent = 'warning';
    title = `Action required: sign version ${describeVersion(current.version)}${due && !overdue ? ` by ${formatCalendarDate(due)}` : ''}`;
    text = overdue && due ? `It was due by ${formatCalendarDate(due)}.` : '';
    // Say why the signature they remember giving does not count, so signing again makes sense.
    if (unreliable) text = `Your signature of ${formatUkLongDate(unreliable.at)} can't be relied on: ${unreliable.reasons.map((r) => REVIEW_REASON_TEXT[r]).join('; ')}. Please sign again. ${text}`.trim();
    if (upcoming?.effectiveDate && !signedUpcoming) text = `${text} A new version comes into force on ${formatCalendarDate(upcoming.effectiveDate)}: you can sign it too.`.trim();
  } else if (current && signedCurrent) {
    intent = upcoming && !signedUpcoming ? 'info' : 'success';
    title = `Signed on ${formatUkLongDate(signedCurrent.signedAt)}, nothing to do${upcoming && !signedUpcoming ? ' now' : ''}.`;
    text = coming.trim();
  } else if (upcoming && upcoming.effectiveDate) {
    intent = signedUpcoming ? 'success' : 'info';
    title = signedUpcoming
      ? `Signed on ${formatUkLongDate(signedUpcoming.signedAt)}, nothing to do.`
      : `A new version comes into force on ${formatCalendarDate(upcoming.effectiveDate)}: you can sign it now.`;
    const { due } = dueDateFor(upcoming, hireDate);
    text = signedUpcoming ? `Version ${describeVersion(upcoming.version)} comes into force on ${formatCalendarDate(upcoming.effectiveDate)}.` : due ? `Sign it by ${formatCalendarDate(due)}.` : '';
  } else {
    return <MessageBar intent="info" data-testid="status-line"><MessageBarBody>No policy has been published yet. Your administrator will let you know when there is one to sign.</MessageBarBody></MessageBar>;
  }
  return (
    <MessageBar intent={intent} layout="multiline" data-testid="status-line">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {text ? ` ${text}` : ''}
        {signingEarly ? ' You are reading the new version first.' : ''}
      </MessageBarBody>
      {onSignEarly && upcoming ? (
        <MessageBarActions><Button onClick={onSignEarly}>Read and sign version {describeVersion(upcoming.version)}</Button></MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** "What changed" since the version they last signed: that version's text is fetched only when needed. */
function PreviousDiff({ previousVersion, target, policies, today }: { previousVersion: string; target: PolicyVersion; policies: ViewProps['session']['policies']; today: string }) {
  const [previous, setPrevious] = useState<PolicyVersion | null>(null);
  useEffect(() => {
    let live = true;
    policies.get(previousVersion).then((p) => live && setPrevious(p), () => undefined);
    return () => { live = false; };
  }, [policies, previousVersion]);
  if (!previous || previous.text === undefined || target.text === undefined) return null;
  return (
    <Suspense fallback={<Spinner label="Comparing versions…" />}>
      <WhatChanged previousVersion={previous.version} previousText={previous.text} currentVersion={target.version} currentText={target.text}
        comesIntoForce={target.effectiveDate && target.effectiveDate > today ? target.effectiveDate : null} />
    </Suspense>
  );
}
