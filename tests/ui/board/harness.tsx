import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation, useParams } from 'react-router';
import { londonDate, type PersonRef } from '../../../src/domain';
import { BoardPage } from '../../../src/features/board/BoardPage';
import { MyWorkPage } from '../../../src/features/my-work/MyWorkPage';
import { getMe, toPersonRef } from '../../../src/graph/people';
import { loadPlanOverview } from '../../../src/graph/queries';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { StoreProvider } from '../../../src/shared/data/store-context';
import { SessionProvider, type SiteRole } from '../../../src/shared/session';
import { TeamsProvider } from '../../../src/teams/TeamsProvider';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';

// Every read and write is a real HTTP round trip to the local Graph, with other test files running alongside.
configure({ asyncUtilTimeout: 8000 });

/** jsdom has no layout: Fluent's MessageBar and Dialog only need an observer that never reports. */
class StillResizeObserver implements ResizeObserver {
  constructor(_callback: ResizeObserverCallback) {}
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: StillResizeObserver });

export interface DemoGraph {
  t: TestGraph;
  planId: string;
  priorityIds: string[];
}

/** A local Graph of the test file's own, holding the Leicestershire demo plan. */
export async function startDemoGraph(): Promise<DemoGraph> {
  const t = await startTestGraph();
  const officer = t.storeAs('officer');
  const seeded = await seedDemo(officer, seedSources(), londonDate(new Date()));
  const overview = await loadPlanOverview(officer, seeded.planId);
  return { t, planId: seeded.planId, priorityIds: overview.priorities.map((p) => p.id) };
}

/** The demo's documents; read from the project root, as jsdom gives modules no file URL. */
function seedSources() {
  const read = (name: string) => readFileSync(join(process.cwd(), 'src/jobs/demo/documents', name), 'utf8');
  return {
    highlightReport: read('leicestershire-wsoa-highlight-report-2021.txt'),
    revisitReport: read('leicestershire-send-revisit-2023.txt'),
  };
}

export async function personFor(t: TestGraph, alias: string): Promise<PersonRef> {
  return toPersonRef(await getMe(t.storeAs(alias).ctx));
}

/**
 * The tab's board and My work routes inside the app's real providers, talking to
 * the test's local Graph as `alias`. The address bar is shown as an `output`, so
 * tests can read what the URL says.
 */
export function renderTab(
  t: TestGraph,
  options: { path: string; alias: string; person: PersonRef; role: SiteRole },
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const getToken = async () => t.graph.tokenFor(options.alias);
  return render(
    <TeamsProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[options.path]}>
          <StoreProvider graphBaseUrl={t.graph.graphBaseUrl} siteId="root" getToken={getToken}>
            <SessionProvider person={options.person} role={options.role}>
              <AddressBar />
              <Routes>
                <Route path="/plans/:planId/priorities/:priorityId" element={<BoardRoute />} />
                <Route path="/my-work" element={<MyWorkPage />} />
                <Route path="*" element={<p>Somewhere else in the tab</p>} />
              </Routes>
            </SessionProvider>
          </StoreProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </TeamsProvider>,
  );
}

function BoardRoute() {
  const { planId = '', priorityId = '' } = useParams();
  return <BoardPage key={`${planId}/${priorityId}`} planId={planId} priorityId={priorityId} />;
}

function AddressBar() {
  const location = useLocation();
  return <output aria-label="Address">{`${location.pathname}${location.search}`}</output>;
}
