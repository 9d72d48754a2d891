import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import type { TestGraph } from '../../integration/support/local-graph';
import { anActionIn, personFor, renderActionPage, startActionGraph } from './harness';

describe('editing an action', () => {
  let t: TestGraph;
  let hannah: PersonRef;
  beforeAll(async () => {
    t = await startActionGraph();
    hannah = await personFor(t, 'lead');
  });
  afterAll(() => t.close());

  it('saves every kind of field with its rating note, and the history shows the change', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    const forum = await screen.findByRole('textbox', { name: 'Governance forum' });
    await user.clear(forum);
    await user.type(forum, 'WSOA Group');
    const due = screen.getByRole('textbox', { name: 'Due date' });
    await user.clear(due);
    await user.type(due, '23/04/2027');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Current rating' }), 'Good progress');
    await user.type(
      screen.getByRole('textbox', { name: /^Progress note/ }),
      'Audit tool in use by all teams',
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sustained (RAG)' }), 'Partly sustained');
    await user.click(screen.getByRole('button', { name: 'Add evidence link' }));
    await user.type(screen.getByRole('textbox', { name: 'Evidence 1 title' }), 'Audit tool');
    await user.type(
      screen.getByRole('textbox', { name: 'Evidence 1 web address' }),
      'https://sharepoint.example/audit-tool.docx',
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Changes saved');
    const stored = await t.storeAs('lead').actions.get(action.id);
    expect(stored).toMatchObject({
      governanceForum: 'WSOA Group',
      dueDate: '2027-04-23',
      dueDatePrecision: 'day',
      status: 'green',
      sustainedRating: 'amber',
      evidenceLinks: [{ title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' }],
    });
    const history = screen.getByRole('region', { name: 'Progress history' });
    await within(history).findByText('Audit tool in use by all teams');
    expect(within(history).getByText('Minor delays')).toBeDefined();
    expect(within(history).getByText('Good progress')).toBeDefined();
    expect(within(history).getByText('Hannah Whitfield')).toBeDefined();
  });

  it('chooses a new lead from the directory, showing their agency', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    const lead = await screen.findByRole('combobox', { name: 'Lead' });
    await user.clear(lead);
    await user.type(lead, 'Dan');
    // Choose from the settled search for "Dan": an option of an earlier search ("D")
    // can be replaced under the pointer when the later one answers.
    await screen.findByText(/found: choose one$/);
    const option = screen.getByRole('option', { name: /Daniel Okafor/ });
    expect(option.textContent).toContain('Leicester, Leicestershire and Rutland ICB');
    await user.click(option);
    expect(valueOf(lead)).toBe('Daniel Okafor');
    expect(screen.getByText('Agency: Leicester, Leicestershire and Rutland ICB')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Changes saved');
    const stored = await t.storeAs('lead').actions.get(action.id);
    expect(stored.lead).toMatchObject({
      displayName: 'Daniel Okafor',
      upn: 'daniel.okafor@demo.localarea.example',
      agency: 'Leicester, Leicestershire and Rutland ICB',
    });
  });

  it('puts validation messages on their fields and keeps everything typed', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    const text = await screen.findByRole('textbox', { name: /^Action/ });
    await user.clear(text);
    const narrative = screen.getByRole('textbox', { name: 'Progress update' });
    await user.type(narrative, ' Second audit booked.');
    const due = screen.getByRole('textbox', { name: 'Due date' });
    await user.clear(due);
    await user.type(due, 'next spring');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Current rating' }), 'Good progress');
    await user.click(screen.getByRole('button', { name: 'Add evidence link' }));
    await user.type(screen.getByRole('textbox', { name: 'Evidence 1 title' }), 'Minutes');
    await user.type(screen.getByRole('textbox', { name: 'Evidence 1 web address' }), 'intranet/minutes');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Action is required')).toBeDefined();
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(text);
    expect(descriptionOf(due)).toContain('write it as 23 Nov 2026');
    expect(descriptionOf(screen.getByRole('textbox', { name: /^Progress note/ }))).toContain(
      'Add a progress note to say why the rating changed',
    );
    expect(descriptionOf(screen.getByRole('textbox', { name: 'Evidence 1 web address' }))).toContain(
      'starting http:// or https://',
    );
    // Nothing typed is lost, and nothing was saved.
    expect(valueOf(narrative)).toBe('Audit tool agreed with health partners. Second audit booked.');
    expect(valueOf(due)).toBe('next spring');
    expect(valueOf(screen.getByRole('textbox', { name: 'Evidence 1 title' }))).toBe('Minutes');
    expect((await t.storeAs('lead').actions.get(action.id)).etag).toBe(action.etag);

    // Fixing the fields saves.
    await user.type(text, 'Audit a sample of EHC plans every month');
    await user.clear(due);
    await user.type(due, 'Jun 2027');
    await user.type(screen.getByRole('textbox', { name: /^Progress note/ }), 'Audits under way');
    const url = screen.getByRole('textbox', { name: 'Evidence 1 web address' });
    await user.clear(url);
    await user.type(url, 'https://intranet.example/minutes');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Changes saved');
    expect(await t.storeAs('lead').actions.get(action.id)).toMatchObject({
      text: 'Audit a sample of EHC plans every month',
      dueDate: '2027-06-30',
      dueDatePrecision: 'month',
      status: 'green',
    });
  });

  it('on a conflict shows what changed and re-applies my changes on top of theirs', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    const narrative = await screen.findByRole('textbox', { name: 'Progress update' });
    await user.clear(narrative);
    await user.type(narrative, 'Mine: second audit booked');
    // Meanwhile the programme officer changes the action from another session.
    await t.storeAs('officer').actions.update(action, {
      governanceForum: 'Joint Commissioning Group',
      progressNarrative: 'Theirs: audit tool rolled out',
    });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const panel = await screen.findByRole('region', { name: /Someone else changed this action/ });
    const table = within(panel).getByRole('table');
    const rowOf = (label: RegExp) =>
      within(table)
        .getAllByRole('row')
        .find((r) => label.test(r.textContent ?? ''));
    expect(rowOf(/^Governance forum/)?.textContent).toContain('Joint Commissioning Group');
    expect(rowOf(/^Governance forum/)?.textContent).toContain('Not changed by you');
    expect(rowOf(/^Progress update/)?.textContent).toContain('Theirs: audit tool rolled out');
    expect(rowOf(/^Progress update/)?.textContent).toContain('Mine: second audit booked');
    expect(rowOf(/^Progress update/)?.textContent).toContain('Changed by both of you');
    expect(valueOf(narrative)).toBe('Mine: second audit booked');

    await user.click(within(panel).getByRole('button', { name: 'Re-apply my changes' }));
    await screen.findByText('Changes saved');
    expect(screen.queryByRole('region', { name: /Someone else changed this action/ })).toBeNull();
    expect(await t.storeAs('lead').actions.get(action.id)).toMatchObject({
      governanceForum: 'Joint Commissioning Group',
      progressNarrative: 'Mine: second audit booked',
    });
    expect(valueOf(screen.getByRole('textbox', { name: 'Governance forum' }))).toBe(
      'Joint Commissioning Group',
    );
  });

  it('on a conflict can discard my changes for the latest', async () => {
    const user = userEvent.setup();
    const { action } = await anActionIn(t, hannah);
    renderActionPage(t, { action, alias: 'lead', person: hannah, role: 'member' });

    const forum = await screen.findByRole('textbox', { name: 'Governance forum' });
    await user.clear(forum);
    await user.type(forum, 'WSOA Group');
    await t.storeAs('officer').actions.update(action, { governanceForum: 'Joint Commissioning Group' });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const panel = await screen.findByRole('region', { name: /Someone else changed this action/ });
    await user.click(within(panel).getByRole('button', { name: 'Discard my changes' }));

    await waitFor(() => expect(valueOf(forum)).toBe('Joint Commissioning Group'));
    expect(screen.getByText('No unsaved changes')).toBeDefined();
    expect((await t.storeAs('lead').actions.get(action.id)).governanceForum).toBe(
      'Joint Commissioning Group',
    );
  });
});

function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function valueOf(element: HTMLElement): string {
  if (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  )
    return element.value;
  throw new Error(`${element.tagName} has no value`);
}
