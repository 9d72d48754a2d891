import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, makeQueryClient } from './app/App';
import { readAppConfig } from './app/config';
import { prefetchFirstView } from './app/first-view';
import { createAuthenticator } from './auth';
import { connectPlanStore } from './plan/store';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const config = readAppConfig(import.meta.env);
const auth = createAuthenticator(config.auth);
const queryClient = makeQueryClient();

void auth.restore().then((session) => {
  const signedIn = session && { session, store: connectPlanStore({ ...config, getToken: session.getToken }) };
  // The first view's read goes out before React renders, so it is on the wire while the UI boots.
  if (signedIn) prefetchFirstView(queryClient, signedIn.store, window.location.pathname);
  createRoot(root).render(
    <StrictMode>
      <App config={config} auth={auth} queryClient={queryClient} initialSession={signedIn} />
    </StrictMode>,
  );
});
