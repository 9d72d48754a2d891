import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NarrativePage } from '../../src/features/cycles/NarrativePage';
import type { TestGraph } from '../integration/support/local-graph';
import { startDemoGraph } from './board/harness';
import { personFor, renderInTab } from './support/render-in-tab';

let t: TestGraph;
let planId: string;
let priorityId: string;

beforeAll(async () => {
  const demo = await startDemoGraph();
  t = demo.t;
  planId = demo.planId;
  priorityId = demo.priorityIds[0] ?? '';
}, 120_000);
afterAll(() => t?.close());

describe('the narrative page', () => {
  it('saves a lead’s narrative, and keeps a half-written barrier with its message', async () => {
    const user = userEvent.setup();
    const person = await personFor(t, 'officer');
    renderInTab(
      t,
      { alias: 'officer', person, role: 'member' },
      <NarrativePage planId={planId} priorityId={priorityId} />,
    );
    // The demo's last frozen cycle said something: it is shown to write on from.
    await screen.findByRole('heading', { name: /^What 6-weekly board, .+ said$/ });

    const headline = screen.getByRole('textbox', { name: 'Improvement headline' });
    await user.clear(headline);
    await user.type(headline, 'Pooled budget agreed by every partner.');
    await user.click(screen.getByRole('button', { name: 'Add a barrier or concern' }));
    const concerns = screen.getAllByRole('textbox', { name: /^Barrier or concern \d+$/ });
    const last = concerns.at(-1);
    if (!last) throw new Error('No barrier field');
    await user.type(last, 'Legal review slow');
    await user.click(screen.getByRole('button', { name: 'Save the narrative' }));

    await screen.findByText(/Mitigation or change control is required/);
    expect(screen.getByRole('textbox', { name: 'Improvement headline' })).toHaveProperty(
      'value',
      'Pooled budget agreed by every partner.',
    );
    expect((await t.storeAs('officer').priorities.get(priorityId)).headline).not.toBe(
      'Pooled budget agreed by every partner.',
    );

    const responses = screen.getAllByRole('textbox', { name: /^Mitigation or change control \d+$/ });
    const response = responses.at(-1);
    if (!response) throw new Error('No mitigation field');
    await user.type(response, 'Chief officers briefed');
    await user.click(screen.getByRole('button', { name: 'Save the narrative' }));
    await screen.findByText('Narrative saved.');
    const saved = await t.storeAs('officer').priorities.get(priorityId);
    expect(saved.headline).toBe('Pooled budget agreed by every partner.');
    expect(saved.barriers.at(-1)).toEqual({
      concern: 'Legal review slow',
      response: 'Chief officers briefed',
    });

    // A second save goes with the new eTag: no conflict.
    await user.type(screen.getByRole('textbox', { name: 'Next steps' }), ' Then review.');
    await user.click(screen.getByRole('button', { name: 'Save the narrative' }));
    await waitFor(async () =>
      expect((await t.storeAs('officer').priorities.get(priorityId)).nextSteps).toMatch(/Then review\.$/),
    );
    expect(screen.queryByText(/Someone else changed this narrative/)).toBeNull();
  });

  it('is read, not edited, by a board chair', async () => {
    const person = await personFor(t, 'chair');
    renderInTab(
      t,
      { alias: 'chair', person, role: 'visitor' },
      <NarrativePage planId={planId} priorityId={priorityId} />,
    );
    await screen.findAllByText('Improvement headline');
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Save the narrative' })).toBeNull();
  });
});
