import { Spinner } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import { BrowserRouter, matchPath, useLocation } from 'react-router';
import type { Authenticator, AuthSession } from '../auth/session';
import { localFlowRuns } from '../plan/reminders/flow-runs';
import { connectPlanStore, type PlanStore } from '../plan/store';
import { FlowRunsProvider } from '../ui/flow-runs-context';
import { SessionProvider } from '../ui/session';
import { StoreProvider } from '../ui/store-context';
import { TeamsProvider } from '../teams/TeamsProvider';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import type { AppConfig } from './config';
import { AppRoutes } from './routes';
import { routes } from '../ui/paths';

// Only for people not signed in yet.
const SignInPage = lazy(() =>
  import('../features/signin/SignInPage').then((m) => ({ default: m.SignInPage })),
);

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
  });
}

/** A signed-in person and the plan's site reached with their token. */
export interface SignedIn {
  session: AuthSession;
  store: PlanStore;
}

export interface AppProps {
  config: AppConfig;
  auth: Authenticator;
  queryClient: QueryClient;
  /** The session restored before render (its first view's reads may be under way already). */
  initialSession: SignedIn | null;
}

export function App(props: AppProps) {
  const initialTheme = new URLSearchParams(window.location.search).get('theme');
  return (
    <TeamsProvider initialTheme={initialTheme}>
      <QueryClientProvider client={props.queryClient}>
        <BrowserRouter>
          <ErrorBoundary>
            <Shell {...props} />
          </ErrorBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </TeamsProvider>
  );
}

function Shell(props: AppProps) {
  const location = useLocation();
  const { config, auth, queryClient } = props;
  const [signedIn, setSignedIn] = useState(props.initialSession);
  // Only the local Graph's Workflows receiver tells the tab what its flows could not post
  // (compiled out of tenant builds with the local sign-in: see vite.config.ts).
  const flowRuns = useMemo(
    () =>
      __LOCAL_SIGN_IN__ && config.auth.kind === 'local-graph' ? localFlowRuns(config.auth.origin) : null,
    [config.auth],
  );

  if (!signedIn) {
    return (
      <Suspense fallback={<Spinner label="Loading…" />}>
        <SignInPage
          auth={auth}
          onSignedIn={(session) =>
            setSignedIn({ session, store: connectPlanStore({ ...config, getToken: session.getToken }) })
          }
        />
      </Suspense>
    );
  }
  return (
    <StoreProvider store={signedIn.store}>
      <SessionProvider session={signedIn.session}>
        {/* Teams frames the set-up and removal pages in its own dialog, which has its own header. */}
        {!inTeamsDialog(location.pathname) && (
          <AppHeader
            onSignOut={async () => {
              await signedIn.session.signOut();
              queryClient.clear();
              setSignedIn(null);
            }}
          />
        )}
        <FlowRunsProvider flowRuns={flowRuns}>
          <AppRoutes />
        </FlowRunsProvider>
      </SessionProvider>
    </StoreProvider>
  );
}

function inTeamsDialog(pathname: string): boolean {
  return [routes.configure, routes.remove].some((route) => matchPath(route, pathname) !== null);
}
