import { Route, Routes, useLocation, useParams } from 'react-router';
import {
  makeAction,
  makeFocusArea,
  makePlan,
  makePriority,
  makeWeakness,
  type Stored,
  type Action,
} from '../../../src/domain';
import { provisionSite } from '../../../src/graph/provision';
import { ActionPage } from '../../../src/features/action/ActionPage';
import { NewPlanPage } from '../../../src/features/structure/NewPlanPage';
import { StructurePage } from '../../../src/features/structure/StructurePage';
import { paths, routes } from '../../../src/ui/paths';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { renderInTab, type Viewer } from '../support/render-in-tab';

export { personFor } from '../support/render-in-tab';

/** A local Graph of the test file's own, with the app's lists provisioned. */
export async function startStructureGraph(): Promise<TestGraph> {
  const t = await startTestGraph();
  await provisionSite(t.storeAs('officer').ctx);
  return t;
}

/**
 * A plan of the test's own, written as the programme officer:
 *   area of weakness 1 (and 2)
 *   Priority 1 "Joint commissioning": 1.1 Strategy [1.1.1, 1.1.2]
 *   Priority 2 "EHC plans": 2.1 Quality [2.1.1]
 */
export async function aPlanIn(t: TestGraph, title = 'Testshire SEND Written Statement of Action') {
  const officer = t.storeAs('officer');
  const { id: _p, ...planDraft } = makePlan({
    id: 'n',
    title,
    localArea: 'Testshire',
    inspectionDate: '2026-11-23',
  });
  const plan = await officer.plans.create(planDraft);
  const planId = plan.id;
  await officer.weaknesses.createMany(
    [
      'The absence of a clearly defined joint commissioning strategy',
      'Weaknesses in the quality of EHC plans',
    ].map((finding, i) => {
      const { id: _w, ...draft } = makeWeakness({ id: 'n', planId, number: i + 1, finding });
      return draft;
    }),
  );
  const priorities = await officer.priorities.createMany(
    [
      [1, 'Joint commissioning'],
      [2, 'EHC plans'],
    ].map(([number, title]) => {
      const { id: _q, ...draft } = makePriority({
        id: 'n',
        planId,
        number: number as number,
        title: title as string,
        weaknessNumbers: [number as number],
      });
      return draft;
    }),
  );
  const [p1, p2] = priorities;
  if (!p1 || !p2) throw new Error('Expected two priorities');
  const focusAreas = await officer.focusAreas.createMany(
    [
      [p1.id, '1.1', 'Strategy'],
      [p2.id, '2.1', 'Quality'],
    ].map(([priorityId = '', reference = '', focusTitle = '']) => {
      const { id: _f, ...draft } = makeFocusArea({
        id: 'n',
        planId,
        priorityId,
        reference,
        title: focusTitle,
      });
      return draft;
    }),
  );
  const [f11, f21] = focusAreas;
  if (!f11 || !f21) throw new Error('Expected two focus areas');
  const actions = await officer.actions.createMany(
    [
      [p1.id, f11.id, '1.1.1', 'Agree the joint commissioning strategy'],
      [p1.id, f11.id, '1.1.2', 'Publish the JSNA'],
      [p2.id, f21.id, '2.1.1', 'Audit EHC plans monthly'],
    ].map(([priorityId = '', focusAreaId = '', reference = '', text = '']) => {
      const { id: _a, ...draft } = makeAction({ id: 'n', planId, priorityId, focusAreaId, reference, text });
      return draft;
    }),
  );
  return { plan, priorities, focusAreas, actions };
}

/**
 * The tab's structure, new plan and action routes, talking to the test's local
 * Graph as `alias`. The address bar is shown as an `output`.
 */
export function renderStructure(t: TestGraph, who: Viewer, path: string) {
  return renderInTab(
    t,
    who,
    <>
      <AddressBar />
      <Routes>
        <Route path={routes.newPlan} element={<NewPlanPage />} />
        <Route path={routes.structure} element={<StructureRoute />} />
        <Route path={routes.action} element={<ActionRoute />} />
        <Route path="*" element={<p>Somewhere else in the tab</p>} />
      </Routes>
    </>,
    path,
  );
}

export function renderActionOf(t: TestGraph, who: Viewer, action: Stored<Action>) {
  return renderStructure(t, who, paths.action(action.id));
}

function StructureRoute() {
  const { planId = '' } = useParams();
  return <StructurePage key={planId} planId={planId} />;
}

function ActionRoute() {
  const { actionId = '' } = useParams();
  return <ActionPage key={actionId} actionId={actionId} />;
}

function AddressBar() {
  const location = useLocation();
  return <output aria-label="Address">{`${location.pathname}${location.search}`}</output>;
}

/** The message a Fluent Field shows for its control. */
export function fieldMessage(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}
