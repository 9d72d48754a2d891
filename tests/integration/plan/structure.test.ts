import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAction, makePlan, type Action, type Stored } from '../../../src/domain';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';
import { provisionSite } from '../../../src/graph/provision';
import { ConflictError, ValidationError } from '../../../src/plan/errors';
import { addAction, editAction } from '../../../src/plan/structure/actions';
import { moveItem, setArchived } from '../../../src/plan/structure/arrange';
import { addFocusArea, editFocusArea } from '../../../src/plan/structure/focus-areas';
import { loadPlanStructure, type PlanStructureData } from '../../../src/plan/structure/load';
import { structureMutation } from '../../../src/plan/structure/mutations';
import { addPriority, editPriority } from '../../../src/plan/structure/priorities';
import { addWeakness, editWeakness } from '../../../src/plan/structure/weaknesses';
import { createPlanOnSite } from '../../../src/plan/tab-setup';
import { startTestGraph, type TestGraph } from '../support/local-graph';

/** Requests the officer's store sends, by URL path, to count round trips and batches. */
function recordingStore(t: TestGraph): { store: PlanStore; requests: string[] } {
  const requests: string[] = [];
  const client = t.clientAs('officer', { onHttpRequest: (url) => requests.push(new URL(url).pathname) });
  return { store: createPlanStore({ client, siteId: 'root' }), requests };
}

const references = (data: PlanStructureData) => ({
  priorities: data.priorities.map((p) => `${p.number} ${p.label}${p.archived ? ' (archived)' : ''}`),
  focusAreas: data.focusAreas.map((f) => `${f.reference} ${f.title}${f.archived ? ' (archived)' : ''}`),
  actions: data.actions.map((a) => `${a.reference} ${a.text}${a.archived ? ' (archived)' : ''}`),
});

describe('the plan’s structure, kept by the programme officer', () => {
  let t: TestGraph;
  let officer: PlanStore;
  beforeAll(async () => {
    t = await startTestGraph();
    officer = t.storeAs('officer');
    await provisionSite(officer.ctx);
  });
  afterAll(() => t.close());

  /** A plan of its own for each test: two areas of weakness, two priorities with focus areas and actions. */
  async function aPlan(title: string) {
    const { id: _id, ...draft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
    const plan = await officer.plans.create(draft);
    const load = () => loadPlanStructure(officer, plan.id);
    await addWeakness(officer, await load(), { number: 1, finding: 'No joint commissioning strategy' });
    await addWeakness(officer, await load(), { number: '2', finding: 'Weak EHC plans' });
    const p1 = await addPriority(officer, await load(), {
      number: 1,
      title: 'Joint commissioning',
      weaknessNumbers: [1],
    });
    const p2 = await addPriority(officer, await load(), {
      number: 2,
      title: 'EHC plans',
      weaknessNumbers: [2],
    });
    for (const [priority, titles] of [
      [p1, ['Strategy', 'JSNA']],
      [p2, ['Quality']],
    ] as const) {
      for (const focusTitle of titles) {
        const focusArea = await addFocusArea(officer, await load(), priority.id, { title: focusTitle });
        for (const text of ['First', 'Second']) {
          await addAction(
            officer,
            await load(),
            { priorityId: priority.id, focusAreaId: focusArea.id },
            { text: `${focusTitle}: ${text}` },
          );
        }
      }
    }
    return { planId: plan.id, load };
  }

  it('creates a plan with its title, local area, inspection date and rating scale', async () => {
    const plan = await createPlanOnSite(officer, {
      title: 'SEND WSoA 2026',
      localArea: 'Testshire',
      inspectionDate: '23 Nov 2026',
      scaleId: 'ralgc',
    });
    expect(await officer.plans.get(plan.id)).toMatchObject({
      title: 'SEND WSoA 2026',
      localArea: 'Testshire',
      inspectionDate: '2026-11-23',
      scaleId: 'ralgc',
      planType: 'Written Statement of Action',
    });
  });

  it('refuses a plan whose inspection date it cannot read, and writes nothing', async () => {
    const { store, requests } = recordingStore(t);
    const attempt = createPlanOnSite(store, {
      title: 'Plan',
      localArea: 'Testshire',
      inspectionDate: '31/02/2026',
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      issues: [{ field: 'inspectionDate', message: '"31/02/2026" is not a real date' }],
    });
    expect(requests).toEqual([]);
  });

  it('adds each part where it belongs: references by position, labels as the plan writes them', async () => {
    const { load } = await aPlan('adding');
    const data = await load();
    expect(data.weaknesses.map((w) => [w.number, w.finding])).toEqual([
      [1, 'No joint commissioning strategy'],
      [2, 'Weak EHC plans'],
    ]);
    expect(data.priorities.map((p) => [p.number, p.label, p.title, p.weaknessNumbers])).toEqual([
      [1, 'Priority 1', 'Joint commissioning', [1]],
      [2, 'Priority 2', 'EHC plans', [2]],
    ]);
    expect(references(data)).toEqual({
      priorities: ['1 Priority 1', '2 Priority 2'],
      focusAreas: ['1.1 Strategy', '1.2 JSNA', '2.1 Quality'],
      actions: [
        '1.1.1 Strategy: First',
        '1.1.2 Strategy: Second',
        '1.2.1 JSNA: First',
        '1.2.2 JSNA: Second',
        '2.1.1 Quality: First',
        '2.1.2 Quality: Second',
      ],
    });
    // A new action starts yet to start, with no lead, and its due date as typed.
    const priority = data.priorities[1];
    const focusArea = data.focusAreas[2];
    if (!priority || !focusArea) throw new Error('Expected the plan to hold priority 2 and focus area 2.1');
    const added = await addAction(
      officer,
      data,
      { priorityId: priority.id, focusAreaId: focusArea.id },
      {
        text: 'Audit EHC plans',
        successMeasures: '90% good',
        governanceForum: 'WSOA Group',
        dueDate: 'Dec 2026',
      },
    );
    expect(added).toMatchObject({
      reference: '2.1.3',
      status: 'purple',
      lead: null,
      dueDate: '2026-12-31',
      dueDatePrecision: 'month',
      successMeasures: '90% good',
      governanceForum: 'WSOA Group',
      archived: false,
    });
  });

  it('reads the whole structure, archived items too, in one request', async () => {
    const { planId, load } = await aPlan('one read');
    const before = await load();
    const action = before.actions[0];
    if (!action) throw new Error('Expected an action');
    await setArchived(officer, before, { kind: 'action', id: action.id }, true);
    const { store, requests } = recordingStore(t);
    const data = await loadPlanStructure(store, planId);
    expect(requests).toEqual(['/v1.0/$batch']);
    expect(data.actions.find((a) => a.id === action.id)?.archived).toBe(true);
    expect(data.actions).toHaveLength(6);
  });

  it.each([
    [
      'a priority without a title',
      (data: PlanStructureData) => addPriority(officer, data, { number: 3, title: ' ' }),
      { field: 'title', message: 'Priority title is required' },
    ],
    [
      'a priority with a number already taken',
      (data: PlanStructureData) => addPriority(officer, data, { number: 2, title: 'Another' }),
      { field: 'number', message: 'Priority 2 already exists: choose another number' },
    ],
    [
      'a priority answering an area of weakness the plan does not have',
      (data: PlanStructureData) =>
        addPriority(officer, data, { number: 3, title: 'x', weaknessNumbers: [9] }),
      { field: 'weaknessNumbers', message: 'There is no area of weakness 9 in this plan' },
    ],
    [
      'an area of weakness numbered in words',
      (data: PlanStructureData) => addWeakness(officer, data, { number: 'three', finding: 'x' }),
      { field: 'number', message: 'Area number must be a whole number, such as 3' },
    ],
    [
      'an action due on a date that does not exist',
      (data: PlanStructureData) =>
        editAction(officer, data, data.actions[0]?.id ?? '', { text: 'x', dueDate: '30 Feb 2027' }),
      { field: 'dueDate', message: '"30 Feb 2027" is not a real date' },
    ],
    [
      'a focus area without a title',
      (data: PlanStructureData) => editFocusArea(officer, data, data.focusAreas[0]?.id ?? '', { title: '' }),
      { field: 'title', message: 'Focus area title is required' },
    ],
  ])('refuses %s with a message on the field, and writes nothing', async (_what, command, issue) => {
    const { load } = await aPlan('refusals');
    const before = await load();
    const attempt = command(before);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ issues: [issue] });
    const after = await load();
    expect(references(after)).toEqual(references(before));
    expect(after.weaknesses).toEqual(before.weaknesses);
  });

  it('moves a priority down: numbers, labels and every reference below follow', async () => {
    const { load } = await aPlan('move priority');
    const before = await load();
    const p1 = before.priorities[0];
    if (!p1) throw new Error('Expected priority 1');
    await moveItem(officer, before, { kind: 'priority', id: p1.id }, 1);
    expect(references(await load())).toEqual({
      priorities: ['1 Priority 1', '2 Priority 2'],
      focusAreas: ['1.1 Quality', '2.1 Strategy', '2.2 JSNA'],
      actions: [
        '1.1.1 Quality: First',
        '1.1.2 Quality: Second',
        '2.1.1 Strategy: First',
        '2.1.2 Strategy: Second',
        '2.2.1 JSNA: First',
        '2.2.2 JSNA: Second',
      ],
    });
    const after = await load();
    expect(after.priorities.map((p) => p.title)).toEqual(['EHC plans', 'Joint commissioning']);
  });

  it('renumbers more than 20 items in several batches of 20, each PATCH with If-Match', async () => {
    const { load } = await aPlan('many');
    const seed = await load();
    const p1 = seed.priorities[0];
    const f11 = seed.focusAreas[0];
    if (!p1 || !f11) throw new Error('Expected priority 1 and focus area 1.1');
    const drafts = Array.from({ length: 20 }, (_, i) => {
      const { id: _id, ...draft } = makeAction({
        id: 'n',
        planId: p1.planId,
        priorityId: p1.id,
        focusAreaId: f11.id,
        reference: `1.1.${i + 3}`,
        text: `Extra ${i + 3}`,
      });
      return draft;
    });
    await officer.actions.createMany(drafts);
    const before = await load();
    const { store, requests } = recordingStore(t);
    await moveItem(store, before, { kind: 'priority', id: p1.id }, 1);
    // 2 priorities, 3 focus areas and 26 actions change: 31 PATCHes, two batches.
    expect(requests).toEqual(['/v1.0/$batch', '/v1.0/$batch']);
    const after = await load();
    expect(after.actions.filter((a) => a.reference.startsWith('2.1.'))).toHaveLength(22);
    expect(after.actions.find((a) => a.text === 'Extra 22')?.reference).toBe('2.1.22');
  });

  it('moves an action within its focus area; an archived sibling keeps its reference', async () => {
    const { load } = await aPlan('move action');
    const data = await load();
    const [first, second] = data.actions;
    const f11 = data.focusAreas[0];
    const p1 = data.priorities[0];
    if (!first || !second || !f11 || !p1) throw new Error('Expected the plan’s first actions');
    const third = await addAction(
      officer,
      data,
      { priorityId: p1.id, focusAreaId: f11.id },
      { text: 'Third' },
    );
    await setArchived(officer, await load(), { kind: 'action', id: second.id }, true);
    await moveItem(officer, await load(), { kind: 'action', id: third.id }, -1);
    const after = await load();
    expect(
      after.actions.filter((a) => a.focusAreaId === f11.id).map((a) => `${a.reference} ${a.text}`),
    ).toEqual(['1.1.1 Third', '1.1.2 Strategy: Second', '1.1.3 Strategy: First']);
  });

  it('a new item never takes the number of an archived one', async () => {
    const { load } = await aPlan('never reused');
    const p2 = (await load()).priorities[1];
    if (!p2) throw new Error('Expected priority 2');
    await setArchived(officer, await load(), { kind: 'priority', id: p2.id }, true);
    const next = await addPriority(officer, await load(), { number: 3, title: 'Transitions' });
    expect(next).toMatchObject({ number: 3, label: 'Priority 3' });
    await expect(addPriority(officer, await load(), { number: 2, title: 'Reuse' })).rejects.toMatchObject({
      issues: [
        {
          field: 'number',
          message:
            'Priority 2 already exists (archived, and numbers are never reused): choose another number',
        },
      ],
    });
  });

  it('renumbers a priority by editing it, and an area of weakness: links and references follow', async () => {
    const { load } = await aPlan('edit numbers');
    const data = await load();
    const [p1] = data.priorities;
    const [w1] = data.weaknesses;
    if (!p1 || !w1) throw new Error('Expected priority 1 and area of weakness 1');
    await editPriority(officer, data, p1.id, {
      number: '5',
      label: p1.label,
      title: 'Joint commissioning 0 to 25',
      weaknessNumbers: [1, 2],
    });
    await editWeakness(officer, await load(), w1.id, { number: 7, finding: w1.finding });
    const after = await load();
    expect(after.priorities.map((p) => [p.number, p.label, p.title, p.weaknessNumbers])).toEqual([
      [2, 'Priority 2', 'EHC plans', [2]],
      [5, 'Priority 5', 'Joint commissioning 0 to 25', [2, 7]],
    ]);
    expect(references(after).focusAreas).toEqual(['2.1 Quality', '5.1 Strategy', '5.2 JSNA']);
    expect(after.actions.map((a) => a.reference)).toContain('5.2.2');
  });

  it('on a conflict puts back what was saved, and says so with the typed conflict error', async () => {
    const { load } = await aPlan('conflict');
    const stale = await load();
    const [p1] = stale.priorities;
    const someoneElses = stale.actions.find((a) => a.reference === '2.1.2') as Stored<Action>;
    // Someone edits an action the move would renumber, after the officer read the structure.
    await t.storeAs('priority-lead').actions.update(someoneElses, { text: 'Reworded elsewhere' });
    await expect(moveItem(officer, stale, { kind: 'priority', id: p1?.id ?? '' }, 1)).rejects.toBeInstanceOf(
      ConflictError,
    );
    const after = await load();
    expect(references(after)).toEqual({
      ...references(stale),
      actions: references(stale).actions.map((a) =>
        a === '2.1.2 Quality: Second' ? '2.1.2 Reworded elsewhere' : a,
      ),
    });
  });

  it('as the tab’s mutation, a conflict comes back with the structure as it is now', async () => {
    const { planId, load } = await aPlan('mutation conflict');
    const stale = await load();
    const [p1] = stale.priorities;
    if (!p1) throw new Error('Expected priority 1');
    await officer.priorities.update(p1, { title: 'Changed meanwhile' });
    const mutation = structureMutation(officer, new QueryClient(), planId);
    const outcome = await mutation.mutationFn({
      do: 'archive',
      data: stale,
      target: { kind: 'priority', id: p1.id },
    });
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind !== 'conflict') return;
    expect(outcome.latest.priorities[0]).toMatchObject({ title: 'Changed meanwhile', archived: false });
  });

  it('archives and restores, keeping the item and its reference', async () => {
    const { load } = await aPlan('archive');
    const data = await load();
    const focusArea = data.focusAreas[1];
    if (!focusArea) throw new Error('Expected focus area 1.2');
    await setArchived(officer, data, { kind: 'focusArea', id: focusArea.id }, true);
    expect((await load()).focusAreas[1]).toMatchObject({ reference: '1.2', archived: true });
    await expect(
      addAction(
        officer,
        await load(),
        { priorityId: focusArea.priorityId, focusAreaId: focusArea.id },
        { text: 'x' },
      ),
    ).rejects.toMatchObject({
      issues: [{ field: '', message: 'The focus area is archived: restore it first' }],
    });
    await setArchived(officer, await load(), { kind: 'focusArea', id: focusArea.id }, false);
    expect((await load()).focusAreas[1]).toMatchObject({ reference: '1.2', archived: false });
  });
});
