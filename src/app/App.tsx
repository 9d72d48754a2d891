import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { signOutLocally, type LocalPerson, type SignedInSession } from '../auth/local-signin';
import type { PersonRef } from '../domain';
import { StoreProvider } from '../shared/data/store-context';
import { SessionProvider, type SiteRole } from '../shared/session';
import { TeamsProvider } from '../teams/TeamsProvider';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import type { AppConfig } from './config';
import { AppRoutes } from './routes';

// Only for people not signed in yet.
const SignInPage = lazy(() =>
  import('../features/signin/SignInPage').then((m) => ({ default: m.SignInPage })),
);

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
  });
}

export interface AppProps {
  config: AppConfig;
  queryClient: QueryClient;
  /** The session restored before render (its first view's reads may be under way already). */
  initialSession: SignedInSession | null;
}

export function App(props: AppProps) {
  const { queryClient } = props;
  const initialTheme = new URLSearchParams(window.location.search).get('theme');
  return (
    <TeamsProvider initialTheme={initialTheme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <ErrorBoundary>
            <Shell config={props.config} initialSession={props.initialSession} />
          </ErrorBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </TeamsProvider>
  );
}

function Shell(props: { config: AppConfig; initialSession: SignedInSession | null }) {
  const { config } = props;
  const [session, setSession] = useState(props.initialSession);

  if (!config.localGraphOrigin) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          Sign-in with Microsoft Entra ID is not configured in this build; see the README.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!session) {
    return (
      <Suspense fallback={<Spinner label="Loading…" />}>
        <SignInPage origin={config.localGraphOrigin} onSignedIn={setSession} />
      </Suspense>
    );
  }
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
