import type { ReactNode } from 'react';
import { addDays, londonDate } from '../../../src/domain';
import type { ReminderPolicyInput } from '../../../src/domain/reminders';
import { provisionSite } from '../../../src/graph/provision';
import { readReminderPolicy, saveReminderPolicy } from '../../../src/plan/reminders/policy';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { channelRefs, writePlan, type WrittenPlan } from '../../integration/reminders/fixture';
import { renderInTab, type Viewer } from '../support/render-in-tab';

export { personFor } from '../support/render-in-tab';

export async function startReminderGraph(): Promise<TestGraph> {
  const t = await startTestGraph();
  await provisionSite(t.storeAs('officer').ctx);
  return t;
}

/** The fixture plan with its policy stored; with `today`, its milestones fall due around that date. */
export async function aPlan(t: TestGraph, title: string, policy: (plan: WrittenPlan) => ReminderPolicyInput) {
  const officer = t.storeAs('officer');
  const plan = await writePlan(officer, title);
  await saveReminderPolicy(officer, await readReminderPolicy(officer, plan.planId), policy(plan));
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
  const milestones = await officer.milestones.query({}, []);
  for (const m of milestones.filter((x) => x.planId === planId)) {
    await officer.milestones.update(m, { dueDate: addDays(today, 0) });
  }
}

/** A page inside the tab, talking to the test's local Graph as `who.alias`. */
export function renderAs(t: TestGraph, who: Viewer, page: ReactNode) {
  return renderInTab(t, who, page);
}
