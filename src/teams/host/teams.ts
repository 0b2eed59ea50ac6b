// The only file that imports teams-js (STYLE.md: one thin adapter per host).
// Inside Teams, Outlook or the Microsoft 365 app it reports the user, theme
// and locale and follows theme changes; in a plain browser it answers at once
// instead of waiting out the SDK's 5-second initialise time-out. The SDK is
// loaded only when a host may be there, so a plain browser never downloads it.
import type { app as TeamsApp } from '@microsoft/teams-js';
import { themeFromHost, type ThemeName } from '../../ui/theme';

export interface HostContext {
  readonly kind: 'teams' | 'browser';
  readonly theme: ThemeName | null;
  readonly locale: string | null;
  /** The signed-in user's UPN, as a login hint for single sign-on. */
  readonly loginHint: string | null;
  readonly userId: string | null;
}

const BROWSER: HostContext = { kind: 'browser', theme: null, locale: null, loginHint: null, userId: null };

/** A top-level page with no opener and no native bridge is a plain browser tab: no host will ever answer. */
function mayBeHosted(w: Window): boolean {
  let framed: boolean;
  try {
    framed = w.self !== w.top;
  } catch {
    framed = true; // cross-origin top: certainly framed
  }
  const native = (w as Window & { nativeInterface?: unknown }).nativeInterface !== undefined;
  return framed || native || w.opener !== null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

let initialised: Promise<HostContext> | undefined;
let sdk: typeof TeamsApp | undefined;

/**
 * Finds out where we run. Framed pages get the SDK's full time; a top-level
 * page (an Outlook or mobile webview, or a browser) gets a short race.
 */
export function detectHost(options: { topLevelTimeoutMs?: number } = {}): Promise<HostContext> {
  initialised ??= (async () => {
    if (typeof window === 'undefined' || !mayBeHosted(window)) return BROWSER;
    const framed = window.self !== window.top;
    try {
      const { app } = await import('@microsoft/teams-js');
      sdk = app;
      const ready = await withTimeout(app.initialize(), framed ? 6000 : options.topLevelTimeoutMs ?? 800);
      if (ready === 'timeout') return BROWSER;
      const ctx = await app.getContext();
      return {
        kind: 'teams',
        theme: themeFromHost(ctx.app.theme),
        locale: ctx.app.locale ?? null,
        loginHint: ctx.user?.loginHint ?? ctx.user?.userPrincipalName ?? null,
        userId: ctx.user?.id ?? null,
      };
    } catch {
      return BROWSER;
    }
  })();
  return initialised;
}

/** Calls back with the new theme whenever the user changes it in Teams. Only after detectHost() found Teams. */
export function onHostThemeChange(callback: (theme: ThemeName) => void): void {
  sdk?.registerOnThemeChangeHandler((theme) => callback(themeFromHost(theme)));
}

/** Tells the host the tab has drawn its first content (hides Teams' loading indicator). */
export function notifyHostReady(): void {
  // Not initialised (plain browser): nothing to tell, and nothing to report.
  sdk?.notifySuccess().catch(() => undefined);
}
