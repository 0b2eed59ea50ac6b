// The local compose harness: a fake Outlook compose window driving the real
// send handlers and the real task pane. Order matters: the clock and the fake
// Office must be in place before launchevent.js runs its associate() calls.
import { createRoot } from 'react-dom/client';
import { installClock, setClock, clockNow } from '../clock';
import { createFakeOffice } from '../fake-office/fake-office';
import { isFakePlatform, PLATFORMS, type FakePlatform } from '../fake-office/platforms';
import { inPage, inWorker, type HandlerHost } from './handler-host';
import { openDialog } from './office-dialog';
import { DEMO_LABELS, DEMO_USER } from '../demo-settings';
import { pickSettingsSource } from '../settings-source';
import { DEV_BRIDGE_KEY, type DevHostBridge } from '../../outlook/taskpane/host';
import { fromLocal } from '../../compose-check';
import { Harness } from './Harness';

const query = new URLSearchParams(location.search);

/** `?at=2026-11-26T19:10` sets the clock, read as UK local time like the rest of the harness. */
function clockFromQuery(value: string | null): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return fromLocal(y, mo, d, h, mi, 'Europe/London');
}

function loadBuiltScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`Could not load ${src}; run \`npm run build\` first.`));
    document.head.append(s);
  });
}

/** `?platform=windows|web|mac` picks the Outlook client to play; the web is the default. */
const platformParam = query.get('platform');
const platform: FakePlatform = isFakePlatform(platformParam) ? platformParam : 'web';

async function fetchBuiltScript(src: string): Promise<string> {
  const res = await fetch(src);
  if (!res.ok) throw new Error(`Could not load ${src}; run \`npm run build\` first.`);
  return res.text();
}

async function start(): Promise<void> {
  installClock();
  setClock(clockFromQuery(query.get('at')));
  const fake = createFakeOffice({
    user: DEMO_USER, labels: DEMO_LABELS.map((l) => ({ ...l, children: [] })), platform, nestedAppAuth: query.get('naa') !== 'off', openDialog,
  });
  // The page is the pane's host; on browser runtimes it is also where the handlers run.
  Object.assign(globalThis, { Office: fake.Office, ...(fake.OfficeRuntime ? { OfficeRuntime: fake.OfficeRuntime } : {}) });
  const settingsSource = await pickSettingsSource({
    office: fake.Office, ...(fake.OfficeRuntime ? { runtime: fake.OfficeRuntime } : {}), localStorage: window.localStorage,
  }, query.get('settings') === 'demo');
  // As if the pane had refreshed the cache earlier: the send check then knows the school.
  await settingsSource.refresh(false).catch((e: unknown) => console.warn('AUP Guard harness: settings refresh failed', e));
  const bridge: DevHostBridge = { Office: fake.Office, OfficeRuntime: fake.OfficeRuntime, now: clockNow, settingsSource };
  Object.assign(window, { [DEV_BRIDGE_KEY]: bridge });
  // Dev: vite compiles the same source. `?launchevent=built` and demo builds load the built IIFE.
  const built = !import.meta.env.DEV || query.get('launchevent') === 'built';
  let handlers: HandlerHost;
  if (PLATFORMS[platform].handlerRuntime === 'javascript-only') {
    handlers = inWorker(fake, built ? await fetchBuiltScript('/outlook/launchevent.js') : undefined);
  } else {
    if (built) await loadBuiltScript('/outlook/launchevent.js');
    else await import('../../outlook/launchevent');
    handlers = inPage(fake);
  }
  createRoot(document.getElementById('root') as HTMLElement).render(
    <Harness fake={fake} handlers={handlers} platform={platform} settingsLabel={settingsSource.label} initialTheme={query.get('theme')} />,
  );
}

void start();
