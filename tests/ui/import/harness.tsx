import { Route, Routes, useLocation } from 'react-router';
import { makePlan, type Action } from '../../../src/domain';
import { ImportPage } from '../../../src/features/import/ImportPage';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { paths, routes } from '../../../src/ui/paths';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { renderInTab, type Viewer } from '../support/render-in-tab';

export { personFor } from '../support/render-in-tab';

/** A local Graph of the test file's own, with the app's lists provisioned. */
export async function startImportGraph(): Promise<TestGraph> {
  const t = await startTestGraph();
  await provisionSite(t.storeAs('officer').ctx);
  return t;
}

/** An empty plan, made by the programme officer; each test imports into its own. */
export async function anEmptyPlan(t: TestGraph, title: string) {
  const { id: _id, ...plan } = makePlan({ id: 'n', title, localArea: 'Testshire' });
  return t.storeAs('officer').plans.create(plan);
}

/** The plan's actions as the lists hold them, by reference. */
export async function actionsIn(t: TestGraph, planId: string): Promise<Action[]> {
  const actions = await t.storeAs('officer').actions.query({ filter: fieldEq('PlanId', planId) }, []);
  return actions.sort((a, b) => a.reference.localeCompare(b.reference, 'en', { numeric: true }));
}

/** The import page inside the tab; other routes show where a link went. */
export function renderImportPage(t: TestGraph, options: Viewer & { planId: string }) {
  return renderInTab(
    t,
    options,
    <Routes>
      <Route path={routes.importPlan} element={<ImportPage planId={options.planId} />} />
      <Route path="*" element={<Elsewhere />} />
    </Routes>,
    paths.importPlan(options.planId),
  );
}

function Elsewhere() {
  const location = useLocation();
  return <output aria-label="Address">{location.pathname + location.search}</output>;
}

/** A CSV file as a person saves one from Excel. */
export function csvFile(name: string, rows: string[][]): File {
  const quoted = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = rows.map((row) => row.map(quoted).join(',')).join('\r\n');
  return new File([text], name, { type: 'text/csv' });
}
