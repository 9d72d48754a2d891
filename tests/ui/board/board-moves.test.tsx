import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import { changeRating } from '../../../src/plan/rating-change';
import { loadActionDetail } from '../../../src/plan/action-detail';
import { loadPriorityBoard } from '../../../src/plan/board';
import { paths } from '../../../src/ui/paths';
import { personFor, renderTab, startDemoGraph, type DemoGraph } from './harness';

const column = (label: string) =>
  screen.getByRole('region', { name: new RegExp(`^${label} \\d+ actions?$`) });
const busy = (reference: string) =>
  screen
    .getByRole('link', { name: new RegExp(`^${reference.replace(/\./g, '\\.')} `) })
    .closest('[data-card-id]')
    ?.getAttribute('aria-busy') === 'true';
const cardLink = (within_: HTMLElement, reference: string) =>
  within(within_).getByRole('link', { name: new RegExp(`^${reference.replace(/\./g, '\\.')} `) });

// Inside a dialog, queries take `hidden: true`: in jsdom, Fluent's focus manager (tabster) can leave
// aria-hidden on a dialog opened right after another closes, which Chromium does not (the e2e suite
// checks the same dialogs there, with axe).
describe('moving cards on the board', () => {
  let demo: DemoGraph;
  let hannah: PersonRef;
  let priya: PersonRef;
  beforeAll(async () => {
    demo = await startDemoGraph();
    hannah = await personFor(demo.t, 'lead');
    priya = await personFor(demo.t, 'officer');
  });
  afterAll(() => demo?.t.close());

  /** An action of the first priority rated `status`, different for every test that asks. */
  const taken = new Set<string>();
  async function anAction(status: string, priorityIndex = 0) {
    const board = await loadPriorityBoard(
      demo.t.storeAs('lead'),
      demo.planId,
      demo.priorityIds[priorityIndex] ?? '',
    );
    const action = board.actions.find((a) => a.status === status && !taken.has(a.id));
    if (!action) throw new Error(`The demo board has no spare ${status} action`);
    taken.add(action.id);
    return action;
  }
  const boardPath = (priorityIndex = 0) => paths.board(demo.planId, demo.priorityIds[priorityIndex] ?? '');

  it('moves a card with Alt+Right at once, asks for a note, and saves the rating and its history', async () => {
    const user = userEvent.setup();
    const action = await anAction('amber');
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });

    const link = cardLink(await waitFor(() => column('Minor delays')), action.reference);
    link.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');

    expect(cardLink(column('Good progress'), action.reference)).toBeDefined();
    const dialog = await screen.findByRole('dialog', { name: `Update ${action.reference}: Good progress` });
    const note = within(dialog).getByRole('textbox', { name: /Progress note/, hidden: true });
    expect((note as HTMLTextAreaElement).value).toBe(action.progressNarrative);
    await user.clear(note);
    await user.type(note, 'Strategy signed off by all partners');
    await user.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));

    expect(await screen.findByText(`Moved ${action.reference} to Good progress.`)).toBeDefined();
    await waitFor(async () => {
      const detail = await loadActionDetail(demo.t.storeAs('lead'), action.id);
      expect(detail.action.status).toBe('green');
      expect(detail.updates[0]).toMatchObject({
        fromRating: 'amber',
        toRating: 'green',
        note: 'Strategy signed off by all partners',
        author: { displayName: 'Hannah Whitfield' },
      });
    });
    await waitFor(() => expect(busy(action.reference)).toBe(false));
  });

  it('shows several moves at once while Graph is slow, and confirms each of them', async () => {
    const user = userEvent.setup();
    const first = await anAction('amber');
    const second = await anAction('amber');
    demo.t.graph.setFaults({ latencyMs: 400 });
    onTestFinished(() => void demo.t.graph.setFaults({ latencyMs: 0 }));
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });

    for (const action of [first, second]) {
      cardLink(await waitFor(() => column('Minor delays'), { timeout: 15_000 }), action.reference).focus();
      await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
      const dialog = await screen.findByRole('dialog');
      await user.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
      expect(cardLink(column('Good progress'), action.reference)).toBeDefined();
    }
    expect(busy(first.reference) || busy(second.reference)).toBe(true);

    await waitFor(() => expect([busy(first.reference), busy(second.reference)]).toEqual([false, false]), {
      timeout: 15_000,
    });
    const store = demo.t.storeAs('lead');
    expect((await store.actions.get(first.id)).status).toBe('green');
    expect((await store.actions.get(second.id)).status).toBe('green');
    expect(cardLink(column('Good progress'), first.reference)).toBeDefined();
  });

  it('moves a card through its "Move to…" menu, and Cancel puts it back with nothing saved', async () => {
    const user = userEvent.setup();
    const action = await anAction('green');
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });

    const good = await waitFor(() => column('Good progress'));
    // The menu arrives a moment after the board (see src/features/board/interactive.ts).
    const move = await waitFor(() => {
      const button = within(good).getByRole('button', { name: `Move ${action.reference} to…` });
      expect(button.getAttribute('aria-haspopup')).toBe('menu');
      return button;
    });
    await user.click(move);
    await user.click(await screen.findByRole('menuitem', { name: 'Completed' }));
    expect(cardLink(column('Completed'), action.reference)).toBeDefined();
    const dialog = await screen.findByRole('dialog', { name: `Update ${action.reference}: Completed` });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));

    await waitFor(() => expect(cardLink(column('Good progress'), action.reference)).toBeDefined());
    expect((await demo.t.storeAs('lead').actions.get(action.id)).status).toBe('green');
  });

  it('asks for a note when the plan requires one, keeping the chosen rating', async () => {
    const user = userEvent.setup();
    const action = await anAction('red');
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });

    cardLink(await waitFor(() => column('Little or no progress')), action.reference).focus();
    await user.keyboard('{Control>}{ArrowLeft}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: `Update ${action.reference}: Yet to start` });
    await user.clear(within(dialog).getByRole('textbox', { name: /Progress note/, hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));

    expect(await within(dialog).findByText(/Write a short progress note/)).toBeDefined();
    expect(within(dialog).getByRole('radio', { name: 'Yet to start', hidden: true })).toHaveProperty(
      'checked',
      true,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel', hidden: true }));
  });

  it('on a conflict shows what changed, keeps the note, and applies it on top when asked', async () => {
    const user = userEvent.setup();
    const action = await anAction('purple');
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });
    const link = cardLink(await waitFor(() => column('Yet to start')), action.reference);

    // Priya changes the same action after Hannah's board was read.
    await changeRating(demo.t.storeAs('officer'), {
      action,
      toRating: 'amber',
      note: 'Kick-off meeting held; venue delayed',
      author: priya,
      at: new Date().toISOString(),
    });

    link.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    let dialog = await screen.findByRole('dialog', {
      name: `Update ${action.reference}: Little or no progress`,
    });
    const note = within(dialog).getByRole('textbox', { name: /Progress note/, hidden: true });
    await user.clear(note);
    await user.type(note, 'Waiting for the data sharing agreement');
    await user.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));

    dialog = await screen.findByRole('dialog', { name: `Update ${action.reference}: Little or no progress` });
    expect(await within(dialog).findByText('Someone else changed this action')).toBeDefined();
    expect(within(dialog).getByText(/Priya Shah updated it on .*It is now rated Minor delays/)).toBeDefined();
    expect(within(dialog).getByText(/Kick-off meeting held; venue delayed/)).toBeDefined();
    expect(
      (within(dialog).getByRole('textbox', { name: /Progress note/, hidden: true }) as HTMLTextAreaElement)
        .value,
    ).toBe('Waiting for the data sharing agreement');
    await user.click(within(dialog).getByRole('button', { name: 'Apply my change', hidden: true }));

    await waitFor(async () => {
      const detail = await loadActionDetail(demo.t.storeAs('lead'), action.id);
      expect(detail.action.status).toBe('red');
      expect(detail.updates.map((u) => `${u.fromRating}->${u.toRating}: ${u.note}`)).toEqual(
        expect.arrayContaining([
          'amber->red: Waiting for the data sharing agreement',
          'purple->amber: Kick-off meeting held; venue delayed',
        ]),
      );
    });
  });

  it('when Graph refuses the write, moves the card back, says why and drops the edit controls', async () => {
    const user = userEvent.setup();
    const action = await anAction('green', 1);
    const margaret = await personFor(demo.t, 'chair');
    // The UI believes Margaret may edit; the store knows better.
    renderTab(demo.t, { path: boardPath(1), alias: 'chair', person: margaret, role: 'member' });

    cardLink(await waitFor(() => column('Good progress')), action.reference).focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));

    expect(await screen.findByText(`Could not move ${action.reference} to Completed`)).toBeDefined();
    // Said on screen and to screen readers.
    expect(
      screen.getAllByText(/You can view this plan but not change it\. It is back in Good progress\./),
    ).toHaveLength(2);
    await waitFor(() => expect(cardLink(column('Good progress'), action.reference)).toBeDefined());
    expect(screen.queryAllByRole('button', { name: /^Move .* to…$/ })).toEqual([]);
    expect((await demo.t.storeAs('lead').actions.get(action.id)).status).toBe('green');
  });
});
