import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, makeQueryClient } from './app/App';
import { readAppConfig } from './app/config';
import { prefetchFirstView } from './app/first-view';
import { restoreLocalSession } from './auth/local-signin';
import { createTabStore } from './shared/data/store-context';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
const config = readAppConfig(import.meta.env);
const queryClient = makeQueryClient();
const session = config.localGraphOrigin ? restoreLocalSession() : null;
if (session) {
  const store = createTabStore(config.graphBaseUrl, config.siteId, session.getToken);
  prefetchFirstView(queryClient, store, window.location.pathname);
}
createRoot(root).render(
  <StrictMode>
    <App config={config} queryClient={queryClient} initialSession={session} />
  </StrictMode>,
);
