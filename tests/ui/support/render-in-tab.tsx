import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { SiteRole } from '../../../src/auth/session';
import type { PersonRef } from '../../../src/domain';
import { getMe, toPersonRef } from '../../../src/graph/people';
import { connectPlanStore } from '../../../src/plan/store';
import { TeamsProvider } from '../../../src/teams/TeamsProvider';
import { SessionProvider } from '../../../src/ui/session';
import { StoreProvider } from '../../../src/ui/store-context';
import type { TestGraph } from '../../integration/support/local-graph';

export interface Viewer {
  /** The local Graph's demo person whose token the store sends. */
  alias: string;
  person: PersonRef;
  role: SiteRole;
}

export async function personFor(t: TestGraph, alias: string): Promise<PersonRef> {
  return toPersonRef(await getMe(t.storeAs(alias).ctx));
}

/**
 * A view inside the tab's real providers (Teams theme, query cache, router at
 * `path`, store, session), talking to the test's local Graph as `who.alias`.
 */
export function renderInTab(t: TestGraph, who: Viewer, view: ReactNode, path = '/') {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const getToken = async () => t.graph.tokenFor(who.alias);
  const session = { person: who.person, role: who.role, getToken, signOut: async () => undefined };
  const store = connectPlanStore({
    graphBaseUrl: t.graph.graphBaseUrl,
    siteId: 'root',
    siteTimeZone: 'Europe/London',
    getToken,
  });
  return render(
    <TeamsProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <StoreProvider store={store}>
            <SessionProvider session={session}>{view}</SessionProvider>
          </StoreProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </TeamsProvider>,
  );
}
