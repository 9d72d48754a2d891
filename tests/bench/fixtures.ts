import { makeAction, makeMilestone, makePriority, type Action, type Milestone } from '../../src/domain';
import type { PlanStore } from '../../src/graph/store';

/**
 * A plan of any size written through the repositories: 9 priorities, actions
 * spread across them, and one milestone per action.
 */
export async function writeLargePlan(
  store: PlanStore,
  actionCount: number,
): Promise<{ planId: string; priorityIds: string[] }> {
  const plan = await store.plans.create({
    title: `Bench plan of ${actionCount} actions`,
    planType: 'Written Statement of Action',
    localArea: 'Bench',
    inspectionDate: '2026-01-15',
    status: 'active',
    scaleId: 'bragp',
    columnOrder: null,
    requireProgressNote: true,
    governanceBoard: '',
  });
  const priorities = await store.priorities.createMany(
    Array.from({ length: 9 }, (_, i) => {
      const { id: _id, ...p } = makePriority({
        id: 'new',
        planId: plan.id,
        number: i + 1,
        title: `Priority ${i + 1}`,
      });
      return p;
    }),
  );
  const actions: Omit<Action, 'id'>[] = Array.from({ length: actionCount }, (_, i) => {
    const p = i % priorities.length;
    const n = Math.floor(i / priorities.length);
    const { id: _id, ...a } = makeAction({
      id: 'new',
      planId: plan.id,
      priorityId: priorities[p]?.id ?? '',
      reference: `${p + 1}.${Math.floor(n / 20) + 1}.${(n % 20) + 1}`,
      text: `Action ${i + 1}: agree and publish the local offer update for this workstream`,
      status: ['purple', 'red', 'amber', 'green', 'blue'][i % 5] ?? 'purple',
      dueDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-28`,
      lead: {
        entraId: `lead-${i % 200}`,
        upn: `lead${i % 200}@demo.localarea.example`,
        displayName: `Lead ${i % 200}`,
        agency: 'Bench agency',
      },
      progressNarrative: 'On track: the working group met and the draft is with partners for comment.',
    });
    return a;
  });
  const created = await store.actions.createMany(actions, { concurrency: 8 });
  const milestones: Omit<Milestone, 'id'>[] = created.map((a) => {
    const { id: _id, ...m } = makeMilestone({
      id: 'new',
      planId: plan.id,
      priorityId: a.priorityId,
      actionId: a.id,
      title: `Draft ready for ${a.reference}`,
      dueDate: a.dueDate ?? '2027-01-01',
    });
    return m;
  });
  await store.milestones.createMany(milestones, { concurrency: 8 });
  return { planId: plan.id, priorityIds: priorities.map((p) => p.id) };
}
