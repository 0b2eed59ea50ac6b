// Task pane entry: connect to Office (or the dev harness), then render.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectHost } from './host';
import { graphSettingsSource } from './graph-source';

const root = createRoot(document.getElementById('root') as HTMLElement);

connectHost(graphSettingsSource).then(
  (host) => root.render(<App host={host} />),
  (error: unknown) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = error instanceof Error ? error.message : String(error);
    document.getElementById('root')?.replaceChildren(p);
  },
);
