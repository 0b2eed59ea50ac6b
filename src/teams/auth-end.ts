// The redirect bridge for MSAL Browser v5: passes the sign-in answer in this
// popup or hidden frame back to the tab that asked for it, then closes. It
// must not load the app or call any other MSAL API. Its host must not send a
// Cross-Origin-Opener-Policy header for it, or the popup loses its opener.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  // Nothing to show: the tab times out and offers the sign-in button again.
  console.error('AUP Guard sign-in: could not hand the answer back to the tab', error);
});
