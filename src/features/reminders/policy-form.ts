import { formatDate, parseDueDate, type FieldIssue } from '../../domain';
import type { ReminderPolicy, ReminderPolicyInput } from '../../domain/reminders';
import type { FieldMessages } from '../../ui/form-errors';

/**
 * The reminder settings form: what the officer types (strings, so nothing they
 * type is lost on a failed save), to and from the policy. Problems come back
 * keyed by form field, so each shows on its own field.
 */
export interface ChannelRow {
  key: string;
  name: string;
  webhookName: string;
  teamId: string;
  channelId: string;
}

export interface PolicyForm {
  enabled: boolean;
  daysBefore: string;
  onDueDate: boolean;
  overdueEveryDays: string;
  escalateAfterDays: string;
  weekendsQuiet: boolean;
  bankHolidays: string;
  updatesDaysBefore: string;
  reportingDeadlines: string;
  digestDaysBefore: string;
  boardDates: string;
  boardChannel: string;
  defaultChannel: string;
  /** Priority id -> channel key; '' for the default channel. */
  priorityChannels: Record<string, string>;
  channels: ChannelRow[];
}

export function toForm(policy: ReminderPolicy): PolicyForm {
  return {
    enabled: policy.enabled,
    daysBefore: policy.milestones.daysBefore.join(', '),
    onDueDate: policy.milestones.onDueDate,
    overdueEveryDays: policy.milestones.overdueEveryDays?.toString() ?? '',
    escalateAfterDays: policy.escalation.afterDaysOverdue?.toString() ?? '',
    weekendsQuiet: policy.quietDays.weekends,
    bankHolidays: dateLines(policy.quietDays.bankHolidays),
    updatesDaysBefore: String(policy.updatesDue.daysBefore),
    reportingDeadlines: dateLines(policy.updatesDue.deadlines),
    digestDaysBefore: String(policy.exceptionsDigest.daysBefore),
    boardDates: dateLines(policy.exceptionsDigest.boardDates),
    boardChannel: policy.exceptionsDigest.channel ?? '',
    defaultChannel: policy.defaultChannel ?? '',
    priorityChannels: { ...policy.priorityChannels },
    channels: policy.channels.map((c) => ({
      key: c.key,
      name: c.name,
      webhookName: c.webhookName ?? '',
      teamId: c.teamId ?? '',
      channelId: c.channelId ?? '',
    })),
  };
}

function dateLines(dates: readonly string[]): string {
  return dates.map((d) => formatDate(d)).join('\n');
}

/**
 * The policy the form describes, or the problems found reading it. The policy's
 * own schema judges the rest when it is saved (see `errorsFromIssues`).
 */
export function fromForm(form: PolicyForm): { policy: ReminderPolicyInput; errors: FieldMessages } {
  const errors: FieldMessages = {};
  const days = (field: keyof PolicyForm & string, value: string, label: string, optional: boolean) => {
    const text = value.trim();
    if (text === '') {
      if (!optional) errors[field] = `${label} is required`;
      return null;
    }
    if (!/^\d+$/.test(text)) {
      errors[field] = `${label} must be a whole number of days`;
      return null;
    }
    return Number(text);
  };
  const daysBefore = form.daysBefore
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : NaN));
  if (daysBefore.some(Number.isNaN))
    errors.daysBefore = 'Write whole numbers of days, separated by commas: 14, 7';
  const priorityChannels = Object.fromEntries(
    Object.entries(form.priorityChannels).filter(([, key]) => key !== ''),
  );
  const policy: ReminderPolicyInput = {
    enabled: form.enabled,
    milestones: {
      daysBefore: daysBefore.filter((d) => !Number.isNaN(d)),
      onDueDate: form.onDueDate,
      overdueEveryDays: days(
        'overdueEveryDays',
        form.overdueEveryDays,
        'The overdue reminder interval',
        true,
      ),
    },
    escalation: { afterDaysOverdue: days('escalateAfterDays', form.escalateAfterDays, 'Escalation', true) },
    channels: form.channels.map((c) => ({
      key: c.key,
      name: c.name,
      webhookName: c.webhookName.trim() || null,
      teamId: c.teamId.trim() || null,
      channelId: c.channelId.trim() || null,
    })),
    defaultChannel: form.defaultChannel || null,
    priorityChannels,
    quietDays: {
      weekends: form.weekendsQuiet,
      bankHolidays: dates('bankHolidays', form.bankHolidays, errors),
    },
    updatesDue: {
      daysBefore: days('updatesDaysBefore', form.updatesDaysBefore, 'The "updates due" reminder', false) ?? 5,
      deadlines: dates('reportingDeadlines', form.reportingDeadlines, errors),
    },
    exceptionsDigest: {
      daysBefore: days('digestDaysBefore', form.digestDaysBefore, 'The exceptions digest', false) ?? 3,
      boardDates: dates('boardDates', form.boardDates, errors),
      channel: form.boardChannel || null,
    },
  };
  return { policy, errors };
}

/** One date a line, as people write them: 25 Dec 2026, 25/12/2026 or 2026-12-25. */
function dates(field: string, text: string, errors: FieldMessages): string[] {
  const found: string[] = [];
  const problems: string[] = [];
  text
    .split('\n')
    .map((line) => line.trim())
    .forEach((line, i) => {
      if (line === '') return;
      try {
        const parsed = parseDueDate(line);
        if (parsed.precision === 'month') problems.push(`Line ${i + 1}: give the day as well as the month`);
        else found.push(parsed.date);
      } catch {
        problems.push(`Line ${i + 1}: "${line}" is not a date (write 25 Dec 2026 or 25/12/2026)`);
      }
    });
  if (problems.length > 0) errors[field] = problems.join('; ');
  return found;
}

const FIELDS_BY_PATH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^milestones\.daysBefore/, () => 'daysBefore'],
  [/^milestones\.overdueEveryDays/, () => 'overdueEveryDays'],
  [/^escalation\.afterDaysOverdue/, () => 'escalateAfterDays'],
  [/^quietDays\.bankHolidays/, () => 'bankHolidays'],
  [/^updatesDue\.daysBefore/, () => 'updatesDaysBefore'],
  [/^updatesDue\.deadlines/, () => 'reportingDeadlines'],
  [/^exceptionsDigest\.daysBefore/, () => 'digestDaysBefore'],
  [/^exceptionsDigest\.boardDates/, () => 'boardDates'],
  [/^exceptionsDigest\.channel/, () => 'boardChannel'],
  [/^defaultChannel/, () => 'defaultChannel'],
  [/^priorityChannels\.(.+)$/, (m) => `priority:${m[1] ?? ''}`],
  [/^channels\.(\d+)\.(\w+)/, (m) => `channel:${m[1] ?? ''}:${m[2] ?? ''}`],
  [/^channels/, () => 'channels'],
];

/** The policy schema's issues, keyed by the form field that shows each; '' for the form as a whole. */
export function errorsFromIssues(issues: readonly FieldIssue[]): FieldMessages {
  const errors: FieldMessages = {};
  for (const issue of issues) {
    let field = '';
    for (const [pattern, fieldOf] of FIELDS_BY_PATH) {
      const m = pattern.exec(issue.field);
      if (m) {
        field = fieldOf(m);
        break;
      }
    }
    errors[field] = errors[field] ? `${errors[field]}; ${issue.message}` : issue.message;
  }
  return errors;
}

export function emptyChannel(): ChannelRow {
  return { key: '', name: '', webhookName: '', teamId: '', channelId: '' };
}
