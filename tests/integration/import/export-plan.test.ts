import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAction, makeFocusArea, makePlan, makePriority } from '../../../src/domain';
import { provisionSite } from '../../../src/graph/provision';
import type { PlanStore } from '../../../src/graph/store';
import { exportPlanRegister } from '../../../src/plan/import/export-plan';
import { readTables } from '../../../src/plan/import/read-tables';
import { startTestGraph, type TestGraph } from '../support/local-graph';

describe("exporting a plan's action register", () => {
  let t: TestGraph;
  let officer: PlanStore;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite(t.storeAs('officer').ctx);
    officer = t.storeAs('officer');
  });
  afterAll(() => t.close());

  /** Two priorities, one archived; in the other, a focus area archived and an action archived. */
  async function aPlanWithArchivedParts() {
    const { id: _p, ...planDraft } = makePlan({
      id: 'n',
      title: 'Export: Testshire',
      localArea: 'Testshire',
    });
    const plan = await officer.plans.create(planDraft);
    const priority = async (number: number, title: string, archived = false) => {
      const { id: _, ...draft } = makePriority({ id: 'n', planId: plan.id, number, title, archived });
      return officer.priorities.create(draft);
    };
    const first = await priority(1, 'Joint commissioning');
    const gone = await priority(2, 'A priority merged into the first', true);
    const focus = async (reference: string, title: string, archived = false) => {
      const { id: _, ...draft } = makeFocusArea({
        id: 'n',
        planId: plan.id,
        priorityId: first.id,
        reference,
        title,
        archived,
      });
      return officer.focusAreas.create(draft);
    };
    const kept = await focus('1.1', 'Strategy');
    const shelved = await focus('1.2', 'A workstream stopped', true);
    const action = async (
      reference: string,
      ids: { priorityId: string; focusAreaId: string | null },
      archived = false,
    ) => {
      const { id: _, ...draft } = makeAction({
        id: 'n',
        planId: plan.id,
        ...ids,
        reference,
        text: `Action ${reference}`,
        dueDate: '2026-12-31',
        dueDatePrecision: 'month',
        status: 'green',
        archived,
      });
      return officer.actions.create(draft);
    };
    await action('1.1.2', { priorityId: first.id, focusAreaId: kept.id });
    await action('1.1.1', { priorityId: first.id, focusAreaId: kept.id });
    await action('1.1.3', { priorityId: first.id, focusAreaId: kept.id }, true);
    await action('1.2.1', { priorityId: first.id, focusAreaId: shelved.id });
    await action('2.1', { priorityId: gone.id, focusAreaId: null });
    return plan;
  }

  it('writes the actions in use, leaving out what is archived or sits in something archived', async () => {
    const plan = await aPlanWithArchivedParts();
    const { file, problems } = await exportPlanRegister(officer, plan.id, 'csv');
    expect(problems).toEqual([]);
    expect(file.name).toBe('Export- Testshire - action register.csv');
    const [table] = await readTables({ name: file.name, bytes: file.bytes }, { domParser: null });
    expect(table?.rows.map((row) => row.slice(0, 4))).toEqual([
      ['Area of weakness', 'Focus area', 'Reference', 'Action'],
      ['1. Joint commissioning', '1.1 Strategy', '1.1.1', 'Action 1.1.1'],
      ['1. Joint commissioning', '1.1 Strategy', '1.1.2', 'Action 1.1.2'],
    ]);
  });

  it('gives the same rows as a workbook', async () => {
    const plan = await aPlanWithArchivedParts();
    const { file } = await exportPlanRegister(officer, plan.id, 'xlsx');
    expect(file.name.endsWith('.xlsx')).toBe(true);
    const [sheet] = await readTables({ name: file.name, bytes: file.bytes }, { domParser: null });
    expect(sheet?.rows.slice(1).map((row) => [row[2], row[7], row[8]])).toEqual([
      ['1.1.1', 'Dec 2026', 'Good progress'],
      ['1.1.2', 'Dec 2026', 'Good progress'],
    ]);
  });
});
