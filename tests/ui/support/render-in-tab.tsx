import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { PersonRef } from '../../../src/domain';
import { getMe, toPersonRef } from '../../../src/graph/people';
import { StoreProvider } from '../../../src/shared/data/store-context';
import { SessionProvider, type SiteRole } from '../../../src/shared/session';
import { TeamsProvider } from '../../../src/teams/TeamsProvider';
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
  return render(
    <TeamsProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <StoreProvider graphBaseUrl={t.graph.graphBaseUrl} siteId="root" getToken={getToken}>
            <SessionProvider person={who.person} role={who.role}>
              {view}
            </SessionProvider>
          </StoreProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </TeamsProvider>,
  );
}
