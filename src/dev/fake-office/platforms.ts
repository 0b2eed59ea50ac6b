// The Outlook clients the harness can pretend to be, and what each gives an
// add-in, from Microsoft's documentation (see docs/outlook.md for the table
// and the sources):
//  - classic Outlook on Windows runs event handlers in a JavaScript-only
//    runtime, apart from the task pane: no DOM, no localStorage, but
//    OfficeRuntime.storage ("Runtimes in Office Add-ins"; OfficeRuntime.Storage:
//    "In Outlook, support is only available with the event-based activation
//    feature implemented in Outlook on Windows"). diagnostics.platform "PC".
//  - Outlook on the web and new Outlook on Windows run them in a browser
//    runtime of the same origin as the pane, with localStorage and without
//    OfficeRuntime.storage. diagnostics.platform "OfficeOnline" (both).
//  - Outlook on Mac likewise, platform "Mac".
// Nested app authentication (NestedAppAuth 1.1) is on every one of them in
// current builds; the harness can switch it off to exercise the dialog sign-in.

export type FakePlatform = 'windows' | 'web' | 'mac';

export interface PlatformProfile {
  readonly label: string;
  /** Office.context.diagnostics.platform's run-time value. */
  readonly diagnostics: 'PC' | 'OfficeOnline' | 'Mac';
  /** Whether OfficeRuntime.storage exists (classic Windows only). */
  readonly runtimeStorage: boolean;
  /** Where event handlers run: a separate JavaScript-only context, or a browser runtime beside the pane. */
  readonly handlerRuntime: 'javascript-only' | 'browser';
}

export const PLATFORMS: Readonly<Record<FakePlatform, PlatformProfile>> = {
  windows: { label: 'Classic Outlook on Windows', diagnostics: 'PC', runtimeStorage: true, handlerRuntime: 'javascript-only' },
  web: { label: 'Outlook on the web / new Outlook', diagnostics: 'OfficeOnline', runtimeStorage: false, handlerRuntime: 'browser' },
  mac: { label: 'Outlook on Mac', diagnostics: 'Mac', runtimeStorage: false, handlerRuntime: 'browser' },
};

export const isFakePlatform = (value: string | null | undefined): value is FakePlatform =>
  value === 'windows' || value === 'web' || value === 'mac';
