import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, makeQueryClient } from './app/App';
import { readAppConfig, type AppConfig } from './app/config';
import { prefetchFirstView } from './app/first-view';
import { createAuthenticator } from './auth';
import { connectPlanStore } from './plan/store';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');

let config: AppConfig | null = null;
try {
  config = readAppConfig(import.meta.env, window.location.href);
} catch (error) {
  // A copy built or opened wrongly says what is wrong, rather than showing a blank page.
  createRoot(root).render(
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '24px', maxWidth: '720px' }}>
      <h1>This copy of the WSoA tracker cannot start</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
    </main>,
  );
}
if (config) start(root, config);

function start(root: HTMLElement, config: AppConfig) {
  const auth = createAuthenticator(config.auth);
  const queryClient = makeQueryClient();
  void auth
    .restore()
    // A session that cannot be restored (no network, a host that did not answer) means signing in again.
    .catch(() => null)
    .then((session) => {
      const signedIn = session && {
        session,
        store: connectPlanStore({ ...config, getToken: session.getToken }),
      };
      // The first view's read goes out before React renders, so it is on the wire while the UI boots.
      if (signedIn) prefetchFirstView(queryClient, signedIn.store, window.location.pathname);
      createRoot(root).render(
        <StrictMode>
          <App config={config} auth={auth} queryClient={queryClient} initialSession={signedIn} />
        </StrictMode>,
      );
    });
}
