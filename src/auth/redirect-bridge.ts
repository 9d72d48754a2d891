import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

/**
 * The page Entra ID sends its answer to (the app registration's SPA redirect URI,
 * `/auth/redirect.html`): MSAL passes a popup's or a hidden frame's answer to the
 * tab that asked, or takes a redirect back to the page it started from. It runs no
 * other code of the app's.
 */
broadcastResponseToMainFrame().catch(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'Signing in did not finish. Close this window and try again.';
});
