// The Teams tab's root: theme from the host (or ?theme=), sign-in, then the
// staff view, with manager and admin views loaded only for those who may see
// them, so their code never weighs on the staff view (issue 4).
import { Suspense, lazy, useCallback, useEffect, useState, type ComponentType } from 'react';
import {
  Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, mergeClasses, tokens,
} from '@fluentui/react-components';
import { appConfig } from '../ui/config';
import { themeFromQuery, type ThemeName } from '../ui/theme';
import type { SignedIn } from '../ui/auth/types';
import { detectHost, notifyHostReady, onHostThemeChange, type HostContext } from './host/teams';
import { PageFrame } from './PageFrame';
import { buildSession } from './session';
import type { Session, ViewProps } from './shell-types';
import StaffView from './staff/StaffView';

const useStyles = makeStyles({
  header: {
    display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalL, paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: {
    padding: tokens.spacingHorizontalL, maxWidth: '60rem', marginInline: 'auto', backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalS },
  },
  // Tables of staff and the policy editor use the screen's width (issue 14); reading stays a comfortable measure.
  wide: { maxWidth: '96rem' },
  user: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type ViewModule = { default: ComponentType<ViewProps> };

/** A view another part of the app provides; until its file exists, a placeholder says so. */
function optionalView(modules: Record<string, () => Promise<ViewModule>>, path: string, name: string): ComponentType<ViewProps> {
  const load = modules[path];
  if (load) return lazy(load);
  return function Missing() {
    return <MessageBar intent="info"><MessageBarBody>The {name} view is not part of this build yet.</MessageBarBody></MessageBar>;
  };
}

// import.meta.glob makes each view its own chunk, fetched only when its tab is opened.
const ManagerView = optionalView(import.meta.glob<ViewModule>('./manager/ManagerView.tsx'), './manager/ManagerView.tsx', 'manager');
const AdminView = optionalView(import.meta.glob<ViewModule>('./admin/AdminView.tsx'), './admin/AdminView.tsx', 'admin');

// Demo sign-in is tree-shaken out of production builds: MODE is replaced at build time.
const DemoSignIn = import.meta.env.MODE !== 'production' ? lazy(() => import('../ui/auth/DemoSignIn')) : null;

// Staff see one view and no tabs; the switcher's code comes only to those with more.
const ViewTabs = lazy(() => import('./ViewTabs'));

type Tab = 'policy' | 'manager' | 'admin';

export function App() {
  const config = appConfig();
  const forced = themeFromQuery(location.search);
  const [theme, setTheme] = useState<ThemeName>(forced ?? 'light');
  const [host, setHost] = useState<HostContext | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signedOut, setSignedOut] = useState(0);

  useEffect(() => {
    void detectHost().then((h) => {
      setHost(h);
      if (h.kind === 'teams') {
        if (!forced && h.theme) setTheme(h.theme);
        if (!forced) onHostThemeChange(setTheme);
        notifyHostReady();
      }
    });
  }, [forced]);

  const onSignedIn = useCallback((signedIn: SignedIn) => {
    void detectHost().then((h) =>
      buildSession(config, signedIn, { inTeams: h.kind === 'teams', theme }, () => { setSession(null); setSignedOut((n) => n + 1); })
        .then(setSession, (e: unknown) => setError(e instanceof Error ? e.message : String(e))));
    // The theme at sign-in is only a starting value for views; re-signing on theme change would be wrong.
  }, [config]);

  const styles = useStyles();
  return (
    <PageFrame theme={theme}>
      {error ? (
        <main className={styles.main}><MessageBar intent="error"><MessageBarBody>{error}</MessageBarBody></MessageBar></main>
      ) : session ? (
        <Shell session={{ ...session, theme }} />
      ) : (
        <main className={styles.main}>
          <Suspense fallback={<Spinner label="Loading…" />}>
            {/* MODE first: a literal at build time, so production drops this branch whole. */}
            {import.meta.env.MODE !== 'production' && DemoSignIn && config.mode === 'demo' ? (
              <DemoSignIn key={signedOut} emulatorUrl={config.graphBaseUrl} onSignedIn={onSignedIn} />
            ) : (
              <ProductionSignIn host={host} onSignedIn={onSignedIn} onError={setError} />
            )}
          </Suspense>
        </main>
      )}
    </PageFrame>
  );
}

function ProductionSignIn({ host, onSignedIn, onError }: { host: HostContext | null; onSignedIn(s: SignedIn): void; onError(m: string): void }) {
  const [needsClick, setNeedsClick] = useState(false);
  useEffect(() => {
    if (!host) return;
    let cancelled = false;
    void import('../ui/auth/msal').then(async ({ signInSilently }) => {
      const result = await signInSilently(appConfig(), host.loginHint);
      if (cancelled) return;
      if (result) onSignedIn(result);
      else setNeedsClick(true);
    });
    return () => { cancelled = true; };
  }, [host, onSignedIn]);
  if (!needsClick) return <Spinner label="Signing you in…" />;
  return (
    <section>
      <Text as="h1" size={600} weight="semibold">Acceptable Use Policy</Text>
      <Text as="p">Sign in with your school account to read and sign the policy.</Text>
      <Button appearance="primary" onClick={() => {
        void import('../ui/auth/msal').then(({ signInWithPopup }) => signInWithPopup(appConfig(), host?.loginHint ?? null)).then(onSignedIn, (e: unknown) => onError(String(e)));
      }}>Sign in</Button>
    </section>
  );
}

function Shell({ session }: { session: Session }) {
  const styles = useStyles();
  const [tab, setTab] = useState<Tab>('policy');
  const tabs: { value: Tab; label: string }[] = [{ value: 'policy', label: 'Policy' }];
  if (session.roles.has('manager')) tabs.push({ value: 'manager', label: 'Who has signed' });
  if (session.roles.has('admin')) tabs.push({ value: 'admin', label: 'Administration' });
  return (
    <>
      <header className={styles.header}>
        <Text weight="semibold">AUP Guard · Wells AP Kinsley</Text>
        <div className={styles.user}>
          <Text>{session.user.displayName}</Text>
          {session.config.mode === 'demo' && <Button size="small" onClick={session.signOut}>Sign out</Button>}
        </div>
        {tabs.length > 1 && (
          <nav aria-label="Views" style={{ flexBasis: '100%' }}>
            <Suspense fallback={null}>
              <ViewTabs tabs={tabs} selected={tab} onSelect={(v) => setTab(v as Tab)} />
            </Suspense>
          </nav>
        )}
      </header>
      <main className={mergeClasses(styles.main, tab !== 'policy' && styles.wide)}>
        <Suspense fallback={<Spinner label="Loading…" />}>
          {tab === 'policy' && <StaffView session={session} />}
          {tab === 'manager' && <ManagerView session={session} />}
          {tab === 'admin' && <AdminView session={session} />}
        </Suspense>
      </main>
    </>
  );
}
