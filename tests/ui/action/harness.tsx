import { Route, Routes } from 'react-router';
import {
  makeAction,
  makeMilestone,
  makePlan,
  makePriority,
  type Action,
  type PersonRef,
} from '../../../src/domain';
import type { Stored } from '../../../src/domain';
import { provisionSite } from '../../../src/graph/provision';
import { ActionPage } from '../../../src/features/action/ActionPage';
import { paths, routes } from '../../../src/ui/paths';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { renderInTab, type Viewer } from '../support/render-in-tab';

export { personFor } from '../support/render-in-tab';

/** A local Graph of the test file's own, with the app's lists provisioned. */
export async function startActionGraph(): Promise<TestGraph> {
  const t = await startTestGraph();
  await provisionSite(t.storeAs('officer').ctx);
  return t;
}

/**
 * A plan with one priority and one action (with two milestones), written through
 * the repositories as the programme officer. Each test makes its own.
 */
export async function anActionIn(t: TestGraph, lead: PersonRef, overrides: Partial<Action> = {}) {
  const officer = t.storeAs('officer');
  const { id: _p, ...planDraft } = makePlan({
    id: 'n',
    title: 'Testshire SEND Written Statement of Action',
    localArea: 'Testshire',
  });
  const plan = await officer.plans.create(planDraft);
  const { id: _q, ...priorityDraft } = makePriority({
    id: 'n',
    planId: plan.id,
    number: 2,
    label: 'Area 2',
    title: 'Quality of EHC plans',
  });
  const priority = await officer.priorities.create(priorityDraft);
  const ids = { planId: plan.id, priorityId: priority.id };
  const { id: _a, ...actionDraft } = makeAction({
    id: 'n',
    ...ids,
    reference: '2.3.1',
    text: 'Audit a sample of EHC plans each month',
    lead,
    governanceForum: 'SEND and Inclusion Board',
    dueDate: '2027-03-31',
    dueDatePrecision: 'month',
    status: 'amber',
    impactRating: 'amber',
    progressNarrative: 'Audit tool agreed with health partners.',
    ...overrides,
  });
  const action = await officer.actions.create(actionDraft);
  const milestones = await officer.milestones.createMany(
    [
      { title: 'Audit tool signed off', dueDate: '2027-01-15' },
      { title: 'First audit report to the board', dueDate: '2027-02-26' },
    ].map(({ title, dueDate }) => {
      const { id: _m, ...draft } = makeMilestone({ id: 'n', ...ids, actionId: action.id, title, dueDate });
      return draft;
    }),
  );
  return { plan, priority, action, milestones };
}

/** The action page inside the tab, talking to the test's local Graph as `alias`. */
export function renderActionPage(t: TestGraph, options: Viewer & { action: Stored<Action> }) {
  return renderInTab(
    t,
    options,
    <Routes>
      <Route path={routes.action} element={<ActionPage actionId={options.action.id} />} />
      <Route path="*" element={<p>Somewhere else in the tab</p>} />
    </Routes>,
    paths.action(options.action.id),
  );
}
