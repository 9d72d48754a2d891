import { describe, expect, it } from 'vitest';
import { defaultReminderPolicy, parseReminderPolicy } from '../../../src/domain/reminders';
import { errorsFromIssues, fromForm, toForm } from '../../../src/features/reminders/policy-form';
import { policy } from './builders';

describe('the reminder settings form', () => {
  it('gives back the policy it was filled from', () => {
    const stored = policy({
      priorityChannels: { p3: 'health' },
      quietDays: { bankHolidays: ['2026-12-25', '2026-12-28'] },
      updatesDue: { deadlines: ['2027-01-04'] },
      exceptionsDigest: { boardDates: ['2027-01-07'], channel: 'board' },
      escalation: { afterDaysOverdue: null },
    });
    const form = toForm(stored);
    expect(form.bankHolidays).toBe('25 Dec 2026\n28 Dec 2026');
    expect(form.escalateAfterDays).toBe('');
    const read = fromForm(form);
    expect(read.errors).toEqual({});
    expect(parseReminderPolicy(read.policy)).toEqual({ ok: true, value: stored });
  });

  it.each([
    ['daysBefore', '14; seven', 'Write whole numbers of days, separated by commas: 14, 7'],
    ['overdueEveryDays', '1.5', 'The overdue reminder interval must be a whole number of days'],
    ['updatesDaysBefore', '', 'The "updates due" reminder is required'],
    [
      'bankHolidays',
      '25 Dec 2026\nDec 2026\nsoon',
      'Line 2: give the day as well as the month; Line 3: "soon" is not a date (write 25 Dec 2026 or 25/12/2026)',
    ],
  ] as const)('says what is wrong with %s', (field, value, message) => {
    const form = { ...toForm(defaultReminderPolicy()), [field]: value };
    expect(fromForm(form).errors).toEqual({ [field]: message });
  });

  it('reads dates as people write them', () => {
    const form = { ...toForm(defaultReminderPolicy()), boardDates: '4 Jan 2027\n01/03/2027\n2027-05-06\n' };
    expect(fromForm(form).policy.exceptionsDigest?.boardDates).toEqual([
      '2027-01-04',
      '2027-03-01',
      '2027-05-06',
    ]);
  });

  it('puts each of the policy schema’s problems on the field that shows it', () => {
    expect(
      errorsFromIssues([
        { field: 'milestones.daysBefore.1', message: 'a' },
        { field: 'channels.2.webhookName', message: 'b' },
        { field: 'priorityChannels.p 3', message: 'c' },
        { field: 'exceptionsDigest.channel', message: 'd' },
        { field: 'milestones.daysBefore.0', message: 'e' },
        { field: 'somethingElse', message: 'f' },
      ]),
    ).toEqual({
      daysBefore: 'a; e',
      'channel:2:webhookName': 'b',
      'priority:p 3': 'c',
      boardChannel: 'd',
      '': 'f',
    });
  });
});
