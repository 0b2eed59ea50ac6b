// "Tell all staff": after a version is published, a Teams activity-feed notice
// to everyone in the all-staff group (in batches of 100, as Graph allows), an
// email from the sender to those Teams could not reach before, and a summary
// of who was reached how. Failures are shown, never turned into mail.
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, makeStyles, MessageBar,
  MessageBarBody, MessageBarTitle, ProgressBar, Text, tokens,
} from '@fluentui/react-components';
import type { PolicyVersion } from '../../graph/policies';
import { describeVersion } from '../../policy/index';
import { formatCalendarDate } from '../../ui/format';
import type { AnnounceReport, ManagerData } from './data';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

type State =
  | { kind: 'idle' }
  | { kind: 'confirm' }
  | { kind: 'sending'; done: number; total: number }
  | { kind: 'done'; report: AnnounceReport }
  | { kind: 'failed'; message: string };

const names = (list: readonly string[]): string => (list.length <= 8 ? list.join(', ') : `${list.slice(0, 8).join(', ')} and ${list.length - 8} more`);

/** The summary of who was reached how, in words. */
export function describeAnnounce(report: AnnounceReport): { intent: 'success' | 'warning'; lines: string[] } {
  const lines: string[] = [];
  const { teams } = report;
  if (teams.accepted > 0) {
    lines.push(`Teams: ${teams.accepted} staff, in ${teams.requests - teams.failed.length} ${teams.requests - teams.failed.length === 1 ? 'request' : 'requests'}. Teams shows it to everyone who has AUP Guard; Graph does not say who lacks it.`);
  }
  for (const f of teams.failed) lines.push(`Teams refused a batch of ${f.userIds.length}: ${f.message}. They were not told.`);
  if (report.mailed.length > 0) lines.push(`Email from you: ${report.mailed.length} (${names(report.mailed)}), whom Teams could not reach last time.`);
  if (report.mailFailed) lines.push(`The email could not be sent: ${report.mailFailed}.`);
  if (report.unreachable.length > 0) lines.push(`Not told: ${names(report.unreachable)}: Teams could not reach them last time and they have no mailbox.`);
  const warning = teams.failed.length > 0 || report.mailFailed !== null || report.unreachable.length > 0;
  return { intent: warning ? 'warning' : 'success', lines };
}

export function AnnouncePanel({ data, policy, staffCount }: { readonly data: ManagerData; readonly policy: PolicyVersion; readonly staffCount: number | null }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const name = describeVersion(policy.version);

  const send = async (): Promise<void> => {
    setState({ kind: 'sending', done: 0, total: staffCount ?? 0 });
    try {
      const report = await data.announce(policy, (done, total) => setState({ kind: 'sending', done, total }));
      setState({ kind: 'done', report });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const summary = state.kind === 'done' ? describeAnnounce(state.report) : null;
  return (
    <div className={styles.root}>
      <Button disabled={state.kind === 'sending'} onClick={() => setState({ kind: 'confirm' })}>Tell all staff about version {name}</Button>
      {state.kind === 'sending' ? (
        <Field label="Telling staff" validationState="none" validationMessage={`${state.done} of ${state.total}`}>
          <ProgressBar value={state.done} max={Math.max(state.total, 1)} />
        </Field>
      ) : null}
      {summary ? (
        <MessageBar intent={summary.intent} data-testid="announce-summary">
          <MessageBarBody>
            <MessageBarTitle>Staff told about version {name}</MessageBarTitle>
            <ul className={styles.list}>{summary.lines.map((l) => <li key={l}>{l}</li>)}</ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {state.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Staff were not told: {state.message}</MessageBarBody></MessageBar> : null}
      <Dialog open={state.kind === 'confirm'} onOpenChange={(_, d) => { if (!d.open) setState({ kind: 'idle' }); }}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Tell all staff about version {name}?</DialogTitle>
            <DialogContent>
              <Text as="p">
                Everyone in the all-staff group{staffCount !== null ? ` (${staffCount} people, not you)` : ''} gets a notice in their Teams activity feed asking them to read and sign
                version {name}{policy.dueDate ? ` by ${formatCalendarDate(policy.dueDate)}` : ''}. People Teams could not reach last time get an email from you instead.
              </Text>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setState({ kind: 'idle' })}>Cancel</Button>
              <Button appearance="primary" onClick={() => void send()}>Tell all staff</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
