// Task pane entry: connect to Office (or the dev harness), then render.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost, type SettingsSource } from './host';

const root = createRoot(document.getElementById('root') as HTMLElement);

/**
 * Sign-in (MSAL) and the Graph client load only when a refresh runs: they are
 * most of the pane's weight, and the live check never needs them.
 */
const lazyGraphSource = (office: typeof Office, runtime: typeof OfficeRuntime | undefined, localStorage: Storage | undefined): SettingsSource => ({
  label: 'SharePoint (Microsoft Graph)',
  signIn: () => (office.context.requirements.isSetSupported('NestedAppAuth', '1.1') ? 'nested-app-auth' : 'dialog'),
  refresh: async (interactive) => (await import('./graph-source')).graphSettingsSource(office, runtime, localStorage).refresh(interactive),
});

connectHost(lazyGraphSource).then(
  (host) => root.render(<App host={host} />),
  (error: unknown) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = error instanceof Error ? error.message : String(error);
    document.getElementById('root')?.replaceChildren(p);
  },
);
