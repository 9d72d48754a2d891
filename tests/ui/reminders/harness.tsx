import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { addDays, londonDate, type PersonRef } from '../../../src/domain';
import type { ReminderPolicyInput } from '../../../src/domain/reminders';
import { getMe, toPersonRef } from '../../../src/graph/people';
import { provisionSite } from '../../../src/graph/provision';
import { readReminderPolicy, saveReminderPolicy } from '../../../src/graph/reminder-policy';
import { StoreProvider } from '../../../src/shared/data/store-context';
import { SessionProvider, type SiteRole } from '../../../src/shared/session';
import { TeamsProvider } from '../../../src/teams/TeamsProvider';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { channelRefs, writePlan, type WrittenPlan } from '../../integration/reminders/fixture';

// Every read and write is a real HTTP round trip to the local Graph, with other test files running alongside.
configure({ asyncUtilTimeout: 8000 });

/** jsdom has no layout: Fluent's MessageBar only needs an observer that never reports. */
class StillResizeObserver implements ResizeObserver {
  constructor(_callback: ResizeObserverCallback) {}
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: StillResizeObserver });

// jsdom has no innerText; the card renderer writes some text through it.
if (!('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}

export async function startReminderGraph(): Promise<TestGraph> {
  const t = await startTestGraph();
  await provisionSite(t.storeAs('officer').ctx);
  return t;
}

/** The fixture plan with its policy stored; with `today`, its milestones fall due around that date. */
export async function aPlan(t: TestGraph, title: string, policy: (plan: WrittenPlan) => ReminderPolicyInput) {
  const officer = t.storeAs('officer');
  const plan = await writePlan(officer, title);
  await saveReminderPolicy(officer.ctx, await readReminderPolicy(officer.ctx, plan.planId), policy(plan));
  return plan;
}

/** Channels, IP2 in its own; weekends not quiet, so the preview has something whatever the day. */
export function standardPolicy(plan: WrittenPlan): ReminderPolicyInput {
  return {
    channels: channelRefs(),
    defaultChannel: 'leads',
    priorityChannels: { [plan.priorityIds[1]]: 'ip2' },
    quietDays: { weekends: false },
  };
}

/** Moves the fixture's milestones so that one of each lead's falls due today (London). */
export async function dueToday(t: TestGraph, planId: string): Promise<void> {
  const officer = t.storeAs('officer');
  const today = londonDate(new Date());
  const milestones = await officer.milestones.query({});
  for (const m of milestones.filter((x) => x.planId === planId)) {
    await officer.milestones.update(m, { dueDate: addDays(today, 0) });
  }
}

export async function personFor(t: TestGraph, alias: string): Promise<PersonRef> {
  return toPersonRef(await getMe(t.storeAs(alias).ctx));
}

/** A page inside the app's real providers, talking to the test's local Graph as `alias`. */
export function renderAs(
  t: TestGraph,
  who: { alias: string; person: PersonRef; role: SiteRole },
  page: ReactNode,
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  const getToken = async () => t.graph.tokenFor(who.alias);
  return render(
    <TeamsProvider>
      <QueryClientProvider client={queryClient}>
        <StoreProvider graphBaseUrl={t.graph.graphBaseUrl} siteId="root" getToken={getToken}>
          <SessionProvider person={who.person} role={who.role}>
            {page}
          </SessionProvider>
        </StoreProvider>
      </QueryClientProvider>
    </TeamsProvider>,
  );
}
