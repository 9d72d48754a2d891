import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain';
import { ReminderSettingsPage } from '../../../src/features/reminders/ReminderSettingsPage';
import { readReminderPolicy, saveReminderPolicy } from '../../../src/plan/reminders/policy';
import type { TestGraph } from '../../integration/support/local-graph';
import { aPlan, personFor, renderAs, standardPolicy, startReminderGraph } from './harness';

let t: TestGraph;
let priya: PersonRef;
beforeAll(async () => {
  t = await startReminderGraph();
  priya = await personFor(t, 'officer');
});
afterAll(() => t.close());

const asOfficer = (planId: string) =>
  renderAs(t, { alias: 'officer', person: priya, role: 'owner' }, <ReminderSettingsPage planId={planId} />);
const stored = async (planId: string) => readReminderPolicy(t.storeAs('officer'), planId);
const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name });

describe('the reminder settings page', () => {
  it('shows the stored policy and saves the officer’s changes', async () => {
    const user = userEvent.setup();
    const plan = await aPlan(t, 'Settings saved', standardPolicy);
    asOfficer(plan.planId);

    const before = await screen.findByRole('textbox', { name: /Remind before the due date/ });
    expect(before).toHaveProperty('value', '14, 7');
    expect(screen.getByRole('combobox', { name: 'IP2 Co-production' })).toHaveProperty('value', 'ip2');
    await user.clear(before);
    await user.type(before, '10, 3');
    await user.type(textbox('Board meetings'), '4 Jan 2027{Enter}01/03/2027');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Board’s channel' }),
      'SEND Improvement Board',
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await screen.findByText('Reminder settings saved.');
    const policy = (await stored(plan.planId)).policy;
    expect(policy?.milestones.daysBefore).toEqual([10, 3]);
    expect(policy?.exceptionsDigest).toMatchObject({
      boardDates: ['2027-01-04', '2027-03-01'],
      channel: 'board',
    });
  });

  it('puts each validation message on its field and saves nothing', async () => {
    const user = userEvent.setup();
    const plan = await aPlan(t, 'Settings invalid', standardPolicy);
    const { etag } = await stored(plan.planId);
    asOfficer(plan.planId);

    const overdue = await screen.findByRole('textbox', { name: /Then remind every/ });
    await user.clear(overdue);
    await user.type(overdue, 'weekly');
    const before = textbox(/Remind before the due date/);
    await user.clear(before);
    await user.type(before, '14, 0');
    await user.type(textbox('Reporting deadlines'), '31 Feb 2027');
    const second = within(screen.getByRole('group', { name: 'Channel 2' }));
    await user.clear(second.getByRole('textbox', { name: /^Key/ }));
    await user.type(second.getByRole('textbox', { name: /^Key/ }), 'leads');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await screen.findByText('Check the 4 fields marked above; nothing you typed has been lost.');
    // The first field to fix takes the focus.
    expect(document.activeElement).toBe(before);
    expect(fieldMessage(overdue)).toBe('The overdue reminder interval must be a whole number of days');
    expect(fieldMessage(before)).toBe('A reminder before the due date must be at least 1 day');
    expect(fieldMessage(textbox('Reporting deadlines'))).toBe(
      'Line 1: "31 Feb 2027" is not a date (write 25 Dec 2026 or 25/12/2026)',
    );
    expect(fieldMessage(second.getByRole('textbox', { name: /^Key/ }))).toBe(
      'Two channels share the key "leads": give each channel its own key',
    );
    expect(overdue).toHaveProperty('value', 'weekly');
    expect((await stored(plan.planId)).etag).toBe(etag);
  });

  it('keeps what was typed when the save fails because someone else saved first, then saves it over theirs', async () => {
    const user = userEvent.setup();
    const plan = await aPlan(t, 'Settings conflict', standardPolicy);
    asOfficer(plan.planId);
    const escalate = await screen.findByRole('textbox', { name: /Escalate to the priority lead/ });
    // Meanwhile, in another tab:
    await saveReminderPolicy(t.storeAs('officer'), await stored(plan.planId), {
      ...standardPolicy(plan),
      enabled: false,
    });

    await user.clear(escalate);
    await user.type(escalate, '21');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    await screen.findByText('Someone else changed these settings since you opened them');
    expect(escalate).toHaveProperty('value', '21');
    expect((await stored(plan.planId)).policy?.escalation.afterDaysOverdue).toBe(14);

    await user.click(screen.getByRole('button', { name: 'Re-apply my changes' }));
    await screen.findByText('Reminder settings saved.');
    expect((await stored(plan.planId)).policy?.escalation.afterDaysOverdue).toBe(21);
  });

  it('is read-only for a board chair', async () => {
    const plan = await aPlan(t, 'Settings read only', standardPolicy);
    const chair = await personFor(t, 'chair');
    renderAs(
      t,
      { alias: 'chair', person: chair, role: 'visitor' },
      <ReminderSettingsPage planId={plan.planId} />,
    );

    await screen.findByText('Only the programme officer can change the reminder settings.');
    // Inside a disabled fieldset, as a browser judges it.
    expect(textbox(/Remind before the due date/).matches(':disabled')).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Default channel' }).matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
  });
});

/** The validation message Fluent's Field ties to its control. */
function fieldMessage(control: HTMLElement): string | null {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const texts = ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.getAttribute('role') === 'alert' || el?.closest('[role="alert"]'));
  return texts.map((el) => el?.textContent ?? '').join(' ') || null;
}
