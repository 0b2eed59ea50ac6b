// The local demo's sign-in: choose one of the emulator's demo staff. Never in
// a production build (imported only behind `import.meta.env.MODE !== 'production'`).
import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { demoSignIn, listDemoUsers, rememberedDemoUpn, type DemoUser } from './demo';
import type { SignedIn } from './types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxHeight: '60vh', overflowY: 'auto' },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/**
 * At most this many people in the picker. The emulator can hold 10,000 staff
 * (the scale tests and bench); rendering a button for each took about a second
 * to show and as long again to tear down on sign-in. Managers and admins come
 * first, and the search box finds anyone else.
 */
export const PICKER_LIMIT = 100;

// One collator for the sort: localeCompare builds one per call, which showed at 10,000 names.
const byName = new Intl.Collator('en-GB').compare;

export interface DemoSignInProps {
  readonly emulatorUrl: string;
  onSignedIn(signedIn: SignedIn): void;
}

export default function DemoSignIn({ emulatorUrl, onSignedIn }: DemoSignInProps) {
  const styles = useStyles();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    let cancelled = false;
    listDemoUsers(emulatorUrl)
      .then(async (list) => {
        if (cancelled) return;
        // A reload signs the same person in again, as Teams' single sign-on would.
        const again = list.find((u) => u.upn === rememberedDemoUpn());
        if (again) onSignedIn(await demoSignIn(emulatorUrl, again));
        else setUsers(list);
      })
      .catch((e: unknown) => { if (!cancelled) setError(e instanceof Error ? e.message : String(e)); });
    return () => { cancelled = true; };
  }, [emulatorUrl, onSignedIn]);

  const matching = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const order = (u: DemoUser): number => (u.roles.includes('admin') ? 0 : u.roles.includes('manager') ? 1 : 2);
    return (users ?? []).filter((u) => !f || u.displayName.toLowerCase().includes(f) || u.upn.toLowerCase().includes(f))
      .sort((a, b) => order(a) - order(b) || byName(a.displayName, b.displayName));
  }, [users, filter]);
  const shown = matching.slice(0, PICKER_LIMIT);

  if (error) return <MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar>;
  if (!users) return <Spinner label="Finding the demo staff…" />;
  return (
    <section className={styles.root} aria-labelledby="demo-heading">
      <Text as="h1" id="demo-heading" size={600} weight="semibold">Sign in (local demo)</Text>
      <Text as="p">This is the local emulator. Choose a member of staff to sign in as. In Teams, staff are signed in automatically.</Text>
      <Field
        label="Find a person"
        hint={matching.length > shown.length ? `Showing ${shown.length} of ${matching.length.toLocaleString('en-GB')}: type a name or email address to find someone else.` : undefined}
      >
        <Input type="search" value={filter} onChange={(_, d) => setFilter(d.value)} />
      </Field>
      <ul className={styles.list} aria-label="Demo staff">
        {shown.map((u) => (
          <li key={u.upn} className={styles.item}>
            <Button onClick={() => { demoSignIn(emulatorUrl, u).then(onSignedIn, (e: unknown) => setError(String(e))); }} aria-label={`Sign in as ${u.displayName}`}>
              {u.displayName}
            </Button>
            <Text size={200}>{u.upn}</Text>
            {u.roles.filter((r) => r !== 'staff').map((r) => <Badge key={r} appearance="tint" color={r === 'admin' ? 'important' : 'brand'}>{r}</Badge>)}
          </li>
        ))}
      </ul>
    </section>
  );
}
