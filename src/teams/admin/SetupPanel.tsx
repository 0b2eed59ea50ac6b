// First-run setup: when the AUP lists are missing from the site, an admin
// creates them here with the same provisioning code as `npm run provision`.
import { useState } from 'react';
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { provision, type ProvisionReport } from '../../graph/provision';
import { createSpRest } from '../../graph/sp-rest';
import { CURRENT_POLICY_META } from '../../policy/index';
import type { Session } from '../shell-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  log: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function SetupPanel({ session, missing, onDone }: { session: Session; missing: readonly string[]; onDone: () => void }) {
  const styles = useStyles();
  const [lines, setLines] = useState<string[]>([]);
  const [status, setStatus] = useState<{ kind: 'idle' | 'running' } | { kind: 'done'; report: ProvisionReport } | { kind: 'failed'; message: string }>({ kind: 'idle' });

  const run = async () => {
    setStatus({ kind: 'running' });
    setLines([]);
    try {
      // The shipped policy text, fetched only now: most admins never run setup.
      const text = (await import('../../../assets/policy/2020-04.md?raw')).default;
      const report = await provision({
        graph: session.graph,
        siteId: session.lists.siteId,
        spRest: createSpRest({ getToken: session.getToken }),
        policy: { version: CURRENT_POLICY_META.versionLabel, title: CURRENT_POLICY_META.title, effectiveDate: CURRENT_POLICY_META.effectiveDate, text },
        log: (line) => setLines((l) => [...l, line]),
      });
      session.lists.refresh();
      setStatus({ kind: 'done', report });
    } catch (e) {
      setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="adm-setup">
      <h2 id="adm-setup">Set up AUP Guard on this site</h2>
      <Text>
        These lists do not exist yet on the school's SharePoint site: {missing.join(', ')}. Setting up creates them with their columns and indexes,
        turns on versioning, lets staff read only their own signatures, and publishes the April 2020 policy as the current version.
        Running it again changes nothing.
      </Text>
      <div>
        <Button appearance="primary" disabled={status.kind === 'running'} onClick={() => void run()}>
          {status.kind === 'running' ? 'Setting up…' : 'Set up the lists'}
        </Button>
      </div>
      {lines.length > 0 ? <ul className={styles.log} aria-label="Setup progress" aria-live="polite">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : null}
      {status.kind === 'done' ? (
        <MessageBar intent="success">
          <MessageBarBody>
            Set up on {status.report.webUrl}. {status.report.notes.join(' ')} <Button size="small" onClick={onDone}>Continue</Button>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {status.kind === 'failed' ? <MessageBar intent="error"><MessageBarBody>Setup failed: {status.message}. It is safe to run again.</MessageBarBody></MessageBar> : null}
    </section>
  );
}
