import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan, type Action } from '../../../src/domain';
import { placeKey, type ImportTable } from '../../../src/domain/import';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';
import { itemsPath } from '../../../src/graph/context';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { loadPriorityBoard } from '../../../src/plan/board';
import { previewImport, readImportTarget, rememberImportMapping } from '../../../src/plan/import/import-plan';
import { writeImport, type ImportProgress } from '../../../src/plan/import/import-write';
import { summaryArea1, summaryArea2 } from '../../unit/import/fixtures/leicestershire-2021';
import { startTestGraph, type TestGraph } from '../support/local-graph';

const HEADINGS = ['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Progress update'];

/** A tracker of `count` actions under two areas with three focus areas each. */
function tracker(count: number, edit: (row: string[], i: number) => string[] = (row) => row): ImportTable {
  const rows: string[][] = [HEADINGS];
  for (let i = 0; i < count; i++) {
    const area = (i % 2) + 1;
    const focus = (i % 3) + 1;
    if (i < 6) rows.push([`${area}. Area ${area} of the tracker`]);
    rows.push(
      edit(
        [
          `${area}.${focus}.${Math.floor(i / 6) + 1}`,
          `Action ${i + 1}: review the pathway`,
          i % 4 === 0 ? 'Daniel Okafor' : 'Head of SEND, County Council',
          'Dec 2026',
          'G',
          '',
        ],
        i,
      ),
    );
  }
  return { name: 'Tracker', rows };
}

describe('importing a plan through the lists', () => {
  let t: TestGraph;
  let officer: PlanStore;
  let requests: string[];

  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite({ client: t.clientAs('officer'), siteId: 'root' });
    requests = [];
    officer = createPlanStore({
      client: t.clientAs('officer', { onHttpRequest: (url) => requests.push(url) }),
      siteId: 'root',
    });
  });
  afterAll(() => t.close());

  async function aPlan(title: string) {
    const { id: _id, ...plan } = makePlan({ id: 'n', title, localArea: 'Testshire' });
    return officer.plans.create(plan);
  }

  async function actionsOf(planId: string): Promise<Action[]> {
    return officer.actions.query({ filter: fieldEq('PlanId', planId) }, []);
  }

  async function importInto(
    planId: string,
    tables: ImportTable[],
    options: Parameters<typeof writeImport>[3] = {},
  ) {
    const target = await readImportTarget(officer, planId);
    const preview = await previewImport(officer, target, tables);
    const summary = await writeImport(officer, target, preview.changes, options);
    return { target, preview, summary };
  }

  it('writes a real plan’s tables and its board shows them', async () => {
    const plan = await aPlan('Leicestershire import');
    const { preview, summary } = await importInto(plan.id, [summaryArea1, summaryArea2]);

    const writable = preview.draft.actions.filter((a) => !a.problems.some((p) => p.severity === 'error'));
    expect(writable.length).toBeGreaterThan(10);
    expect(summary.failed).toEqual([]);
    expect(summary.created.filter((c) => c.what === 'action')).toHaveLength(writable.length);
    const stored = await actionsOf(plan.id);
    expect(stored.map((a) => a.reference).sort()).toEqual(writable.map((a) => a.reference).sort());

    const target = await readImportTarget(officer, plan.id);
    const priority = target.existing.priorities.find((p) => p.number === 1);
    if (!priority) throw new Error('No priority 1 was written');
    const board = await loadPriorityBoard(officer, plan.id, priority.id);
    expect(board.problems).toEqual([]);
    expect(board.actions.length).toBe(writable.filter((a) => a.areaNumber === 1).length);
    expect(board.focusAreas.length).toBe(preview.draft.focusAreas.filter((f) => f.areaNumber === 1).length);
  });

  it('imports the same file again without duplicating anything, and updates only what changed', async () => {
    const plan = await aPlan('Re-import');
    await importInto(plan.id, [tracker(12)]);
    const again = await importInto(plan.id, [tracker(12)]);
    expect(again.summary.created).toEqual([]);
    expect(again.summary.updated).toEqual([]);
    expect(again.summary.unchanged).toBeGreaterThanOrEqual(12);
    expect(await actionsOf(plan.id)).toHaveLength(12);

    const changed = await importInto(plan.id, [
      tracker(12, (row, i) =>
        i === 4 ? [row[0] ?? '', row[1] ?? '', row[2] ?? '', 'Mar 2027', 'A', ''] : row,
      ),
    ]);
    expect(changed.summary.created).toEqual([]);
    expect(changed.summary.updated).toEqual([
      expect.objectContaining({ what: 'action', reference: '1.2.1', detail: 'due date, rating' }),
    ]);
    const updated = (await actionsOf(plan.id)).find((a) => a.reference === '1.2.1');
    expect(updated).toMatchObject({ dueDate: '2027-03-31', dueDatePrecision: 'month', status: 'amber' });
  });

  it('never clears a stored value from a blank cell', async () => {
    const plan = await aPlan('Blank cells');
    await importInto(plan.id, [tracker(2, (row) => [...row.slice(0, 5), 'Audit booked'])]);
    const blank = await importInto(plan.id, [tracker(2)]);
    expect(blank.summary.updated).toEqual([]);
    const stored = await actionsOf(plan.id);
    expect(stored.map((a) => a.progressNarrative)).toEqual(['Audit booked', 'Audit booked']);
  });

  it('finds a lead in the directory by name and keeps a job title as written', async () => {
    const plan = await aPlan('Leads');
    await importInto(plan.id, [tracker(2)]);
    const [first, second] = (await actionsOf(plan.id)).sort((a, b) => a.reference.localeCompare(b.reference));
    expect(first?.lead).toMatchObject({
      displayName: 'Daniel Okafor',
      upn: 'daniel.okafor@demo.localarea.example',
    });
    expect(first?.leadAsWritten).toBe('');
    expect(second?.lead).toBeNull();
    expect(second?.leadAsWritten).toBe('Head of SEND, County Council');
  });

  it('writes 20 items to a $batch: a 60-action file costs a few requests more than 60 / 20', async () => {
    const plan = await aPlan('Request count');
    requests.length = 0;
    const { summary } = await importInto(plan.id, [tracker(60)]);
    expect(summary.created.filter((c) => c.what === 'action')).toHaveLength(60);
    // Reads (the plan, the directory) 2, areas 1, focus areas 1, actions 3.
    expect(requests.length).toBeLessThanOrEqual(Math.ceil(60 / 20) + 4);
  });

  it('stops between batches when cancelled, every item whole, and a second import finishes the rest', async () => {
    const plan = await aPlan('Cancelled');
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const first = await importInto(plan.id, [tracker(50)], {
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress);
        // Cancelled once the areas and focus areas and one batch of actions are written.
        if (progress.done >= 4 + 6 + 20) controller.abort();
      },
    });
    expect(first.summary.cancelled).toBe(true);
    const written = await actionsOf(plan.id);
    expect(written).toHaveLength(first.summary.created.filter((c) => c.what === 'action').length);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(50);
    expect(first.summary.notWritten).toBe(50 - written.length);
    expect(seen.at(-1)?.total).toBe(4 + 6 + 50);

    const resumed = await importInto(plan.id, [tracker(50)]);
    expect(resumed.summary.cancelled).toBe(false);
    expect(resumed.summary.created.filter((c) => c.what === 'action')).toHaveLength(50 - written.length);
    const all = await actionsOf(plan.id);
    expect(new Set(all.map((a) => a.reference)).size).toBe(50);
    expect(all).toHaveLength(50);
  });

  it('leaves out the rows chosen to skip and the rows with errors, each with its reason', async () => {
    const plan = await aPlan('Skips');
    const table = tracker(3, (row, i) =>
      i === 2 ? [row[0] ?? '', '', 'Daniel Okafor', 'Dec 2026', 'G', ''] : row,
    );
    const target = await readImportTarget(officer, plan.id);
    const firstAction = (await previewImport(officer, target, [table])).draft.actions[0];
    if (!firstAction) throw new Error('The table gives no action');
    const preview = await previewImport(officer, target, [table], {
      skip: new Set([placeKey(firstAction.place)]),
    });
    const summary = await writeImport(officer, target, preview.changes);

    expect(summary.skipped.map((s) => [s.reference, s.detail])).toEqual([
      [firstAction.reference, 'Skipped in the preview'],
      [expect.any(String), expect.stringContaining('no action text')],
    ]);
    expect((await actionsOf(plan.id)).map((a) => a.reference)).toEqual(['2.2.1']);
  });

  it('holds back a row whose action in the plan cannot be read, rather than make a second one', async () => {
    const plan = await aPlan('Unreadable');
    await importInto(plan.id, [tracker(2)]);
    const broken = (await actionsOf(plan.id)).find((a) => a.reference === '1.1.1');
    if (!broken) throw new Error('No action 1.1.1');
    // Edited in SharePoint's grid: the rating cleared.
    await officer.ctx.client.call(
      {
        method: 'PATCH',
        path: `${itemsPath(officer.ctx, 'actions')}/${broken.id}/fields`,
        body: { Status: '' },
      },
      'Breaking an item',
    );

    const again = await importInto(plan.id, [tracker(2)]);
    expect(again.target.problems).toHaveLength(1);
    expect(again.summary.skipped).toEqual([
      expect.objectContaining({ reference: '1.1.1', detail: expect.stringContaining('cannot be read') }),
    ]);
    expect(again.summary.created).toEqual([]);
    const items = await officer.ctx.client.call(
      { method: 'GET', path: `${itemsPath(officer.ctx, 'actions')}?$filter=fields/PlanId eq '${plan.id}'` },
      'Counting',
    );
    expect((items.body as { value: unknown[] }).value).toHaveLength(2);
  });

  it('remembers the plan’s corrected mapping for its next import', async () => {
    const plan = await aPlan('Mapping');
    const odd: ImportTable = {
      name: 'Odd headings',
      rows: [['Ref', 'Action', 'Owner of the work'], ['1. Area'], ['1.1.1', 'Do it', 'Daniel Okafor']],
    };
    const target = await readImportTarget(officer, plan.id);
    const detected = await previewImport(officer, target, [odd]);
    const mapping = detected.draft.tables[0]?.mapping;
    if (!mapping) throw new Error('No mapping');
    const corrected = { ...mapping, fields: { ...mapping.fields, lead: 2 } };
    const preview = await previewImport(officer, target, [odd], { mappings: { [odd.name]: corrected } });
    await rememberImportMapping(officer, target, preview.draft);

    const next = await readImportTarget(officer, plan.id);
    expect(next.savedMapping).toMatchObject({ 'owner of the work': 'lead' });
    const remembered = await previewImport(officer, next, [odd]);
    expect(remembered.draft.tables[0]?.mapping.fields.lead).toBe(2);
  });
});
