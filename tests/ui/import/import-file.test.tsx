import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import { readImportTarget } from '../../../src/plan/import/import-plan';
import type { TestGraph } from '../../integration/support/local-graph';
import { buildXlsx } from '../../unit/import-readers/fixtures';
import { actionsIn, anEmptyPlan, csvFile, personFor, renderImportPage, startImportGraph } from './harness';

const HEADINGS = ['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Progress update'];

/** A tracker as programme officers keep one: two areas, five actions, two of them with mistakes. */
const TRACKER = [
  HEADINGS,
  ['1. Joint commissioning'],
  ['1.1.1', 'Agree the joint commissioning strategy', 'Daniel Okafor', 'Dec 2026', 'G', 'Draft agreed'],
  ['1.1.2', 'Map the services commissioned for 0 to 25', 'Head of SEND', '31/02/2027', 'A', ''],
  ['1.1.3', 'Publish the local offer', 'Priya Shah', 'Mar 2027', 'Maybe', ''],
  ['2. Quality of EHC plans'],
  ['2.1.1', 'Audit a sample of EHC plans each month', 'Hannah Whitfield', '23 Nov 2026', 'R', ''],
];

describe('importing a plan from a file', () => {
  let t: TestGraph;
  let priya: PersonRef;
  beforeAll(async () => {
    t = await startImportGraph();
    priya = await personFor(t, 'officer');
  });
  afterAll(() => t.close());

  const officer = () => ({ alias: 'officer', person: priya, role: 'owner' as const });

  it('previews every row with its errors named, fixes one in place, skips another and imports the rest', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Tracker import');
    renderImportPage(t, { ...officer(), planId: plan.id });

    await user.upload(await screen.findByLabelText('Choose a file'), csvFile('tracker.csv', TRACKER));

    // Every action as it will be, with the lead looked up in the directory.
    const rows = await screen.findByRole('list', { name: 'Rows of tracker.csv' });
    const first = within(rows).getByRole('listitem', { name: /^Row 3 of tracker\.csv, Action 1\.1\.1/ });
    expect(first.textContent).toContain('Agree the joint commissioning strategy');
    expect(first.textContent).toContain('Daniel Okafor (found in the directory)');
    expect(first.textContent).toContain('Dec 2026');
    expect(first.textContent).toContain('Good progress');
    expect(within(first).getByText('New')).toBeDefined();
    const audit = within(rows).getByRole('listitem', { name: /^Row 7 of tracker\.csv, Action 2\.1\.1/ });
    expect(audit.textContent).toContain('23 Nov 2026');
    const mapped = within(rows).getByRole('listitem', { name: /^Row 4 of tracker\.csv/ });
    expect(mapped.textContent).toContain('Head of SEND (not found in the directory: kept as written)');

    // Errors are named by table, row and column; nothing can be imported until they are dealt with.
    const bad = within(rows).getByRole('listitem', { name: /^Row 5 of tracker\.csv, Action 1\.1\.3/ });
    expect(within(bad).getByRole('list', { name: 'Problems in row 5 of tracker.csv' }).textContent).toMatch(
      /Error: tracker\.csv, row 5, RAG: "Maybe" is not a rating/,
    );
    expect(mapped.textContent).toMatch(/Error: tracker\.csv, row 4, Timescale: /);
    const importButton = screen.getByRole('button', { name: /^Import \d+ actions?$/ });
    expect(importButton.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Fix or skip the 2 rows with errors first.')).toBeDefined();

    // Fixed in place: the row's cells, then the preview again.
    await user.click(within(bad).getByRole('button', { name: 'Edit row 5 of tracker.csv' }));
    const rag = within(bad).getByRole('textbox', { name: 'RAG' });
    expect(document.activeElement).toBe(rag);
    await user.clear(rag);
    await user.type(rag, 'A');
    await user.click(within(bad).getByRole('button', { name: 'Apply to the preview' }));
    await waitFor(() =>
      expect(within(rows).getByRole('listitem', { name: /^Row 5 of tracker\.csv/ }).textContent).toContain(
        'Minor delays',
      ),
    );
    expect(within(rows).queryByRole('list', { name: 'Problems in row 5 of tracker.csv' })).toBeNull();

    // Skipped.
    await user.click(within(rows).getByRole('checkbox', { name: 'Skip row 4 of tracker.csv' }));
    await screen.findByRole('button', { name: 'Import 3 actions' });
    const totals = screen.getByRole('group', { name: 'Totals' });
    await waitFor(() =>
      expect(totals.textContent).toContain(
        '4 actions in 1 table: 3 new, 0 to update, 0 unchanged, 1 not imported',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Import 3 actions' }));
    await screen.findByRole('heading', { name: 'Import summary' });
    const did = screen.getByLabelText('What the import did');
    expect(did.textContent).toContain('Created9');
    expect(did.textContent).toContain('Skipped1');
    expect(screen.getByRole('list', { name: 'Skipped' }).textContent).toBe(
      'Action 1.1.2 (tracker.csv, row 4): Skipped in the preview',
    );
    await screen.findByRole('link', { name: 'Area 1: Joint commissioning' });

    const stored = await actionsIn(t, plan.id);
    expect(stored.map((a) => [a.reference, a.status])).toEqual([
      ['1.1.1', 'green'],
      ['1.1.3', 'amber'],
      ['2.1.1', 'red'],
    ]);
    expect(stored[0]?.lead?.displayName).toBe('Daniel Okafor');
    expect(stored[2]).toMatchObject({ dueDate: '2026-11-23', dueDatePrecision: 'day' });
  });

  it('imports the same file again as updates, never as new actions', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Re-import');
    const clean = TRACKER.filter((row) => row[0] !== '1.1.2' && row[0] !== '1.1.3');
    renderImportPage(t, { ...officer(), planId: plan.id });
    await user.upload(await screen.findByLabelText('Choose a file'), csvFile('tracker.csv', clean));
    await user.click(await screen.findByRole('button', { name: 'Import 2 actions' }));
    await screen.findByRole('heading', { name: 'Import summary' });

    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    const changed = clean.map((row) => (row[0] === '2.1.1' ? [...row.slice(0, 4), 'A', ''] : row));
    await user.upload(await screen.findByLabelText('Choose a file'), csvFile('tracker.csv', changed));
    const row = await screen.findByRole('listitem', { name: /^Row 5 of tracker\.csv, Action 2\.1\.1/ });
    expect(row.textContent).toContain('Changes: rating');
    const unchanged = screen.getByRole('listitem', { name: /^Row 3 of tracker\.csv, Action 1\.1\.1/ });
    expect(within(unchanged).getByText('Unchanged')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Import 1 action' }));
    await screen.findByRole('heading', { name: 'Import summary' });
    await user.click(screen.getByRole('button', { name: 'Updated (1)' }));
    expect(screen.getByRole('list', { name: 'Updated' }).textContent).toBe(
      'Action 2.1.1 (tracker.csv, row 5): rating',
    );
    expect((await actionsIn(t, plan.id)).map((a) => [a.reference, a.status])).toEqual([
      ['1.1.1', 'green'],
      ['2.1.1', 'amber'],
    ]);
  });

  it('maps a column by hand, previews it, and remembers the choice for the plan', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Mapping by hand');
    const odd = [['Ref', 'Action', 'Named officer'], ['1. Area'], ['1.1.1', 'Do it', 'Daniel Okafor']];
    renderImportPage(t, { ...officer(), planId: plan.id });
    await user.upload(await screen.findByLabelText('Choose a file'), csvFile('odd.csv', odd));

    const owner = await screen.findByRole('combobox', { name: 'Named officer' });
    expect((owner as HTMLSelectElement).value).toBe('');
    expect((screen.getByRole('combobox', { name: 'Action' }) as HTMLSelectElement).value).toBe('action');
    await user.selectOptions(owner, 'Lead');
    await waitFor(() =>
      expect(screen.getByRole('listitem', { name: /^Row 3 of odd\.csv/ }).textContent).toContain(
        'Daniel Okafor (found in the directory)',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Import 1 action' }));
    await screen.findByRole('heading', { name: 'Import summary' });

    expect((await actionsIn(t, plan.id))[0]?.lead?.displayName).toBe('Daniel Okafor');
    await waitFor(async () =>
      expect((await readImportTarget(t.storeAs('officer'), plan.id)).savedMapping).toMatchObject({
        'named officer': 'lead',
      }),
    );
  });

  it('reads an Excel workbook the same way', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Workbook');
    const bytes = await buildXlsx((workbook) => {
      const sheet = workbook.addWorksheet('Priority 1');
      for (const row of TRACKER.slice(0, 3)) sheet.addRow(row);
    });
    renderImportPage(t, { ...officer(), planId: plan.id });
    await user.upload(
      await screen.findByLabelText('Choose a file'),
      new File([bytes.slice().buffer as ArrayBuffer], 'tracker.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const row = await screen.findByRole('listitem', { name: /^Row 3 of Sheet 'Priority 1', Action 1\.1\.1/ });
    expect(row.textContent).toContain('Agree the joint commissioning strategy');
  });

  it('says why a file cannot be read, and writes nothing', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Wrong file');
    renderImportPage(t, { ...officer(), planId: plan.id });
    await user.upload(
      await screen.findByLabelText('Choose a file'),
      new File(['Ref,Action\n1.1.1,Do it'], 'plan.xlsx', { type: 'text/plain' }),
    );
    const alert = await screen.findByText(/^plan\.xlsx is not an Excel workbook/);
    expect(alert.textContent).toContain('Save or rename it as CSV (.csv)');
    expect(screen.queryByRole('heading', { name: '3. Preview' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
    expect(await actionsIn(t, plan.id)).toEqual([]);
  });

  it('a board chair can export the register but not import', async () => {
    const plan = await anEmptyPlan(t, 'Read only');
    const margaret = await personFor(t, 'chair');
    renderImportPage(t, { alias: 'chair', person: margaret, role: 'visitor', planId: plan.id });
    await screen.findByText(/you cannot import into it/);
    expect(screen.queryByLabelText('Choose a file')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export register (.xlsx)' })).toBeDefined();
  });
});
