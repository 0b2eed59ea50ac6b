// The sign-in dialog's page: signs in and sends the token to the task pane
// with Office.context.ui.messageParent, then the pane closes it. In Outlook
// it runs MSAL (redirect flow, tokens in memory). In the local harness
// (`?host=dev`, non-production builds only) ./dialog-demo.ts stands in.
import type { DialogReply } from './sign-in';

function send(reply: DialogReply, to: (message: string) => void): void {
  to(JSON.stringify(reply));
}

const status = document.getElementById('status');
const actions = document.getElementById('actions');
const say = (text: string): void => { if (status) status.textContent = text; };
const query = new URLSearchParams(location.search);

async function production(): Promise<void> {
  await Office.onReady();
  const toPane = (m: string): void => Office.context.ui.messageParent(m);
  try {
    const { appConfig } = await import('../../ui/config');
    const { BrowserCacheLocation, PublicClientApplication } = await import('@azure/msal-browser');
    const { GRAPH_SCOPES } = await import('../../ui/auth/msal');
    const config = appConfig();
    const pca = new PublicClientApplication({
      // This page is also the redirect URI (registered in Entra beside the tab's).
      auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}${location.pathname}` },
      cache: { cacheLocation: BrowserCacheLocation.MemoryStorage },
    });
    await pca.initialize();
    const result = await pca.handleRedirectPromise();
    if (result?.accessToken) {
      send({ kind: 'token', accessToken: result.accessToken, expiresOn: result.expiresOn?.getTime() ?? Date.now() + 30 * 60 * 1000 }, toPane);
      return;
    }
    const hint = query.get('hint');
    await pca.loginRedirect({ scopes: [...GRAPH_SCOPES], ...(hint ? { loginHint: hint } : {}) });
  } catch (error) {
    send({ kind: 'error', message: `Sign-in failed: ${error instanceof Error ? error.message : String(error)}` }, toPane);
  }
}

// Tested on MODE itself, which vite replaces with a literal, so a production build drops the demo sign-in.
const run = import.meta.env.MODE !== 'production' && query.get('host') === 'dev'
  ? import('./dialog-demo').then((m) => m.runDemoDialog(query, say, actions))
  : production();
run.catch((error: unknown) => say(error instanceof Error ? error.message : String(error)));
