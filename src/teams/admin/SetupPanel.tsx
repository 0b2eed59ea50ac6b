// First-run setup: when the AUP lists are missing from the site, an admin
// creates them and their permissions here with the same provisioning code and
// checks as `npm run provision` (actions.ts: setUpSite).
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { Session } from '../shell-types';
import { setUpSite, type SetupOutcome } from './actions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  log: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function SetupPanel({ session, missing, onDone }: { session: Session; missing: readonly string[]; onDone: () => void }) {
  const styles = useStyles();
  const [lines, setLines] = useState<string[]>([]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'running' } | { kind: 'done'; outcome: SetupOutcome } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const run = async () => {
    setStatus({ kind: 'running' });
    setLines([]);
    try {
      // The shipped policy text, fetched only now: most admins never run setup.
      const text = (await import('../../../assets/policy/2020-04.md?raw')).default;
      setStatus({ kind: 'done', outcome: await setUpSite(session, text, (line) => setLines((l) => [...l, line])) });
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="adm-setup">
      <h2 id="adm-setup">Set up AUP Guard on this site</h2>
      <Text>
        These lists do not exist yet on the school's SharePoint site: {missing.join(', ')}. Setting up creates them with their columns and indexes,
        turns on versioning, and gives each list its own permissions: staff can sign and read only their own signature, managers can read every
        signature, admins can change policies, settings and contacts, and nobody but the site owners can change or delete a signature.
        It publishes the April 2020 policy as the current version. Running it again changes nothing.
      </Text>
      <div>
        <Button appearance="primary" disabled={status.kind === 'running'} onClick={() => void run()}>
          {status.kind === 'running' ? 'Setting up…' : 'Set up the lists'}
        </Button>
      </div>
      {lines.length > 0 ? <ul className={styles.log} aria-label="Setup progress" aria-live="polite">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : null}
      {status.kind === 'done' && status.outcome.verified.drifts.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Set up on {status.outcome.report.webUrl}, and verified: every list and permission matches the role model. {status.outcome.report.notes.join(' ')}{' '}
            <Button size="small" onClick={onDone}>Continue</Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'done' && status.outcome.verified.drifts.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            Set up on {status.outcome.report.webUrl}, but the check afterwards found differences from the role model:
            <ul aria-label="Differences">{status.outcome.verified.drifts.map((d) => <li key={d}>{d}</li>)}</ul>
            <Button size="small" onClick={onDone}>Continue</Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Setup failed: {status.message}. It is safe to run again.</MessageBarBody></MessageBar> : null}
    </section>
  );
}
