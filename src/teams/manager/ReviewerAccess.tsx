// Before the manager view counts anyone, it asks SharePoint whether the signed-in
// manager can read every signature on AUP Acknowledgements. If not (provisioning
// never ran, or someone removed the managers group's AUP Reviewer level), every
// member of staff would look outstanding; instead it says so and names the fix.
import { useEffect, useState, type ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { acknowledgementsAccess } from '../../graph/access';
import { createSpRest } from '../../graph/sp-rest';
import type { Session } from '../shell-types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '1200px' },
});

/** Whether the caller can read every acknowledgement. */
export type ReviewerCheck = () => Promise<{ readonly canReadAll: boolean }>;

/** The check for a session: SharePoint's own answer (EffectiveBasePermissions), for managers only. */
export function reviewerCheck(session: Session): ReviewerCheck | undefined {
  if (!session.roles.has('manager')) return undefined;
  return () => acknowledgementsAccess(session.lists, createSpRest({ getToken: session.getToken }));
}

type State = { kind: 'checking' } | { kind: 'ok' } | { kind: 'cannot-read-all' } | { kind: 'unknown'; message: string };

export const CANNOT_READ_ALL =
  "Your account can't read everyone's signatures: ask your IT admin to run provisioning, which gives the managers group the AUP Reviewer permission on AUP Acknowledgements.";

/** Renders its children only once SharePoint says the caller can read every signature (no check: straight through). */
export function ReviewerAccessGate({ check, children }: { check: ReviewerCheck | undefined; children: ReactNode }) {
  const styles = useStyles();
  const [state, setState] = useState<State>(check ? { kind: 'checking' } : { kind: 'ok' });

  useEffect(() => {
    if (!check) return;
    let live = true;
    setState({ kind: 'checking' });
    check().then(
      (access) => live && setState(access.canReadAll ? { kind: 'ok' } : { kind: 'cannot-read-all' }),
      (error: unknown) => live && setState({ kind: 'unknown', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => { live = false; };
  }, [check]);

  switch (state.kind) {
    case 'checking':
      return <Spinner className={styles.root} label="Checking you can read every signature…" />;
    case 'cannot-read-all':
      return (
        <div className={styles.root}>
          <MessageBar intent="warning">
            <MessageBarBody><MessageBarTitle>Who has signed can't be shown</MessageBarTitle>{CANNOT_READ_ALL}</MessageBarBody>
          </MessageBar>
        </div>
      );
    case 'unknown':
      // The check itself failed (offline, SharePoint not consented): show the view, and say the figures are unchecked.
      return (
        <>
          <div className={styles.root}>
            <MessageBar intent="info"><MessageBarBody>Could not check that your account can read every signature ({state.message}). If everyone shows as outstanding, ask your IT admin to run provisioning.</MessageBarBody></MessageBar>
          </div>
          {children}
        </>
      );
    case 'ok':
      return <>{children}</>;
  }
}
