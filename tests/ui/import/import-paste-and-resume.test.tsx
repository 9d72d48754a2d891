import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import type { TestGraph } from '../../integration/support/local-graph';
import { actionsIn, anEmptyPlan, csvFile, personFor, renderImportPage, startImportGraph } from './harness';

describe('importing a pasted table, and an import cancelled and resumed', () => {
  let t: TestGraph;
  let priya: PersonRef;
  beforeAll(async () => {
    t = await startImportGraph();
    priya = await personFor(t, 'officer');
  });
  afterEach(() => t.graph.setFaults({ latencyMs: 0 }));
  afterAll(() => t.close());

  const officer = () => ({ alias: 'officer', person: priya, role: 'owner' as const });

  it('reads a table pasted from Excel as tab-separated text', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Pasted');
    renderImportPage(t, { ...officer(), planId: plan.id });

    await user.click(await screen.findByRole('textbox', { name: 'Or paste a table from Word or Excel' }));
    await user.paste(
      [
        'Reference\tAction\tLead\tTimescale\tRAG',
        '1. Joint commissioning',
        '1.1.1\tAgree the strategy\tDaniel Okafor\tDec 2026\tA',
        '1.1.2\tMap the services\tHannah Whitfield\tJan 2027\tP',
      ].join('\n'),
    );

    const rows = await screen.findByRole('list', { name: 'Rows of Pasted table' });
    const first = within(rows).getByRole('listitem', { name: /^Row 3 of Pasted table, Action 1\.1\.1/ });
    expect(first.textContent).toContain('Daniel Okafor (found in the directory)');
    expect(first.textContent).toContain('Minor delays');
    expect(screen.getByText('Read from the pasted table: 1 table.')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Import 2 actions' }));
    await screen.findByRole('heading', { name: 'Import summary' });
    expect((await actionsIn(t, plan.id)).map((a) => a.reference)).toEqual(['1.1.1', '1.1.2']);
  });

  it('cancels between batches of 20, then resumes without writing anything twice', async () => {
    const user = userEvent.setup();
    const plan = await anEmptyPlan(t, 'Cancelled');
    const rows = [['Ref', 'Action', 'Timescale'], ['1. Area one']];
    for (let i = 1; i <= 45; i++) rows.push([`1.1.${i}`, `Action number ${i}`, 'Dec 2026']);
    renderImportPage(t, { ...officer(), planId: plan.id });
    await user.upload(await screen.findByLabelText('Choose a file'), csvFile('long.csv', rows));
    const importButton = await screen.findByRole('button', { name: 'Import 45 actions' });

    // Each request to the lists now takes a while, so the writing can be caught between batches.
    t.graph.setFaults({ latencyMs: 150 });
    await user.click(importButton);
    const bar = await screen.findByRole('progressbar', { name: 'Writing to the plan' });
    // The area and its focus area, then the first batch of 20 actions.
    await screen.findByText('23 of 48 written');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Import cancelled');
    expect(bar.isConnected).toBe(false);
    t.graph.setFaults({ latencyMs: 0 });

    const written = await actionsIn(t, plan.id);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(45);
    expect(screen.getByText(new RegExp(`^${45 - written.length} items were not written`))).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Resume the import' }));
    await screen.findByText('Import finished');
    const did = screen.getByLabelText('What the import did');
    // The two imports as one: every item created once, none left as "unchanged".
    await waitFor(() => expect(did.textContent).toContain('Created48'));
    expect(did.textContent).toContain('Unchanged0');
    const all = await actionsIn(t, plan.id);
    expect(all).toHaveLength(45);
    expect(new Set(all.map((a) => a.reference)).size).toBe(45);
  });
});
