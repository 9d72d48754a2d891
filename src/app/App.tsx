import { FluentProvider, MessageBar, MessageBarBody, teamsLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes, useSearchParams } from 'react-router';
import { restoreLocalSession, signOutLocally, type SignedInSession } from '../auth/local-signin';
import { OverviewPage } from '../features/overview/OverviewPage';
import { SignInPage } from '../features/signin/SignInPage';
import { StoreProvider } from '../shared/data/store-context';
import type { AppConfig } from './config';
import { AppHeader } from './AppHeader';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
  });
}

export function App(props: { config: AppConfig }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Shell config={props.config} />
        </BrowserRouter>
      </QueryClientProvider>
    </FluentProvider>
  );
}

function Shell(props: { config: AppConfig }) {
  const { config } = props;
  const [session, setSession] = useState<SignedInSession | null>(() =>
    config.localGraphOrigin ? restoreLocalSession() : null,
  );

  if (!config.localGraphOrigin) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          Sign-in with Microsoft Entra ID is not configured in this build; see the README.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!session) return <SignInPage origin={config.localGraphOrigin} onSignedIn={setSession} />;
  return (
    <StoreProvider graphBaseUrl={config.graphBaseUrl} siteId={config.siteId} getToken={session.getToken}>
      <AppHeader
        person={session.person}
        onSignOut={() => {
          signOutLocally();
          setSession(null);
        }}
      />
      <Routes>
        <Route path="*" element={<OverviewRoute />} />
      </Routes>
    </StoreProvider>
  );
}

function OverviewRoute() {
  const [params] = useSearchParams();
  return <OverviewPage planId={params.get('plan')} />;
}
