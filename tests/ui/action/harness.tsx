import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import {
  makeAction,
  makeMilestone,
  makePlan,
  makePriority,
  type Action,
  type PersonRef,
} from '../../../src/domain';
import type { Stored } from '../../../src/graph/mapping';
import { getMe, toPersonRef } from '../../../src/graph/people';
import { provisionSite } from '../../../src/graph/provision';
import { ActionPage } from '../../../src/features/action/ActionPage';
import { StoreProvider } from '../../../src/shared/data/store-context';
import { paths } from '../../../src/shared/paths';
import { SessionProvider, type SiteRole } from '../../../src/shared/session';
import { TeamsProvider } from '../../../src/teams/TeamsProvider';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';

// Every read and write is a real HTTP round trip to the local Graph, with other test files running alongside.
configure({ asyncUtilTimeout: 5000 });

/**
 * jsdom has no layout, so no ResizeObserver; Fluent's MessageBar and Dialog
 * observe sizes to reflow. One that never reports is all they need here.
 */
class StillResizeObserver implements ResizeObserver {
  constructor(_callback: ResizeObserverCallback) {}
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
for (const win of [window, document.defaultView]) {
  if (win && typeof win.ResizeObserver === 'undefined') win.ResizeObserver = StillResizeObserver;
}

/** A local Graph of the test file's own, with the app's lists provisioned. */
export async function startActionGraph(): Promise<TestGraph> {
  const t = await startTestGraph();
  await provisionSite(t.storeAs('officer').ctx);
  return t;
}

export async function personFor(t: TestGraph, alias: string): Promise<PersonRef> {
  return toPersonRef(await getMe(t.storeAs(alias).ctx));
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

/** The action page inside the app's real providers, talking to the test's local Graph as `alias`. */
export function renderActionPage(
  t: TestGraph,
  options: { action: Stored<Action>; alias: string; person: PersonRef; role: SiteRole },
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const getToken = async () => t.graph.tokenFor(options.alias);
  return render(
    <TeamsProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[paths.action(options.action.id)]}>
          <StoreProvider graphBaseUrl={t.graph.graphBaseUrl} siteId="root" getToken={getToken}>
            <SessionProvider person={options.person} role={options.role}>
              <Routes>
                <Route path="/actions/:actionId" element={<ActionPage actionId={options.action.id} />} />
                <Route path="*" element={<p>Somewhere else in the tab</p>} />
              </Routes>
            </SessionProvider>
          </StoreProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </TeamsProvider>,
  );
}
