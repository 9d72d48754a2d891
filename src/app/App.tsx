import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import {
  restoreLocalSession,
  signOutLocally,
  type LocalPerson,
  type SignedInSession,
} from '../auth/local-signin';
import type { PersonRef } from '../domain';
import { SignInPage } from '../features/signin/SignInPage';
import { StoreProvider } from '../shared/data/store-context';
import { SessionProvider, type SiteRole } from '../shared/session';
import { TeamsProvider } from '../teams/TeamsProvider';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import type { AppConfig } from './config';
import { AppRoutes } from './routes';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
  });
}

export function App(props: { config: AppConfig }) {
  const [queryClient] = useState(makeQueryClient);
  const initialTheme = new URLSearchParams(window.location.search).get('theme');
  return (
    <TeamsProvider initialTheme={initialTheme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <ErrorBoundary>
            <Shell config={props.config} />
          </ErrorBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </TeamsProvider>
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
      <SessionProvider person={toPersonRef(session.person)} role={toRole(session.person.siteRole)}>
        <AppHeader
          person={session.person}
          onSignOut={() => {
            signOutLocally();
            setSession(null);
          }}
        />
        <AppRoutes />
      </SessionProvider>
    </StoreProvider>
  );
}

function toPersonRef(person: LocalPerson): PersonRef {
  return {
    entraId: person.id,
    upn: person.userPrincipalName ?? person.id,
    displayName: person.displayName,
    agency: person.companyName ?? '',
  };
}

function toRole(role: string): SiteRole {
  return role === 'owner' || role === 'member' ? role : 'visitor';
}
