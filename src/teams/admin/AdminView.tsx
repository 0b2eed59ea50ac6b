// The admin view (issue #5): first-run setup when the lists are missing, then
// policy versions, the Outlook checks' settings and the contacts import.
// Lazily loaded by the shell; default export per shell-types.
import { useEffect, useState } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList, tokens } from '@fluentui/react-components';
import { StoreError } from '../../graph/errors';
import { LISTS } from '../../graph/schema';
import type { Session, ViewProps } from '../shell-types';
import { ContactsPanel } from './ContactsPanel';
import { PolicyPanel } from './PolicyPanel';
import { SettingsPanel } from './SettingsPanel';
import { SetupPanel } from './SetupPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBlock: tokens.spacingVerticalM, minWidth: 0 },
  // The section tabs wrap on a phone rather than running off the screen.
  tabs: { flexWrap: 'wrap' },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightSemibold },
});

type Section = 'policy' | 'settings' | 'contacts';

/** The AUP lists the site lacks, by display name; empty when set up. */
export async function missingLists(session: Session): Promise<string[]> {
  const missing: string[] = [];
  for (const list of LISTS) {
    try {
      await session.lists.listId(list);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'listNotProvisioned') missing.push(list.displayName);
      else throw e;
    }
  }
  return missing;
}

export default function AdminView({ session }: ViewProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <h1 className={styles.h1}>Administration</h1>
      <AdminSections session={session} />
    </div>
  );
}

function AdminSections({ session }: ViewProps) {
  const styles = useStyles();
  const [missing, setMissing] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('policy');
  const [check, setCheck] = useState(0);
  const isAdmin = session.roles.has('admin');

  useEffect(() => {
    if (!isAdmin) return;
    let live = true;
    missingLists(session).then((m) => live && setMissing(m), (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)));
    return () => { live = false; };
  }, [session, isAdmin, check]);

  if (!isAdmin) {
    return <MessageBar intent="warning"><MessageBarBody>The admin view is for members of the admins group.</MessageBarBody></MessageBar>;
  }
  if (failure) return <MessageBar intent="error"><MessageBarBody>Could not reach the site: {failure}</MessageBarBody></MessageBar>;
  if (!missing) return <Spinner label="Checking the site…" />;
  if (missing.length > 0) {
    return <SetupPanel session={session} missing={missing} onDone={() => { setMissing(null); setCheck((n) => n + 1); }} />;
  }

  return (
    <>
      <TabList className={styles.tabs} selectedValue={section} onTabSelect={(_, d) => setSection(d.value as Section)} aria-label="Administration">
        <Tab value="policy">Policy versions</Tab>
        <Tab value="settings">Outlook checks</Tab>
        <Tab value="contacts">Contacts</Tab>
      </TabList>
      <div role="tabpanel" aria-label={section === 'policy' ? 'Policy versions' : section === 'settings' ? 'Outlook checks' : 'Contacts'}>
        {section === 'policy' ? <PolicyPanel session={session} /> : null}
        {section === 'settings' ? <SettingsPanel session={session} /> : null}
        {section === 'contacts' ? <ContactsPanel session={session} /> : null}
      </div>
    </>
  );
}
