import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makeMilestone,
  makePlan,
  makePriority,
  type Action,
  type PersonRef,
  type Stored,
} from '../../../src/domain';
import { provisionSite } from '../../../src/graph/provision';
import { loadActionDetail } from '../../../src/plan/action-detail';
import { loadPriorityBoard } from '../../../src/plan/board';
import { NotFoundError } from '../../../src/plan/errors';
import { loadMyWork } from '../../../src/plan/my-work';
import { loadPlanOverview } from '../../../src/plan/overview';
import { loadReminderInputs } from '../../../src/plan/reminders/inputs';
import { loadSitePlans } from '../../../src/plan/tab-setup';
import { startTestGraph, type TestGraph } from '../support/local-graph';

const hannah: PersonRef = {
  entraId: 'a601063b-5771-42e1-9e5f-9cbc7e320f9e',
  upn: 'hannah.whitfield@demo.localarea.example',
  displayName: 'Hannah Whitfield',
  agency: 'Leicestershire County Council',
};

/**
 * Archived parts of a plan are kept, but every view and run that uses the plan
 * leaves them out: the action, or its focus area or priority, archived.
 *
 *   Priority 1: 1.1 [1.1.1, 1.1.2 archived], 1.2 archived [1.2.1]
 *   Priority 2, archived: 2.1 [2.1.1]
 *   Priority 3: own action 3.1
 * Every action is Hannah's and has one milestone due soon.
 */
describe('archived parts of a plan are left out wherever the plan is used', () => {
  let t: TestGraph;
  let planId: string;
  const ids: Record<string, string> = {};
  const actions: Record<string, Stored<Action>> = {};
  const inUse = ['1.1.1', '3.1'];

  beforeAll(async () => {
    t = await startTestGraph();
    const store = t.storeAs('officer');
    await provisionSite(store.ctx);
    const { id: _p, ...planDraft } = makePlan({ id: 'n', title: 'Archive test', localArea: 'Testshire' });
    planId = (await store.plans.create(planDraft)).id;
    for (const [number, archived] of [
      [1, false],
      [2, true],
      [3, false],
    ] as const) {
      const { id: _q, ...draft } = makePriority({
        id: 'n',
        planId,
        number,
        title: `Priority ${number}`,
        archived,
      });
      ids[`p${number}`] = (await store.priorities.create(draft)).id;
    }
    for (const [reference, priority, archived] of [
      ['1.1', 'p1', false],
      ['1.2', 'p1', true],
      ['2.1', 'p2', false],
    ] as const) {
      const priorityId = ids[priority] ?? '';
      const { id: _f, ...draft } = makeFocusArea({
        id: 'n',
        planId,
        priorityId,
        reference,
        title: `Focus ${reference}`,
        archived,
      });
      ids[`f${reference}`] = (await store.focusAreas.create(draft)).id;
    }
    for (const [reference, focus, archived] of [
      ['1.1.1', 'f1.1', false],
      ['1.1.2', 'f1.1', true],
      ['1.2.1', 'f1.2', false],
      ['2.1.1', 'f2.1', false],
      ['3.1', null, false],
    ] as const) {
      const priorityId = ids[`p${reference[0]}`] ?? '';
      const { id: _a, ...draft } = makeAction({
        id: 'n',
        planId,
        priorityId,
        focusAreaId: focus ? (ids[focus] ?? null) : null,
        reference,
        text: `Action ${reference}`,
        lead: hannah,
        status: 'amber',
        archived,
      });
      const action = await store.actions.create(draft);
      actions[reference] = action;
      const { id: _m, ...milestone } = makeMilestone({
        id: 'n',
        planId,
        priorityId,
        actionId: action.id,
        title: `Milestone of ${reference}`,
        dueDate: '2026-12-04',
      });
      await store.milestones.create(milestone);
    }
  });
  afterAll(() => t.close());

  const milestoneTitles = inUse.map((r) => `Milestone of ${r}`);

  it('the overview shows only the priorities, actions and milestones in use, and names no problem', async () => {
    const overview = await loadPlanOverview(t.storeAs('chair'), planId);
    expect(overview.priorities.map((p) => p.number)).toEqual([1, 3]);
    expect(overview.actions.map((a) => a.reference)).toEqual(inUse);
    expect(overview.milestones.map((m) => m.title).sort()).toEqual(milestoneTitles);
    expect(overview.problems).toEqual([]);
  });

  it('a board leaves out archived actions and focus areas, and offers no archived priority', async () => {
    const board = await loadPriorityBoard(t.storeAs('chair'), planId, ids.p1 ?? '');
    expect(board.priorities.map((p) => p.number)).toEqual([1, 3]);
    expect(board.focusAreas.map((f) => f.reference)).toEqual(['1.1']);
    expect(board.actions.map((a) => a.reference)).toEqual(['1.1.1']);
    expect(board.milestones.map((m) => m.title)).toEqual(['Milestone of 1.1.1']);
    expect(board.problems).toEqual([]);
  });

  it('the board of an archived priority says it is archived', async () => {
    await expect(loadPriorityBoard(t.storeAs('chair'), planId, ids.p2 ?? '')).rejects.toThrow(NotFoundError);
    await expect(loadPriorityBoard(t.storeAs('chair'), planId, ids.p2 ?? '')).rejects.toThrow(
      "Priority 2 is archived: restore it in the plan's structure to see its board again",
    );
  });

  it('My work lists only the lead’s actions in use, with their milestones', async () => {
    const work = await loadMyWork(t.storeAs('lead'), hannah.upn);
    expect(work.actions.map((a) => a.reference).sort()).toEqual(inUse);
    expect(work.milestones.map((m) => m.title).sort()).toEqual(milestoneTitles);
  });

  it('a reminder run reads no archived action nor its milestones', async () => {
    const inputs = await loadReminderInputs(t.storeAs('officer'), planId, new Date('2026-12-01T09:00:00Z'));
    expect(inputs.priorities.map((p) => p.number).sort()).toEqual([1, 3]);
    expect(inputs.actions.map((a) => a.reference).sort()).toEqual(inUse);
    expect(inputs.milestones.map((m) => m.title).sort()).toEqual(milestoneTitles);
    expect(inputs.problems).toEqual([]);
  });

  it('the tab’s set-up offers only priorities in use', async () => {
    const site = await loadSitePlans(t.storeAs('officer'));
    const plan = site.plans.find((p) => p.id === planId);
    expect(plan?.priorities.map((p) => p.number)).toEqual([1, 3]);
  });

  it.each([
    ['1.1.1', false],
    ['1.1.2', true],
    ['1.2.1', true],
    ['2.1.1', true],
    ['3.1', false],
  ])('an action opened directly (%s) still shows, marked archived: %s', async (reference, archived) => {
    const detail = await loadActionDetail(t.storeAs('lead'), actions[reference]?.id ?? '');
    expect(detail.action.reference).toBe(reference);
    expect(detail.archived).toBe(archived);
    expect(detail.milestones.map((m) => m.title)).toEqual([`Milestone of ${reference}`]);
  });
});
