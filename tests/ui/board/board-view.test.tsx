import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  isActionOverdue,
  londonDate,
  makeAction,
  makePriority,
  resolveScale,
  type PersonRef,
} from '../../../src/domain';
import { VIRTUAL_FROM } from '../../../src/features/board/BoardColumn';
import { loadPriorityBoard } from '../../../src/plan/board';
import { paths } from '../../../src/ui/paths';
import { personFor, renderTab, startDemoGraph, type DemoGraph } from './harness';

const RATINGS = ['Yet to start', 'Little or no progress', 'Minor delays', 'Good progress', 'Completed'];
const columnNames = () =>
  screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.replace(/\d+ actions?$/, '').trim());
const cardCount = () => screen.getAllByRole('listitem').length;

describe('the board of a priority', () => {
  let demo: DemoGraph;
  let hannah: PersonRef;
  beforeAll(async () => {
    demo = await startDemoGraph();
    hannah = await personFor(demo.t, 'lead');
  });
  afterAll(() => demo?.t.close());
  const boardPath = (query = '') => `${paths.board(demo.planId, demo.priorityIds[0] ?? '')}${query}`;

  it('shows a column per rating with every action as a card that opens the action', async () => {
    const board = await loadPriorityBoard(demo.t.storeAs('lead'), demo.planId, demo.priorityIds[0] ?? '');
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });

    expect(await screen.findByRole('heading', { level: 1, name: /^Area 1: / })).toBeDefined();
    expect(columnNames()).toEqual(RATINGS);
    expect(cardCount()).toBe(board.actions.length);

    const first = board.actions[0];
    if (!first) throw new Error('The demo board is empty');
    const card = screen.getByRole('link', { name: new RegExp(`^${first.reference.replace(/\./g, '\\.')} `) });
    expect(card.getAttribute('href')).toBe(paths.action(first.id));
    const overdue = board.actions.filter((a) =>
      isActionOverdue(a, resolveScale('bragp'), londonDate(new Date())),
    );
    const flagged = screen
      .getAllByRole('listitem')
      .filter((card) => within(card).queryByText(/^Overdue(, \d+ milestones? overdue)?$/));
    expect(flagged).toHaveLength(overdue.length);
    expect(screen.getAllByText(/^updated |^no update yet$/)).toHaveLength(board.actions.length);
  });

  it('reads its filters from the URL, and writes changes back to it', async () => {
    const user = userEvent.setup();
    renderTab(demo.t, {
      path: boardPath(`?overdue=1&theme=dark`),
      alias: 'lead',
      person: hannah,
      role: 'member',
    });

    const summary = await screen.findByText(/^Showing \d+ of \d+ actions$/);
    expect(screen.getByRole('combobox', { name: 'Overdue' })).toHaveProperty('value', 'any');
    const overdueShown = cardCount();
    expect(summary.textContent).toContain(`Showing ${overdueShown} of`);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Lead' }), 'Hannah Whitfield');
    const address = screen.getByRole('status', { name: 'Address' });
    await waitFor(() =>
      expect(address.textContent).toContain('lead=hannah.whitfield%40demo.localarea.example'),
    );
    expect(address.textContent).toContain('theme=dark');

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'no such words anywhere');
    await waitFor(() => expect(screen.queryAllByRole('listitem')).toHaveLength(0));
    expect(address.textContent).toContain('q=no+such+words+anywhere');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(address.textContent).toBe(`${paths.board(demo.planId, demo.priorityIds[0] ?? '')}?theme=dark`),
    );
  });

  it('groups cards into swimlanes by focus area when asked', async () => {
    const user = userEvent.setup();
    renderTab(demo.t, { path: boardPath(), alias: 'lead', person: hannah, role: 'member' });
    await user.click(await screen.findByRole('switch', { name: 'Swimlanes by focus area' }));

    const lanes = await screen.findAllByRole('region', { name: /^1\.\d+ / });
    expect(lanes.length).toBeGreaterThan(1);
    expect(within(lanes[0] ?? document.body).getAllByRole('heading', { level: 3 }).length).toBe(
      RATINGS.length,
    );
  });

  it('switches to another priority, keeping the filters', async () => {
    const user = userEvent.setup();
    renderTab(demo.t, { path: boardPath('?overdue=1'), alias: 'lead', person: hannah, role: 'member' });
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Priority' }),
      'Area 2: Quality of EHC plans',
    );

    expect(await screen.findByRole('heading', { level: 1, name: /^Area 2: / })).toBeDefined();
    expect(screen.getByRole('status', { name: 'Address' }).textContent).toBe(
      `${paths.board(demo.planId, demo.priorityIds[1] ?? '')}?overdue=1`,
    );
  });

  it('shows the chair everything with no way to change it', async () => {
    const user = userEvent.setup();
    const margaret = await personFor(demo.t, 'chair');
    renderTab(demo.t, { path: boardPath(), alias: 'chair', person: margaret, role: 'visitor' });

    expect(await screen.findByText(/You can view this plan but not change it\./)).toBeDefined();
    expect(cardCount()).toBeGreaterThan(0);
    expect(screen.queryAllByRole('button', { name: /^Move .* to…$/ })).toEqual([]);
    const link = screen.getAllByRole('link', { name: /^\d+\.\d+/ })[0];
    link?.focus();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it(`renders only the cards in view of a column longer than ${VIRTUAL_FROM}`, async () => {
    // jsdom lays nothing out: give the column the height of a screen, and each card a card's.
    const size = (value: number) => ({ configurable: true, get: () => value });
    const restore = [
      ['clientHeight', Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')],
      ['clientWidth', Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')],
    ] as const;
    Object.defineProperty(Element.prototype, 'clientHeight', size(800));
    Object.defineProperty(Element.prototype, 'clientWidth', size(280));
    const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', size(180));
    onTestFinished(() => {
      if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
      for (const [name, descriptor] of restore)
        if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
    });
    const officer = demo.t.storeAs('officer');
    const { id: _p, ...priorityDraft } = makePriority({
      id: 'n',
      planId: demo.planId,
      number: 9,
      title: 'A long one',
    });
    const priority = await officer.priorities.create(priorityDraft);
    await officer.actions.createMany(
      Array.from({ length: 120 }, (_, i) => {
        const { id: _a, ...draft } = makeAction({
          id: 'n',
          planId: demo.planId,
          priorityId: priority.id,
          reference: `9.${i + 1}`,
          text: `Long column action ${i + 1}`,
          status: 'green',
        });
        return draft;
      }),
    );
    renderTab(demo.t, {
      path: paths.board(demo.planId, priority.id),
      alias: 'lead',
      person: hannah,
      role: 'member',
    });

    const column = await screen.findByRole('region', { name: 'Good progress 120 actions' });
    // The first cards show at once; the virtual list takes over when its code is here.
    await waitFor(() =>
      expect(within(column).getAllByRole('listitem')[0]?.getAttribute('aria-setsize')).toBe('120'),
    );
    const items = within(column).getAllByRole('listitem');
    expect(items.length).toBeLessThan(VIRTUAL_FROM);
    expect(items[0]?.getAttribute('aria-setsize')).toBe('120');
    expect(items[0]?.getAttribute('aria-posinset')).toBe('1');
  });
});
