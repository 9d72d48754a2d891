import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldEq } from '../../../src/graph/odata';
import { paths } from '../../../src/ui/paths';
import type { TestGraph } from '../../integration/support/local-graph';
import type { Viewer } from '../support/render-in-tab';
import { aPlanIn, fieldMessage, personFor, renderStructure, startStructureGraph } from './harness';

describe('the plan’s structure page, for the programme officer', () => {
  let t: TestGraph;
  let officer: Viewer;
  beforeAll(async () => {
    t = await startStructureGraph();
    officer = { alias: 'officer', role: 'owner', person: await personFor(t, 'officer') };
  });
  afterAll(() => t.close());

  const priorities = () => within(screen.getByRole('list', { name: 'Priorities' }));
  /** The page's live region (the harness's address bar is a status too). */
  const announcement = () =>
    screen.getAllByRole('status').find((element) => element.tagName !== 'OUTPUT')?.textContent;
  const headings = (level: number) =>
    screen.getAllByRole('heading', { level }).map((heading) => heading.textContent);

  it('shows the areas of weakness quoted, and the priorities with their focus areas and actions', async () => {
    const { plan } = await aPlanIn(t);
    renderStructure(t, officer, paths.structure(plan.id));

    await screen.findByRole('heading', { level: 1, name: 'Plan structure' });
    expect(screen.getByText('Testshire · Inspected 23 Nov 2026 · Rated on BRAG(P)')).toBeTruthy();
    const weaknesses = within(screen.getByRole('list', { name: 'Areas of weakness' }));
    expect(
      weaknesses.getByText('“The absence of a clearly defined joint commissioning strategy”'),
    ).toBeTruthy();
    expect(headings(3)).toEqual(['Priority 1: Joint commissioning', 'Priority 2: EHC plans']);
    expect(headings(4)).toEqual(['1.1 Strategy', '2.1 Quality']);
    const actions = within(screen.getByRole('list', { name: 'Actions of focus area 1.1' }));
    expect(actions.getByRole('link', { name: 'Open action 1.1.2' })).toBeTruthy();
  });

  it('moves a priority down from the keyboard: references follow, focus stays on it, and the move is announced', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t);
    renderStructure(t, officer, paths.structure(plan.id));

    const down = await screen.findByRole('button', { name: 'Move priority 1 down' });
    down.focus();
    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(headings(3)).toEqual(['Priority 1: EHC plans', 'Priority 2: Joint commissioning']),
    );
    expect(headings(4)).toEqual(['1.1 Quality', '2.1 Strategy']);
    expect(priorities().getByRole('link', { name: 'Open action 2.1.2' })).toBeTruthy();
    // Now last, its Move down is off: focus is on its Move up.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move priority 2 up' })),
    );
    expect(announcement()).toBe('Moved: now priority 2');
    const stored = await t.storeAs('officer').actions.query({ filter: fieldEq('PlanId', plan.id) }, []);
    expect(stored.map((a) => `${a.reference} ${a.text}`).sort()).toEqual([
      '1.1.1 Audit EHC plans monthly',
      '2.1.1 Agree the joint commissioning strategy',
      '2.1.2 Publish the JSNA',
    ]);
  });

  it('adds a priority labelled as the plan labels them, and a focus area and an action numbered by their place', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t);
    renderStructure(t, officer, paths.structure(plan.id));

    await user.click(await screen.findByRole('button', { name: 'Add priority' }));
    const form = within(screen.getByRole('form', { name: 'Add a priority' }));
    expect(form.getByRole('textbox', { name: /^Number/ })).toHaveProperty('value', '3');
    await user.type(form.getByRole('textbox', { name: /^Priority title/ }), 'Preparing for adulthood');
    await user.click(form.getByRole('checkbox', { name: 'Area 2' }));
    await user.click(form.getByRole('button', { name: 'Add priority' }));

    const added = await screen.findByRole('heading', {
      level: 3,
      name: 'Priority 3: Preparing for adulthood',
    });
    const item = within(added.closest('li') as HTMLElement);
    expect(item.getByText('Answers area of weakness 2')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add a focus area to priority 3' }));
    const focusForm = within(screen.getByRole('form', { name: 'Add focus area 3.1' }));
    await user.type(focusForm.getByRole('textbox', { name: /^Focus area title/ }), 'Transition plans');
    await user.click(focusForm.getByRole('button', { name: 'Add focus area' }));
    await screen.findByRole('heading', { level: 4, name: '3.1 Transition plans' });

    await user.click(screen.getByRole('button', { name: 'Add an action to focus area 3.1' }));
    const actionForm = within(screen.getByRole('form', { name: 'Add action 3.1.1' }));
    await user.type(
      actionForm.getByRole('textbox', { name: /^Action/ }),
      'Review every transition plan at 14',
    );
    await user.type(actionForm.getByRole('textbox', { name: /^Due date/ }), 'Dec 2026');
    await user.click(actionForm.getByRole('button', { name: 'Add action' }));
    await screen.findByRole('link', { name: 'Open action 3.1.1' });
    expect(screen.getByText('Due Dec 2026')).toBeTruthy();
  });

  it('a refused save keeps the form filled and shows the message on the field', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t);
    renderStructure(t, officer, paths.structure(plan.id));

    await user.click(await screen.findByRole('button', { name: 'Add area of weakness' }));
    const form = within(screen.getByRole('form', { name: 'Add an area of weakness' }));
    const number = form.getByRole('textbox', { name: /^Number/ });
    await user.clear(number);
    await user.type(number, '1');
    await user.type(form.getByRole('textbox', { name: /^Inspection finding/ }), 'Poor co-production');
    await user.click(form.getByRole('button', { name: 'Add area of weakness' }));

    await waitFor(() =>
      expect(fieldMessage(number)).toBe('Area of weakness 1 already exists: choose another number'),
    );
    expect(document.activeElement).toBe(number);
    expect(form.getByRole('textbox', { name: /^Inspection finding/ })).toHaveProperty(
      'value',
      'Poor co-production',
    );
    expect(screen.getByText('Not saved')).toBeTruthy();
  });

  it('archives an action out of the way, under “Archived”, and restores it', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t);
    renderStructure(t, officer, paths.structure(plan.id));

    await user.click(await screen.findByRole('button', { name: 'Archive action 1.1.1' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Open action 1.1.1' })).toBeNull());
    expect(announcement()).toBe('Archived action 1.1.1');
    // Kept, collapsed under "Archived", with its reference.
    const toggle = screen.getByRole('button', { name: 'Archived (1): actions of focus area 1.1' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByRole('link', { name: 'Open action 1.1.1' })).toBeTruthy();
    // 1.1.2 is now the first in use; it keeps its number, as 1.1.1 keeps its own.
    expect(screen.getByRole('button', { name: 'Move action 1.1.2 up' })).toHaveProperty('disabled', true);

    await user.click(screen.getByRole('button', { name: 'Restore action 1.1.1' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Archived (1): actions of focus area 1.1' })).toBeNull(),
    );
    expect(screen.getByRole('button', { name: 'Move action 1.1.1 down' })).toBeTruthy();
  });

  it('when someone else changed the structure meanwhile, keeps the edit, shows theirs, and saves on top', async () => {
    const user = userEvent.setup();
    const { plan, priorities: stored } = await aPlanIn(t);
    renderStructure(t, officer, paths.structure(plan.id));

    await user.click(await screen.findByRole('button', { name: 'Edit priority 1' }));
    const form = within(screen.getByRole('form', { name: 'Edit priority 1' }));
    const title = form.getByRole('textbox', { name: /^Priority title/ });
    await user.clear(title);
    await user.type(title, 'Joint commissioning 0 to 25');
    const [p1] = stored;
    if (!p1) throw new Error('Expected priority 1');
    await t.storeAs('priority-lead').priorities.update(p1, { headline: 'Strategy agreed' });
    await user.click(form.getByRole('button', { name: 'Save' }));

    await form.findByText('Someone else changed the plan’s structure');
    expect(title).toHaveProperty('value', 'Joint commissioning 0 to 25');
    await user.click(form.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 3, name: 'Priority 1: Joint commissioning 0 to 25' });
    expect(await t.storeAs('officer').priorities.get(p1.id)).toMatchObject({
      title: 'Joint commissioning 0 to 25',
      headline: 'Strategy agreed',
    });
  });

  it('a board chair sees the structure without a button to change it', async () => {
    const { plan } = await aPlanIn(t);
    const chair: Viewer = { alias: 'chair', role: 'visitor', person: await personFor(t, 'chair') };
    renderStructure(t, chair, paths.structure(plan.id));

    await screen.findByText('You can view this plan’s structure but not change it.');
    expect(headings(3)).toEqual(['Priority 1: Joint commissioning', 'Priority 2: EHC plans']);
    expect(screen.queryByRole('button', { name: /Move|Edit|Archive|Add/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New plan' })).toBeNull();
  });

  it('creates a new plan and opens its structure', async () => {
    const user = userEvent.setup();
    renderStructure(t, officer, paths.newPlan());

    const form = within(await screen.findByRole('form', { name: 'Create a plan' }));
    await user.type(form.getByRole('textbox', { name: /^Plan title/ }), 'Accelerated Progress Plan 2027');
    await user.type(form.getByRole('textbox', { name: /^Local area/ }), 'Testshire');
    const inspected = form.getByRole('textbox', { name: /^Inspection date/ });
    await user.type(inspected, 'Nov 2026');
    await user.selectOptions(
      form.getByRole('combobox', { name: 'Rating scale' }),
      'Red / Amber / Light green / Green / Completed',
    );
    await user.click(form.getByRole('button', { name: 'Create the plan' }));
    await waitFor(() =>
      expect(fieldMessage(inspected)).toContain('Give the day of the inspection, such as 23 Nov 2026'),
    );

    await user.clear(inspected);
    await user.type(inspected, '23 Nov 2026');
    await user.click(form.getByRole('button', { name: 'Create the plan' }));
    await screen.findByRole('heading', { level: 1, name: 'Plan structure' });
    expect(screen.getByText('Accelerated Progress Plan 2027')).toBeTruthy();
    expect(
      screen.getByText(
        'Testshire · Inspected 23 Nov 2026 · Rated on Red / Amber / Light green / Green / Completed',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Address' }).textContent).toMatch(
      /^\/plans\/[^/]+\/structure$/,
    );
  });
});
