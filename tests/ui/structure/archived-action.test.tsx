import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanStructure } from '../../../src/plan/structure/load';
import { setArchived } from '../../../src/plan/structure/arrange';
import type { TestGraph } from '../../integration/support/local-graph';
import type { Viewer } from '../support/render-in-tab';
import { aPlanIn, personFor, renderActionOf, startStructureGraph } from './harness';

describe('an archived action opened directly', () => {
  let t: TestGraph;
  let officer: Viewer;
  beforeAll(async () => {
    t = await startStructureGraph();
    officer = { alias: 'officer', role: 'owner', person: await personFor(t, 'officer') };
  });
  afterAll(() => t.close());

  it('shows, marked archived, for reading only, with the way to restore it', async () => {
    const user = userEvent.setup();
    const { plan, actions } = await aPlanIn(t);
    const [action] = actions;
    if (!action) throw new Error('Expected an action');
    const officerStore = t.storeAs('officer');
    await setArchived(
      officerStore,
      await loadPlanStructure(officerStore, plan.id),
      {
        kind: 'action',
        id: action.id,
      },
      true,
    );
    renderActionOf(t, officer, action);

    await screen.findByRole('heading', { level: 1, name: 'Action 1.1.1' });
    expect(screen.getByText('Archived')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add milestone' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'plan’s structure' }));
    await screen.findByRole('heading', { level: 1, name: 'Plan structure' });
  });

  it('inside an archived priority is archived too; an action in use is not', async () => {
    const { plan, priorities, actions } = await aPlanIn(t);
    const [p1, p2] = priorities;
    const inArchived = actions.find((a) => a.priorityId === p1?.id);
    const inUse = actions.find((a) => a.priorityId === p2?.id);
    if (!p1 || !inArchived || !inUse) throw new Error('Expected actions in both priorities');
    const officerStore = t.storeAs('officer');
    await setArchived(
      officerStore,
      await loadPlanStructure(officerStore, plan.id),
      {
        kind: 'priority',
        id: p1.id,
      },
      true,
    );

    const first = renderActionOf(t, officer, inArchived);
    await screen.findByText(/This action is archived with its focus area or priority/);
    first.unmount();
    renderActionOf(t, officer, inUse);
    await screen.findByRole('button', { name: 'Save changes' });
    expect(screen.queryByText('Archived')).toBeNull();
  });
});
