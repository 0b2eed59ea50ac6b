// Where the task pane gets Office from. In Outlook: office.js from Microsoft's
// CDN, which production pages load in <head> (src/outlook/vite-office-js.ts).
// In the local compose harness (`?host=dev`, non-production builds only): the
// harness's fake Office, read from the parent window, plus its settable clock
// and demo settings source.
import { OFFICE_JS_URL } from '../office/office-js';

/** Refreshes the settings cache from wherever the school's settings live. */
export interface SettingsSource {
  /** Shown beside the refresh button, e.g. "SharePoint (Microsoft Graph)". */
  readonly label: string;
  /** Writes a fresh cache record; `interactive` when the user clicked, so sign-in may prompt. */
  refresh(interactive: boolean): Promise<void>;
}

export interface PaneHost {
  readonly office: typeof Office;
  readonly runtime: typeof OfficeRuntime | undefined;
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

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}. Is this page open inside Outlook?`));
    document.head.append(script);
  });
}

export async function connectHost(productionSource: (office: typeof Office) => SettingsSource | undefined): Promise<PaneHost> {
  const bridge = devBridge();
  if (bridge) {
    return { office: bridge.Office, runtime: bridge.OfficeRuntime, now: () => bridge.now(), settingsSource: bridge.settingsSource };
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
    settingsSource: productionSource(Office),
  };
}
