import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAction, makeMilestone, makePlan, makePriority, type PersonRef } from '../../../src/domain';
import { QueryClient } from '@tanstack/react-query';
import { changeRating, ratingChangeMutation } from '../../../src/plan/rating-change';
import { completeMilestone, moveMilestone } from '../../../src/plan/milestones';
import { ConflictError, ReadOnlyError } from '../../../src/graph/errors';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { loadActionDetail } from '../../../src/plan/action-detail';
import { loadMyWork } from '../../../src/plan/my-work';
import { startTestGraph, type TestGraph } from '../support/local-graph';

const hannah: PersonRef = {
  entraId: 'a601063b-5771-42e1-9e5f-9cbc7e320f9e',
  upn: 'hannah.whitfield@demo.localarea.example',
  displayName: 'Hannah Whitfield',
  agency: 'Leicestershire County Council',
};

describe('changes recorded with their history, in one batch', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
  });
  afterAll(() => t.close());

  async function anAction(title: string) {
    const officer = t.storeAs('officer');
    const { id: _p, ...planDraft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
    const plan = await officer.plans.create(planDraft);
    const { id: _q, ...priorityDraft } = makePriority({
      id: 'n',
      planId: plan.id,
      number: 1,
      title: 'Joint commissioning',
    });
    const priority = await officer.priorities.create(priorityDraft);
    const ids = { planId: plan.id, priorityId: priority.id };
    const { id: _id, ...draft } = makeAction({
      id: 'n',
      ...ids,
      reference: '1.2.3',
      text: 'Publish the JSNA',
      lead: hannah,
    });
    const action = await officer.actions.create(draft);
    const { id: _m, ...milestone } = makeMilestone({
      id: 'n',
      ...ids,
      actionId: action.id,
      title: 'Draft to board',
      dueDate: '2026-12-01',
    });
    return { action, milestone: await officer.milestones.create(milestone) };
  }

  it('a rating change through the mutation reads back exactly as it was written, to the whole second', async () => {
    // SharePoint keeps date-times to the second (local Graph: see tests/integration/localgraph): a
    // value written with milliseconds would come back different, a change where there is none.
    const { action } = await anAction('whole seconds');
    const store = t.storeAs('lead');
    const mutation = ratingChangeMutation(store, new QueryClient(), hannah);
    const outcome = await mutation.mutationFn({ action, toRating: 'green', note: 'On track' });
    if (outcome.kind !== 'saved') throw new Error('Expected the change to save');
    expect(outcome.result.value.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const detail = await loadActionDetail(store, action.id);
    expect(detail.action.updatedAt).toBe(outcome.result.value.updatedAt);
    expect(detail.updates[0]?.at).toBe(outcome.result.update.at);
    expect(detail.action.etag).toBe(outcome.result.value.etag);
  });

  it('changes a rating and records who, when, from, to and the note', async () => {
    const { action } = await anAction('rating');
    const store = t.storeAs('lead');
    const result = await changeRating(store, {
      action,
      toRating: 'green',
      note: 'Workshop held with partners',
      author: hannah,
      at: '2026-11-23T10:00:00Z',
    });
    expect(result.value).toMatchObject({ status: 'green', updatedAt: '2026-11-23T10:00:00Z' });

    const detail = await loadActionDetail(store, action.id);
    expect(detail.action.status).toBe('green');
    expect(detail.action.etag).toBe(result.value.etag);
    expect(detail.updates).toHaveLength(1);
    expect(detail.updates[0]).toMatchObject({
      fromRating: 'purple',
      toRating: 'green',
      note: 'Workshop held with partners',
      kind: 'rating',
    });
    expect(detail.updates[0]?.author.upn).toBe(hannah.upn);
  });

  it('on a conflict changes nothing and leaves no history behind', async () => {
    const { action } = await anAction('conflict');
    await changeRating(t.storeAs('officer'), {
      action,
      toRating: 'amber',
      note: 'First',
      author: hannah,
      at: '2026-11-23T10:00:00Z',
    });
    await expect(
      changeRating(t.storeAs('lead'), {
        action,
        toRating: 'blue',
        note: 'Stale',
        author: hannah,
        at: '2026-11-23T10:05:00Z',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const updates = await t
      .storeAs('officer')
      .progressUpdates.query({ filter: fieldEq('ActionId', action.id) }, []);
    expect(updates.map((u) => u.note)).toEqual(['First']);
    expect((await t.storeAs('officer').actions.get(action.id)).status).toBe('amber');
  });

  it("refuses a visitor's change as read-only and records nothing", async () => {
    const { action } = await anAction('visitor');
    await expect(
      changeRating(t.storeAs('chair'), {
        action,
        toRating: 'green',
        note: '',
        author: hannah,
        at: '2026-11-23T10:00:00Z',
      }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    expect(
      await t.storeAs('officer').progressUpdates.query({ filter: fieldEq('ActionId', action.id) }, []),
    ).toEqual([]);
  });

  it('moves a milestone only with a reason kept on the milestone and in the history, and completes it', async () => {
    const { action, milestone } = await anAction('milestone');
    const store = t.storeAs('lead');
    const moved = await moveMilestone(store, {
      milestone,
      action,
      to: '2027-01-15',
      reason: 'Board meeting moved',
      author: hannah,
      at: '2026-11-23T11:00:00Z',
    });
    expect(moved.value.dueDate).toBe('2027-01-15');
    expect(moved.value.dateChanges).toEqual([
      {
        from: '2026-12-01',
        to: '2027-01-15',
        reason: 'Board meeting moved',
        changedBy: 'Hannah Whitfield',
        changedAt: '2026-11-23T11:00:00Z',
      },
    ]);
    await expect(
      moveMilestone(store, {
        milestone: moved.value,
        action,
        to: '2027-02-01',
        reason: '  ',
        author: hannah,
        at: '2026-11-23T11:05:00Z',
      }),
    ).rejects.toThrow(/Reason for the change is required/);

    const done = await completeMilestone(store, {
      milestone: moved.value,
      action,
      on: '2026-11-23',
      author: hannah,
      at: '2026-11-23T12:00:00Z',
    });
    expect(done.value.completedOn).toBe('2026-11-23');
    const detail = await loadActionDetail(store, action.id);
    expect(detail.updates.map((u) => u.note)).toEqual([
      'Milestone "Draft to board" completed on 23 Nov 2026',
      'Milestone "Draft to board" moved from 1 Dec 2026 to 15 Jan 2027: Board meeting moved',
    ]);
  });

  it("gathers a person's actions and milestones across plans", async () => {
    await anAction('mine-1');
    await anAction('mine-2');
    const work = await loadMyWork(t.storeAs('lead'), hannah.upn);
    expect(work.actions.length).toBeGreaterThanOrEqual(2);
    expect(work.actions.every((a) => a.lead?.upn === hannah.upn)).toBe(true);
    const actionIds = new Set(work.actions.map((a) => a.id));
    expect(work.milestones.length).toBeGreaterThanOrEqual(2);
    expect(work.milestones.every((m) => actionIds.has(m.actionId))).toBe(true);
  });
});
