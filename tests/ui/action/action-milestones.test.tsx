import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import { loadActionDetail } from '../../../src/plan/action-detail';
import type { TestGraph } from '../../integration/support/local-graph';
import { anActionIn, personFor, renderActionPage, startActionGraph } from './harness';

describe("an action's milestones", () => {
  let t: TestGraph;
  let hannah: PersonRef;
  beforeAll(async () => {
    t = await startActionGraph();
    hannah = await personFor(t, 'lead');
  });
  afterAll(() => t.close());

  it('moves a date only with a reason, and shows the change under the milestone and in the history', async () => {
    const user = userEvent.setup();
    const { action, milestones } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    await user.click(await screen.findByRole('button', { name: 'Move date of Audit tool signed off' }));
    const dialog = await openedDialog('Move the milestone’s date');
    await user.type(within(dialog).getByLabelText(/^New date/), '12/02/2027');
    await user.click(within(dialog).getByRole('button', { name: 'Move date', hidden: true }));

    expect(await within(dialog).findByText(/Say why the date is moving/)).toBeDefined();
    expect(
      within(dialog)
        .getByLabelText(/^New date/)
        .getAttribute('value'),
    ).toBe('12/02/2027');
    const stored = await t.storeAs('lead').milestones.get(milestones[0]?.id ?? '');
    expect(stored.dueDate).toBe('2027-01-15');

    await user.type(
      within(dialog).getByLabelText(/^Reason for the change/),
      'The board meeting moved to February',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Move date', hidden: true }));

    const changes = await screen.findByRole('region', { name: 'Date changes of Audit tool signed off' });
    expect(changes.textContent).toMatch(
      /Moved from 15 Jan 2027 to 12 Feb 2027 by Hannah Whitfield on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}: The board meeting moved to February/,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    const history = screen.getByRole('region', { name: 'Progress history' });
    expect(
      await within(history).findByText(
        'Milestone "Audit tool signed off" moved from 15 Jan 2027 to 12 Feb 2027: The board meeting moved to February',
      ),
    ).toBeDefined();
    const detail = await loadActionDetail(t.storeAs('lead'), action.id);
    expect(detail.milestones.find((m) => m.id === milestones[0]?.id)).toMatchObject({
      dueDate: '2027-02-12',
      dateChanges: [{ from: '2027-01-15', to: '2027-02-12', reason: 'The board meeting moved to February' }],
    });
  });

  it('adds a milestone and completes one', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    const list = await screen.findByRole('region', { name: 'Milestones' });
    await user.click(within(list).getByRole('button', { name: 'Add milestone' }));
    expect(within(list).getByText('Give the milestone a title')).toBeDefined();
    await user.type(within(list).getByRole('textbox', { name: 'New milestone' }), 'Second audit report');
    await user.type(within(list).getByRole('textbox', { name: /^Due/ }), 'Apr 2027');
    await user.click(within(list).getByRole('button', { name: 'Add milestone' }));
    expect(await within(list).findByText('Second audit report')).toBeDefined();
    expect(within(list).getByText('Due Apr 2027')).toBeDefined();

    await user.click(within(list).getByRole('button', { name: 'Mark complete: Audit tool signed off' }));
    expect(await within(list).findByText('Completed')).toBeDefined();
    expect(within(list).queryByRole('button', { name: 'Mark complete: Audit tool signed off' })).toBeNull();
    const detail = await loadActionDetail(t.storeAs('lead'), action.id);
    expect(detail.milestones.map((m) => [m.title, m.completedOn !== null])).toEqual([
      ['Audit tool signed off', true],
      ['First audit report to the board', false],
      ['Second audit report', false],
    ]);
  });
});

/**
 * The open dialog. Fluent's focus manager (tabster) hides a modal dialog from
 * assistive technology until it has registered focus inside it, which in jsdom,
 * under load, can flicker for a while after the dialog has opened and taken focus;
 * so the dialog's parts are found by label and with `hidden: true` here. The e2e
 * test drives the same dialog by role in Chromium, and axe checks it there.
 */
async function openedDialog(title: string): Promise<HTMLElement> {
  const dialog = await waitFor(() => {
    const found = document.querySelector('[role="dialog"]');
    if (!(found instanceof HTMLElement)) throw new Error('No dialog is open');
    expect(found.contains(document.activeElement)).toBe(true);
    return found;
  });
  expect(within(dialog).getByRole('heading', { hidden: true }).textContent).toBe(title);
  return dialog;
}
