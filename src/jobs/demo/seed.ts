import type { Action, FocusArea, Milestone, PersonRef, ProgressUpdate } from '../../domain';
import { listUsers, toPersonRef } from '../../graph/people';
import { provisionSite, type ProvisionReport } from '../../graph/provision';
import type { PlanStore } from '../../graph/store';
import { readPlans } from '../../plan/plans';
import { seedDemoCycles } from './demo-cycles';
import { seedDemoReminderPolicy, type DemoPolicyOutcome } from './demo-reminders';
import { buildDemoPlan, DEMO_PLAN_TITLE, type DemoAction, type DemoPeople, type DemoPlan } from './demo-plan';
import { parseWeaknessFindings, parseWsoaSummary } from './parse-wsoa-summary';

/** The demo directory's people, by UPN (the local Graph seeds them; see src/localgraph/people.ts). */
const DEMO_DOMAIN = 'demo.localarea.example';
const DEMO_ROLES = {
  priorityLeads: ['daniel.okafor', 'olivia.grant'],
  actionLead: 'hannah.whitfield',
  others: [
    'tom.hargreaves',
    'aisha.begum',
    'gareth.lloyd',
    'sarah.mitchell',
    'rebecca.cole',
    'james.patel',
    'emma.richardson',
    'michael.turner',
    'claire.dawson',
    'helen.marsh',
  ],
};

export interface SeedSources {
  highlightReport: string;
  revisitReport: string;
}

export interface SeedResult {
  created: boolean;
  planId: string;
  provisioning: ProvisionReport;
  /** Against the local Graph the demo plan's reminders post to the seeded team's channels. */
  reminderPolicy: DemoPolicyOutcome;
  counts: {
    priorities: number;
    focusAreas: number;
    actions: number;
    milestones: number;
    measures: number;
    risks: number;
  };
}

/**
 * Provisions the site and loads the demo plan through the repositories, over HTTP.
 * Idempotent: when the demo plan is already there it only re-runs provisioning.
 */
export async function seedDemo(
  store: PlanStore,
  sources: SeedSources,
  today: string,
  options: { reportingHistory?: boolean } = {},
): Promise<SeedResult> {
  const provisioning = await provisionSite(store.ctx);
  const existing = (await readPlans(store)).plans.find((p) => p.title === DEMO_PLAN_TITLE);
  const zero = { priorities: 0, focusAreas: 0, actions: 0, milestones: 0, measures: 0, risks: 0 };
  if (existing) {
    const reminderPolicy = await seedDemoReminderPolicy(store, existing.id, today);
    return { created: false, planId: existing.id, provisioning, reminderPolicy, counts: zero };
  }

  const people = await resolveDemoPeople(store);
  const demo = buildDemoPlan(
    parseWsoaSummary(sources.highlightReport),
    parseWeaknessFindings(sources.revisitReport),
    people,
    today,
  );
  const counts = await writeDemoPlan(store, demo);
  // Two past boards with their snapshots and the next one; left out for a plan that starts its reporting afresh.
  if (options.reportingHistory ?? true) await seedDemoCycles(store, counts.planId, today);
  const reminderPolicy = await seedDemoReminderPolicy(store, counts.planId, today);
  return { created: true, planId: counts.planId, provisioning, reminderPolicy, counts: counts.counts };
}

async function resolveDemoPeople(store: PlanStore): Promise<DemoPeople> {
  const users = await listUsers(store.ctx);
  const byUpn = new Map(users.map((u) => [u.userPrincipalName.toLowerCase(), toPersonRef(u)]));
  const missing: string[] = [];
  const find = (local: string): PersonRef => {
    const upn = `${local}@${DEMO_DOMAIN}`;
    const person = byUpn.get(upn);
    if (!person) missing.push(upn);
    return person ?? { entraId: upn, upn, displayName: local, agency: '' };
  };
  const people = {
    priorityLeads: DEMO_ROLES.priorityLeads.map(find),
    actionLead: find(DEMO_ROLES.actionLead),
    others: DEMO_ROLES.others.map(find),
  };
  if (missing.length) throw new Error(`The demo people are not in this directory: ${missing.join(', ')}`);
  return people;
}

async function writeDemoPlan(
  store: PlanStore,
  demo: DemoPlan,
): Promise<{ planId: string; counts: SeedResult['counts'] }> {
  const plan = await store.plans.create(demo.plan);
  const planId = plan.id;
  await store.weaknesses.createMany(
    demo.weaknesses.map((finding, i) => ({
      planId,
      number: i + 1,
      finding,
      outcome: 'open' as const,
      archived: false,
    })),
  );
  const priorities = await store.priorities.createMany(
    demo.priorities.map((p) => ({ ...p.priority, planId })),
  );

  const focusDrafts: Omit<FocusArea, 'id'>[] = [];
  demo.priorities.forEach((p, i) => {
    const priorityId = priorities[i]?.id ?? '';
    p.focusAreas.forEach((f) =>
      focusDrafts.push({ planId, priorityId, reference: f.reference, title: f.title, archived: false }),
    );
  });
  const focusAreas = await store.focusAreas.createMany(focusDrafts);

  const actionDrafts: Omit<Action, 'id'>[] = [];
  const actionSources: DemoAction[] = [];
  let focusIndex = 0;
  demo.priorities.forEach((p, i) => {
    const priorityId = priorities[i]?.id ?? '';
    for (const f of p.focusAreas) {
      const focusAreaId = focusAreas[focusIndex++]?.id ?? null;
      for (const a of f.actions) {
        actionDrafts.push({ ...a.action, planId, priorityId, focusAreaId });
        actionSources.push(a);
      }
    }
  });
  const actions = await store.actions.createMany(actionDrafts);

  const milestoneDrafts: Omit<Milestone, 'id'>[] = [];
  const updateDrafts: Omit<ProgressUpdate, 'id'>[] = [];
  actions.forEach((action, i) => {
    const source = actionSources[i];
    if (!source) return;
    const ids = { planId, priorityId: action.priorityId, actionId: action.id };
    source.milestones.forEach((m) => milestoneDrafts.push({ ...m, ...ids }));
    source.updates.forEach((u) => updateDrafts.push({ ...u, ...ids }));
  });
  await store.milestones.createMany(milestoneDrafts);
  await store.progressUpdates.createMany(updateDrafts);

  let measureCount = 0;
  let riskCount = 0;
  for (const [i, p] of demo.priorities.entries()) {
    const priorityId = priorities[i]?.id ?? null;
    const measures = await store.measures.createMany(
      p.measures.map((m) => ({ ...m.measure, planId, priorityId })),
    );
    measureCount += measures.length;
    await store.measureReadings.createMany(
      measures.flatMap((m, j) =>
        (p.measures[j]?.readings ?? []).map((r) => ({ ...r, planId, measureId: m.id })),
      ),
    );
    riskCount += (await store.risks.createMany(p.risks.map((r) => ({ ...r, planId, priorityId })))).length;
  }
  return {
    planId,
    counts: {
      priorities: priorities.length,
      focusAreas: focusAreas.length,
      actions: actions.length,
      milestones: milestoneDrafts.length,
      measures: measureCount,
      risks: riskCount,
    },
  };
}
