// Production sign-in. Nested app authentication lets the tab borrow the Teams,
// Outlook or Microsoft 365 host's sign-in with no popup; in a plain browser
// the same object falls back to a normal MSAL application and a popup.
// Tokens live in memory only (cacheLocation memoryStorage): nothing is left in
// the browser's storage on a shared staff-room computer.
import {
  BrowserCacheLocation, InteractionRequiredAuthError, createNestablePublicClientApplication,
  type AccountInfo, type IPublicClientApplication,
} from '@azure/msal-browser';
import type { AppConfig } from '../config';
import { GRAPH_SCOPES } from '../../graph/scopes';
import { AUTH_END_PATH } from './redirect';
import type { SignedIn } from './types';

// Explicit delegated scopes, never `.default`: the token carries only what AUP Guard asks for
// (src/graph/scopes.ts and docs/permissions.md say why each one). SharePoint's own scopes are asked
// for when a SharePoint call first needs them (getToken with `${origin}/AllSites.*`).
export { GRAPH_SCOPES };

let pca: Promise<IPublicClientApplication> | undefined;

function client(config: AppConfig): Promise<IPublicClientApplication> {
  pca ??= createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}${AUTH_END_PATH}` },
    cache: { cacheLocation: BrowserCacheLocation.MemoryStorage },
  });
  return pca;
}

function signedIn(app: IPublicClientApplication, account: AccountInfo): SignedIn {
  return {
    async getToken(scopes) {
      const request = { scopes: [...scopes], account };
      try {
        return (await app.acquireTokenSilent(request)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        return (await app.acquireTokenPopup(request)).accessToken;
      }
    },
    signOut() {
      app.setActiveAccount(null);
    },
  };
}

/** Signs in without any prompt when the host (or an existing session) allows; null when the user must click. */
export async function signInSilently(config: AppConfig, loginHint: string | null): Promise<SignedIn | null> {
  const app = await client(config);
  const known = app.getActiveAccount() ?? app.getAllAccounts()[0];
  try {
    const result = await app.ssoSilent({ scopes: [...GRAPH_SCOPES], ...(loginHint ? { loginHint } : {}), ...(known ? { account: known } : {}) });
    if (!result.account) return null;
    app.setActiveAccount(result.account);
    return signedIn(app, result.account);
  } catch {
    return null;
  }
}

/** Interactive sign-in; call it from a click so the popup is allowed. */
export async function signInWithPopup(config: AppConfig, loginHint: string | null): Promise<SignedIn> {
  const app = await client(config);
  const result = await app.loginPopup({ scopes: [...GRAPH_SCOPES], ...(loginHint ? { loginHint } : {}) });
  app.setActiveAccount(result.account);
  return signedIn(app, result.account);
}
