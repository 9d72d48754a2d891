import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import type { TestGraph } from '../../integration/support/local-graph';
import { anActionIn, personFor, renderActionPage, startActionGraph } from './harness';

describe('who may change an action', () => {
  let t: TestGraph;
  let hannah: PersonRef;
  let margaret: PersonRef;
  beforeAll(async () => {
    t = await startActionGraph();
    hannah = await personFor(t, 'lead');
    margaret = await personFor(t, 'chair');
  });
  afterAll(() => t.close());

  it('the board chair (a visitor) reads everything with no edit controls', async () => {
    const { action } = await anActionIn(t, hannah, {
      evidenceLinks: [{ title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' }],
    });
    renderActionPage(t, { action, alias: 'chair', person: margaret, role: 'visitor' });

    const about = await screen.findByRole('region', { name: 'About the action' });
    expect(within(about).getByText('SEND and Inclusion Board')).toBeDefined();
    expect(within(about).getByText('Hannah Whitfield, Leicestershire County Council')).toBeDefined();
    expect(within(about).getByText('Mar 2027')).toBeDefined();
    expect(within(about).getByRole('link', { name: 'Audit tool' }).getAttribute('href')).toBe(
      'https://sharepoint.example/audit-tool.docx',
    );
    const milestones = screen.getByRole('region', { name: 'Milestones' });
    expect(within(milestones).getByText('Audit tool signed off')).toBeDefined();

    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    const buttons = screen.queryAllByRole('button').map((b) => b.textContent);
    // The breadcrumb's current page is the only button-like thing left.
    expect(buttons).toEqual(['Action 2.3.1']);
    expect(screen.queryByText('You can view this plan but not change it.')).toBeNull();
  });

  it('a write the store refuses (403) says so and turns the page read-only', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    // The UI believes it may edit, but the token is the chair's: SharePoint refuses the write.
    renderActionPage(t, { action, alias: 'chair', person: margaret, role: 'member' });

    const forum = await screen.findByRole('textbox', { name: 'Governance forum' });
    await user.clear(forum);
    await user.type(forum, 'WSOA Group');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('You can view this plan but not change it.')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect((await t.storeAs('lead').actions.get(action.id)).governanceForum).toBe('SEND and Inclusion Board');
  });
});
