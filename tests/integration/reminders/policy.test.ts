import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReminderPolicy } from '../../../src/domain/reminders';
import { ConflictError, ReadOnlyError, ValidationError } from '../../../src/graph/errors';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore } from '../../../src/graph/store';
import { readReminderPolicy, saveReminderPolicy } from '../../../src/plan/reminders/policy';
import { startTestGraph, type TestGraph } from '../support/local-graph';
import { channelRefs, writePlan, type WrittenPlan } from './fixture';

let t: TestGraph;
let plan: WrittenPlan;
const ctxAs = (person: string) => createPlanStore({ client: t.clientAs(person), siteId: 'root' });

beforeAll(async () => {
  t = await startTestGraph();
  await provisionSite(ctxAs('officer').ctx);
  plan = await writePlan(t.storeAs('officer'), 'Policy plan');
});
afterAll(() => t.close());

describe('the reminder policy stored with the plan', () => {
  it('is the standard policy until the plan has its own', async () => {
    const stored = await readReminderPolicy(ctxAs('chair'), plan.planId);
    expect(stored).toMatchObject({ planTitle: 'Policy plan', stored: false, issues: [] });
    expect(stored.policy).toEqual(defaultReminderPolicy());
  });

  it('saves with If-Match and reads back what was saved, defaults filled in', async () => {
    const ctx = ctxAs('officer');
    const before = await readReminderPolicy(ctx, plan.planId);
    const saved = await saveReminderPolicy(ctx, before, {
      channels: channelRefs(),
      defaultChannel: 'leads',
      milestones: { daysBefore: [10, 3] },
    });
    expect(saved.etag).not.toBe(before.etag);
    const after = await readReminderPolicy(ctxAs('lead'), plan.planId);
    expect(after).toMatchObject({ stored: true, etag: saved.etag });
    expect(after.policy?.milestones).toEqual({ daysBefore: [10, 3], onDueDate: true, overdueEveryDays: 7 });
    expect(after.policy?.defaultChannel).toBe('leads');
  });

  it('refuses a stale eTag and changes nothing', async () => {
    const ctx = ctxAs('officer');
    const stale = await readReminderPolicy(ctx, plan.planId);
    await saveReminderPolicy(ctx, stale, { channels: channelRefs(), defaultChannel: 'board' });
    await expect(saveReminderPolicy(ctx, stale, { enabled: false })).rejects.toBeInstanceOf(ConflictError);
    expect((await readReminderPolicy(ctx, plan.planId)).policy?.enabled).toBe(true);
  });

  it('refuses an invalid policy with a message per field, before writing', async () => {
    const ctx = ctxAs('officer');
    const current = await readReminderPolicy(ctx, plan.planId);
    const failure = saveReminderPolicy(ctx, current, {
      defaultChannel: 'nowhere',
      escalation: { afterDaysOverdue: 0 },
    });
    await expect(failure).rejects.toBeInstanceOf(ValidationError);
    await expect(failure).rejects.toMatchObject({
      issues: [
        { field: 'escalation.afterDaysOverdue', message: 'Escalation must be at least 1 day' },
        {
          field: 'defaultChannel',
          message: 'The default channel is "nowhere", which is not one of the plan\'s channels',
        },
      ],
    });
    expect((await readReminderPolicy(ctx, plan.planId)).etag).toBe(current.etag);
  });

  it('lets a board chair read it but not change it', async () => {
    const ctx = ctxAs('chair');
    const current = await readReminderPolicy(ctx, plan.planId);
    await expect(saveReminderPolicy(ctx, current, {})).rejects.toBeInstanceOf(ReadOnlyError);
  });

  it('reports a stored policy that is not JSON rather than using defaults in its place', async () => {
    const ctx = ctxAs('officer');
    await ctx.ctx.client.call(
      {
        method: 'PATCH',
        path: `/sites/root/lists/WSoA%20Plans/items/${plan.planId}/fields`,
        body: { ReminderPolicy: '{not json' },
      },
      'Breaking the policy',
    );
    expect(await readReminderPolicy(ctx, plan.planId)).toMatchObject({
      stored: true,
      policy: null,
      issues: [{ field: '', message: 'The stored reminder policy is not valid JSON' }],
    });
  });
});
