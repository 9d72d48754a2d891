import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate, type PersonRef } from '../../../src/domain';
import { groupMyWork } from '../../../src/features/my-work/my-work-model';
import { loadActionDetail } from '../../../src/plan/action-detail';
import { loadMyWork } from '../../../src/plan/my-work';
import { paths } from '../../../src/ui/paths';
import { personFor, renderTab, startDemoGraph, type DemoGraph } from '../board/harness';

describe('My work', () => {
  let demo: DemoGraph;
  let hannah: PersonRef;
  beforeAll(async () => {
    demo = await startDemoGraph();
    hannah = await personFor(demo.t, 'lead');
  });
  afterAll(() => demo?.t.close());

  it('lists the lead’s actions and open milestones as overdue, due in 14 days, and later', async () => {
    const data = await loadMyWork(demo.t.storeAs('lead'), hannah.upn);
    const expected = groupMyWork(data, londonDate(new Date()));
    renderTab(demo.t, { path: paths.myWork(), alias: 'lead', person: hannah, role: 'member' });

    for (const [name, items] of [
      ['Overdue', expected.overdue],
      ['Due in the next 14 days', expected.soon],
      ['Later', expected.later],
    ] as const) {
      const section = await screen.findByRole('region', { name: `${name} (${items.length})` });
      expect(within(section).queryAllByRole('listitem')).toHaveLength(items.length);
    }
    expect(expected.overdue.length).toBeGreaterThan(0);
    const first = expected.overdue[0];
    const link = within(screen.getByRole('region', { name: /^Overdue/ })).getAllByRole('link')[0];
    expect(link?.getAttribute('href')).toBe(paths.action(first?.action.id ?? ''));
  });

  it('updates a rating with a note in place, at once, and Graph keeps it with its history', async () => {
    const user = userEvent.setup();
    const data = await loadMyWork(demo.t.storeAs('lead'), hannah.upn);
    const item = groupMyWork(data, londonDate(new Date())).soon.find((i) => i.action.status !== 'green');
    if (!item) throw new Error('Hannah has nothing due soon that is not already good progress');
    renderTab(demo.t, { path: paths.myWork(), alias: 'lead', person: hannah, role: 'member' });

    const soon = await screen.findByRole('region', { name: /^Due in the next 14 days/ });
    const title = item.kind === 'milestone' ? item.milestone.title : item.action.text;
    const row = within(soon)
      .getAllByRole('listitem')
      .find((li) => within(li).queryByRole('link', { name: new RegExp(escape(title)) }));
    if (!row) throw new Error('The row is not on screen');
    await user.click(within(row).getByRole('button', { name: /^Update / }));
    // `hidden: true`: see tests/ui/board/board-moves.test.tsx (jsdom and Fluent's focus manager).
    const dialog = await screen.findByRole('dialog', {
      name: new RegExp(`^Update ${escape(item.action.reference)}:`),
    });
    await user.click(within(dialog).getByRole('radio', { name: 'Good progress', hidden: true }));
    const note = within(dialog).getByRole('textbox', { name: /Progress note/, hidden: true });
    await user.clear(note);
    await user.type(note, 'Panel dates agreed with schools');
    await user.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));

    expect(within(row).getByText('Good progress')).toBeDefined();
    await waitFor(async () => {
      const detail = await loadActionDetail(demo.t.storeAs('lead'), item.action.id);
      expect(detail.action.status).toBe('green');
      expect(detail.updates[0]).toMatchObject({ toRating: 'green', note: 'Panel dates agreed with schools' });
    });
    await waitFor(() => expect(row.getAttribute('aria-busy')).toBeNull());
  });

  it('offers no updates to someone who may only read', async () => {
    const margaret = await personFor(demo.t, 'chair');
    renderTab(demo.t, { path: paths.myWork(), alias: 'chair', person: margaret, role: 'visitor' });

    expect(await screen.findByRole('heading', { level: 1, name: 'My work' })).toBeDefined();
    expect(screen.getByText('Nothing overdue.')).toBeDefined();
    expect(screen.queryAllByRole('button', { name: /^Update / })).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
