import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { londonDate } from '../../../src/domain';
import { BoardPage } from '../../../src/features/board/BoardPage';
import { MyWorkPage } from '../../../src/features/my-work/MyWorkPage';
import { loadPlanOverview } from '../../../src/plan/overview';
import { seedDemo } from '../../../src/jobs/demo/seed';
import { routes } from '../../../src/ui/paths';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { renderInTab, type Viewer } from '../support/render-in-tab';

export { personFor } from '../support/render-in-tab';

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

/**
 * The tab's board and My work routes, talking to the test's local Graph as
 * `alias`. The address bar is shown as an `output`, so tests can read what the URL says.
 */
export function renderTab(t: TestGraph, options: Viewer & { path: string }) {
  return renderInTab(
    t,
    options,
    <>
      <AddressBar />
      <Routes>
        <Route path={routes.board} element={<BoardRoute />} />
        <Route path="/my-work" element={<MyWorkPage />} />
        <Route path="*" element={<p>Somewhere else in the tab</p>} />
      </Routes>
    </>,
    options.path,
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
