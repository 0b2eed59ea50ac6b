// Sign-in for the task pane's refresh (issue 11): nested app authentication
// where the host supports NestedAppAuth 1.1, as Microsoft's NAA guide says to
// check; otherwise the Office dialog API, whose dialog runs MSAL on our own
// page and passes the token back with messageParent ("Authenticate with the
// Office dialog API"). Tokens stay in this page's memory, never in storage.
import type { GetToken } from '../../graph/client';
import type { SignedIn } from '../../ui/auth/types';
import { officeCall } from '../office/async';

export type SignInRoute = 'nested-app-auth' | 'dialog';

/** NestedAppAuth 1.1 decides; a host that cannot answer gets the dialog, which every Outlook with a task pane has. */
export function signInRoute(office: typeof Office): SignInRoute {
  try {
    return office.context.requirements.isSetSupported('NestedAppAuth', '1.1') ? 'nested-app-auth' : 'dialog';
  } catch {
    return 'dialog';
  }
}

/** What the dialog page sends back through messageParent. */
export type DialogReply =
  | { readonly kind: 'token'; readonly accessToken: string; readonly expiresOn: number }
  | { readonly kind: 'error'; readonly message: string };

export function parseDialogReply(message: string): DialogReply {
  try {
    const raw = JSON.parse(message) as Record<string, unknown>;
    if (raw.kind === 'token' && typeof raw.accessToken === 'string' && typeof raw.expiresOn === 'number') {
      return { kind: 'token', accessToken: raw.accessToken, expiresOn: raw.expiresOn };
    }
    if (raw.kind === 'error' && typeof raw.message === 'string') return { kind: 'error', message: raw.message };
  } catch { /* reported below */ }
  return { kind: 'error', message: 'The sign-in window sent back something AUP Guard could not read.' };
}

/** Office's dialog errors worth naming (Office.context.ui.displayDialogAsync). */
function dialogProblem(code: number | undefined): string {
  switch (code) {
    case 12006: return 'The sign-in window was closed before signing in.';
    case 12007: return 'A sign-in window is already open.';
    case 12009: return 'The browser blocked the sign-in window; allow pop-ups for Outlook and try again.';
    default: return `The sign-in window could not open${code ? ` (Office error ${code})` : ''}.`;
  }
}

/**
 * Opens our dialog page, waits for its one message, closes it. The promise
 * settles once: on the token, on an error message, or when the user closes it.
 */
export function signInWithDialog(office: typeof Office, url: string, now: () => number = () => Date.now()): Promise<SignedIn> {
  return officeCall<Office.Dialog>('ui.displayDialogAsync', (cb) =>
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, cb),
  ).catch((error: unknown) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code?: number }).code : undefined;
    throw new Error(dialogProblem(code));
  }).then((dialog) => new Promise<SignedIn>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      try { dialog.close(); } catch { /* already closed */ }
      outcome();
    };
    dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
      const reply = parseDialogReply('message' in arg ? String(arg.message) : '');
      finish(() => {
        if (reply.kind === 'error') {
          reject(new Error(reply.message));
          return;
        }
        // In memory, for this pane's life; when it expires the next refresh asks again.
        const getToken: GetToken = async () => {
          if (now() >= reply.expiresOn - 60_000) throw new Error('The sign-in has expired; refresh again to sign in.');
          return reply.accessToken;
        };
        resolve({ getToken, signOut: () => undefined });
      });
    });
    dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
      finish(() => reject(new Error(dialogProblem('error' in arg ? arg.error : undefined))));
    });
  }));
}

export interface SignInBackends {
  /** Nested app authentication: silent first, a prompt only when the user clicked. */
  nestedAppAuth(interactive: boolean): Promise<SignedIn | null>;
  /** The dialog page's address, which runs MSAL and sends the token back. */
  readonly dialogUrl: string;
}

let dialogSession: SignedIn | undefined;

/** Signs in by the route this host supports; null when a silent attempt needs the user to click. */
export async function signInForRefresh(office: typeof Office, backends: SignInBackends, interactive: boolean): Promise<SignedIn | null> {
  if (signInRoute(office) === 'nested-app-auth') return backends.nestedAppAuth(interactive);
  if (dialogSession) {
    try {
      await dialogSession.getToken([]);
      return dialogSession;
    } catch {
      dialogSession = undefined;
    }
  }
  // A dialog must be opened from a click: without one, say so rather than pop a window.
  if (!interactive) return null;
  dialogSession = await signInWithDialog(office, backends.dialogUrl);
  return dialogSession;
}

/** For tests: forget the in-memory dialog session. */
export function forgetDialogSession(): void {
  dialogSession = undefined;
}
