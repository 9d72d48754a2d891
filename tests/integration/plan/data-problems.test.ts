import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataProblem } from '../../../src/domain';
import type { ColumnSpec } from '../../../src/graph/codecs';
import { itemsPath } from '../../../src/graph/context';
import { LIST_SPECS } from '../../../src/graph/list-specs';
import { LIST_KEYS } from '../../../src/graph/lists';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import type { PlanStore } from '../../../src/graph/store';
import { loadActionDetail } from '../../../src/plan/action-detail';
import { loadPriorityBoard } from '../../../src/plan/board';
import { loadMyWork } from '../../../src/plan/my-work';
import { loadPlanOverview } from '../../../src/plan/overview';
import { readReminderPolicy, saveReminderPolicy } from '../../../src/plan/reminders/policy';
import { runReminders } from '../../../src/plan/reminders/run';
import {
  hannah,
  links,
  policyFor,
  postedCards,
  RUN_AT,
  webhookSender,
  writePlan,
  type WrittenPlan,
} from '../reminders/fixture';
import { startTestGraph, type TestGraph } from '../support/local-graph';

/**
 * The lists are ordinary SharePoint lists: people edit them in SharePoint's grid, in
 * Excel, with flows. Here each kind of edit the app would never make is made through
 * Graph directly; every view and the reminder run carry on, and name each item once.
 */
let t: TestGraph;
let officer: PlanStore;
let plan: WrittenPlan;
const bad = {
  tooLong: '',
  missing: '',
  unknownChoice: '',
  leadWithoutId: '',
  impossibleDate: '',
  orphan: '',
};

/** As if someone changed the Impact column to plain text in SharePoint, so any words go in. */
function withImpactAsText() {
  return LIST_KEYS.map((key) => {
    const spec = LIST_SPECS[key];
    if (key !== 'actions') return spec;
    const columns = spec.columns.map((c): ColumnSpec =>
      c.name === 'ImpactRating' ? { name: c.name, text: { maxLength: 255 } } : c,
    );
    return { ...spec, columns };
  });
}

async function patchFields(list: 'actions' | 'milestones', id: string, fields: Record<string, unknown>) {
  await officer.ctx.client.call(
    { method: 'PATCH', path: `${itemsPath(officer.ctx, list)}/${id}/fields`, body: fields },
    'Editing outside the app',
  );
}

beforeAll(async () => {
  t = await startTestGraph();
  officer = t.storeAs('officer');
  await provisionSite(officer.ctx, withImpactAsText());
  plan = await writePlan(officer, 'Edited outside the app', 2);
  await saveReminderPolicy(officer, await readReminderPolicy(officer, plan.planId), policyFor(plan));
  const actions = await officer.actions.query({ filter: fieldEq('PlanId', plan.planId) }, []);
  const byRef = (reference: string) => actions.find((a) => a.reference === reference)?.id ?? '';
  const action11 = byRef('1.1');
  bad.tooLong = byRef('1.3');
  bad.missing = byRef('1.4');
  bad.unknownChoice = byRef('2.1');
  bad.leadWithoutId = byRef('1.2');
  await patchFields('actions', bad.tooLong, { ActionText: 'x'.repeat(2001) });
  await patchFields('actions', bad.missing, { ActionText: null });
  await patchFields('actions', bad.unknownChoice, { ImpactRating: 'Quite a lot' });
  await patchFields('actions', bad.leadWithoutId, { LeadEntraId: null });
  const [extra, orphan] = await officer.milestones.createMany([
    {
      planId: plan.planId,
      priorityId: plan.priorityIds[0],
      actionId: action11,
      title: 'A milestone moved to an impossible date',
      dueDate: '2027-01-29',
      dueDatePrecision: 'day',
      completedOn: null,
      dateChanges: [],
    },
    {
      planId: plan.planId,
      priorityId: plan.priorityIds[0],
      actionId: 'gone',
      title: 'A milestone whose action was deleted',
      dueDate: '2026-12-16',
      dueDatePrecision: 'day',
      completedOn: null,
      dateChanges: [],
    },
  ]);
  bad.impossibleDate = extra?.id ?? '';
  bad.orphan = orphan?.id ?? '';
  await patchFields('milestones', bad.impossibleDate, {
    DateChanges: JSON.stringify([
      {
        from: '2026-02-31',
        to: '2027-01-29',
        reason: 'Typed in Excel',
        changedBy: 'Someone',
        changedAt: '2026-12-01T10:00:00Z',
      },
    ]),
  });
});
afterAll(() => t.close());

/** Each problem named exactly once, by list and item, with the column at fault. */
function expectNamedOnce(problems: readonly DataProblem[]) {
  const where = problems.map((p) => `${p.list}/${p.itemId}`);
  expect(new Set(where).size).toBe(where.length);
  const of = (id: string) => problems.find((p) => p.itemId === id);
  expect(of(bad.tooLong)).toMatchObject({
    list: 'WSoA Actions',
    columns: ['ActionText'],
    message: expect.stringContaining('at most 2000 characters'),
  });
  expect(of(bad.missing)).toMatchObject({
    columns: ['ActionText'],
    message: expect.stringContaining('required'),
  });
  expect(of(bad.unknownChoice)).toMatchObject({ columns: ['ImpactRating'] });
  expect(of(bad.leadWithoutId)).toMatchObject({
    columns: ['LeadEntraId', 'LeadUpn', 'LeadName', 'LeadAgency'],
    message: expect.stringContaining('Entra object id'),
  });
  expect(of(bad.impossibleDate)).toMatchObject({ list: 'WSoA Milestones', columns: ['DateChanges'] });
  expect(of(bad.orphan)).toMatchObject({ list: 'WSoA Milestones', columns: ['ActionId'] });
  for (const p of problems.filter((p) => p.list === 'WSoA Actions'))
    expect(p.webUrl).toMatch(/DispForm\.aspx\?ID=/);
}

describe('items edited outside the app', () => {
  it('the overview loads, leaves each bad item out and names it once', async () => {
    const overview = await loadPlanOverview(officer, plan.planId);
    expect(overview.problems).toHaveLength(6);
    expectNamedOnce(overview.problems);
    expect(overview.actions.map((a) => a.reference)).toEqual(['1.1']);
    expect(overview.milestones.every((m) => m.actionId !== 'gone')).toBe(true);
  });

  it('each priority’s board loads with the rest of its actions, naming its own problems', async () => {
    const ip1 = await loadPriorityBoard(officer, plan.planId, plan.priorityIds[0]);
    expect(ip1.actions.map((a) => a.reference)).toEqual(['1.1']);
    expect(ip1.problems.map((p) => p.itemId).sort()).toEqual(
      [bad.tooLong, bad.missing, bad.leadWithoutId, bad.impossibleDate, bad.orphan].sort(),
    );
    const ip2 = await loadPriorityBoard(officer, plan.planId, plan.priorityIds[1]);
    expect(ip2.actions).toEqual([]);
    expect(ip2.problems.map((p) => p.itemId)).toEqual([bad.unknownChoice]);
  });

  it('My work and the action page load', async () => {
    const mine = await loadMyWork(t.storeAs('lead'), hannah.upn);
    expect(mine.actions.map((a) => a.reference)).toContain('1.1');
    const action = mine.actions.find((a) => a.reference === '1.1');
    const detail = await loadActionDetail(officer, action?.id ?? '');
    expect(detail.problems.map((p) => p.itemId)).toEqual([bad.impossibleDate]);
  });

  it('an action page of an item that does not fit says what is wrong with it', async () => {
    await expect(loadActionDetail(officer, bad.tooLong)).rejects.toThrow(
      /WSoA Actions item .* at most 2000 characters/,
    );
  });

  it('the reminder run posts everything else and reports each problem once', async () => {
    const report = await runReminders({
      store: officer,
      sender: await webhookSender(t),
      planId: plan.planId,
      now: RUN_AT,
      links,
    });
    const items = report.problems.flatMap((p) => (p.kind === 'item' ? [p] : []));
    expect(items).toHaveLength(6);
    expectNamedOnce(items);
    expect(report.totals.failed).toBe(0);
    expect(report.totals.sent).toBeGreaterThan(0);
    expect(report.reminders.some((r) => r.reference === '1.1')).toBe(true);
    const posted = await postedCards(t);
    expect(posted.leads.length + posted.board.length).toBe(report.totals.sent);
  });
});
