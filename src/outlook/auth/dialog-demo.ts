// The sign-in dialog in the local harness: signs in to the Graph emulator as
// the mailbox's user after a click, and hands the token to the harness, which
// plays Office's messageParent. Only reachable from a non-production build.
import { appConfig } from '../../ui/config';
import { demoSignIn, listDemoUsers } from '../../ui/auth/demo';
import type { DialogReply } from './sign-in';

/** What the harness puts on its window for this page (it is the dialog's host there). */
export interface DevDialogBridge {
  messageParent(message: string): void;
}
export const DEV_DIALOG_KEY = '__aupGuardDevDialog';

function devBridge(query: URLSearchParams): DevDialogBridge | undefined {
  if (query.get('host') !== 'dev') return undefined;
  try {
    return (window.parent as unknown as Record<string, DevDialogBridge | undefined>)[DEV_DIALOG_KEY];
  } catch {
    return undefined;
  }
}

function send(reply: DialogReply, to: (message: string) => void): void {
  to(JSON.stringify(reply));
}

export async function runDemoDialog(query: URLSearchParams, say: (text: string) => void, actions: HTMLElement | null): Promise<void> {
  const bridge = devBridge(query);
  if (!bridge) throw new Error('This sign-in page was opened outside Outlook and the harness.');
  const graph = appConfig().graphBaseUrl;
  const hint = (query.get('hint') ?? '').toLowerCase();
  const user = (await listDemoUsers(graph)).find((u) => u.upn.toLowerCase() === hint);
  if (!user) {
    send({ kind: 'error', message: `The emulator has no user ${hint}.` }, (m) => bridge.messageParent(m));
    return;
  }
  say(`Sign in as ${user.displayName} (${user.upn}) to refresh the school settings.`);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = `Continue as ${user.displayName}`;
  button.onclick = () => {
    button.disabled = true;
    demoSignIn(graph, user).then(async (signedIn) => {
      const accessToken = await signedIn.getToken([]);
      send({ kind: 'token', accessToken, expiresOn: Date.now() + 60 * 60 * 1000 }, (m) => bridge.messageParent(m));
    }, (error: unknown) => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }, (m) => bridge.messageParent(m)));
  };
  actions?.append(button);
  button.focus();
}
