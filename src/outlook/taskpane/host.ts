// Where the task pane gets Office from. In Outlook: office.js from Microsoft's
// CDN, which production pages load in <head> (src/outlook/vite-office-js.ts).
// In the local compose harness (`?host=dev`, non-production builds only): the
// harness's fake Office, read from the parent window, plus its settable clock
// and demo settings source.
import { OFFICE_JS_URL } from '../office/office-js';

/** What a refresh wrote, for the pane to say. */
export interface RefreshSummary {
  /** Each store written, with the width its send-check record got. */
  readonly written: readonly string[];
  /** Stores skipped and anything unreadable, in words. */
  readonly problems: readonly string[];
  /** False when no contacts import has published a send-check snapshot yet. */
  readonly hasContacts: boolean;
}

/** Refreshes the settings cache from wherever the school's settings live. */
export interface SettingsSource {
  /** Shown beside the refresh button, e.g. "SharePoint (Microsoft Graph)". */
  readonly label: string;
  /** How this host signs in: nested app authentication, or Office's dialog where NAA is not supported. */
  signIn?(): 'nested-app-auth' | 'dialog';
  /** Writes a fresh cache record; `interactive` when the user clicked, so sign-in may prompt. */
  refresh(interactive: boolean): Promise<RefreshSummary>;
}

export interface PaneHost {
  readonly office: typeof Office;
  readonly runtime: typeof OfficeRuntime | undefined;
  /** The pane's localStorage, where the platform shares it with the event runtime (browser runtimes). */
  readonly localStorage?: Storage;
  readonly now: () => Date;
  readonly settingsSource: SettingsSource | undefined;
}

/** What the dev harness puts on its window for the pane's iframe. */
export interface DevHostBridge {
  readonly Office: typeof Office;
  /** Undefined where the platform has no OfficeRuntime.storage (web, new Outlook, Mac). */
  readonly OfficeRuntime: typeof OfficeRuntime | undefined;
  now(): Date;
  readonly settingsSource: SettingsSource;
}

export const DEV_BRIDGE_KEY = '__aupGuardDevHost';

function devBridge(): DevHostBridge | undefined {
  if (import.meta.env.MODE === 'production') return undefined;
  if (new URLSearchParams(location.search).get('host') !== 'dev') return undefined;
  try {
    return (window.parent as unknown as Record<string, DevHostBridge | undefined>)[DEV_BRIDGE_KEY];
  } catch {
    return undefined; // a cross-origin parent is a real Outlook, never the harness
  }
}

/** The page's localStorage, where the browser allows it. */
function pageLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled for this origin
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}. Is this page open inside Outlook?`));
    document.head.append(script);
  });
}

export type ProductionSource = (office: typeof Office, runtime: typeof OfficeRuntime | undefined, localStorage: Storage | undefined) => SettingsSource | undefined;

export async function connectHost(productionSource: ProductionSource): Promise<PaneHost> {
  const bridge = devBridge();
  const storage = pageLocalStorage();
  if (bridge) {
    return { office: bridge.Office, runtime: bridge.OfficeRuntime, now: () => bridge.now(), settingsSource: bridge.settingsSource, ...(storage ? { localStorage: storage } : {}) };
  }
  if (typeof Office === 'undefined') {
    // Production pages carry the <script> tag, so this means the CDN was unreachable.
    if (import.meta.env.MODE === 'production') throw new Error('Could not load office.js from Microsoft. Is this page open inside Outlook?');
    // The dev server's page has no tag (the harness needs none): a developer
    // sideloading the add-in against a real Outlook gets office.js here.
    await loadScript(OFFICE_JS_URL);
  }
  await Office.onReady();
  return {
    office: Office,
    runtime: typeof OfficeRuntime === 'undefined' ? undefined : OfficeRuntime,
    now: () => new Date(),
    settingsSource: productionSource(Office, typeof OfficeRuntime === 'undefined' ? undefined : OfficeRuntime, storage),
    ...(storage ? { localStorage: storage } : {}),
  };
}
