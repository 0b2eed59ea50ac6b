// Where Entra sends a popup or silent sign-in back to: a bridge page that hands
// the answer to the tab and does nothing else (MSAL Browser v5's redirect
// bridge, learn.microsoft.com/entra/msal/javascript/browser/redirect-bridge).
// Registered in Entra as a SPA redirect URI (docs/deployment.md, step 1).
export const AUTH_END_PATH = '/teams/auth-end.html';
