import { daysBetween, formatDate } from '../domain/dates';
import type { LeadRemindersGroup } from '../domain/reminders/grouping';
import type { ActionSnapshot, MilestoneReminder, UpdatesDueReminder } from '../domain/reminders/types';
import { factSet, openUrl, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { greetingFor, type CardContext } from './context';
import { escapeCardText } from './escape';
import { plural } from './format';
import { milestoneBlock, sectionedCards, toRows, type Row } from './sections';

interface MilestoneLine {
  kind: 'milestone';
  reminder: MilestoneReminder;
  daysOverdue: number;
}
type Line = MilestoneLine | { kind: 'update'; reminder: UpdatesDueReminder; action: ActionSnapshot };

/**
 * One card per lead per channel: their overdue and upcoming milestones, then any
 * "updates due" request, mentioning the lead. Split into "1 of N" when long.
 */
export function buildReminderCard(group: LeadRemindersGroup, context: CardContext): AdaptiveCard[] {
  const { mention, name } = greetingFor(group.recipient, context);
  const summary = summarise(group);
  return sectionedCards({
    context,
    title: 'Reminders',
    intro: [textBlock(`${name}, ${summary}`)],
    rows: toRows(linesOf(group, context), sectionOf),
    heading,
    renderItem: (line) => renderLine(line, context),
    actions: [openUrl('Open my work', context.links.myWorkUrl())],
    fallbackText: `Reminders for ${escapeCardText(group.recipient.displayName)}: ${summary}`,
    mention,
  });
}

function linesOf(group: LeadRemindersGroup, context: CardContext): Line[] {
  const milestones: MilestoneLine[] = [];
  const updates: Line[] = [];
  for (const reminder of group.reminders) {
    if (reminder.kind === 'updates-due') {
      for (const action of reminder.actions) updates.push({ kind: 'update', reminder, action });
    } else {
      milestones.push({
        kind: 'milestone',
        reminder,
        daysOverdue: daysBetween(reminder.dueDate, context.today),
      });
    }
  }
  // Most overdue first, then the soonest due; the planner's order settles ties.
  milestones.sort((a, b) => b.daysOverdue - a.daysOverdue);
  return [...milestones, ...updates];
}

function sectionOf(line: Line): string {
  if (line.kind === 'update') return `update:${line.reminder.key}`;
  return line.daysOverdue > 0 ? 'overdue' : 'upcoming';
}

function summarise(group: LeadRemindersGroup): string {
  const milestones = group.reminders.filter((r) => r.kind !== 'updates-due').length;
  const updates = group.reminders.filter((r) => r.kind === 'updates-due').length;
  const parts: string[] = [];
  if (milestones > 0)
    parts.push(`${plural(milestones, 'milestone needs', 'milestones need')} your attention`);
  if (updates > 0) parts.push(`progress updates are due for ${plural(updates, 'priority', 'priorities')}`);
  return `${parts.join(' and ')}.`;
}

function heading(row: Row<Line>, continued: boolean): CardElement[] {
  const more = continued ? ' (continued)' : '';
  const line = row.item;
  if (line.kind === 'milestone') {
    const title = line.daysOverdue > 0 ? 'Overdue' : 'Coming up';
    return [textBlock(`${title}${more}`, { weight: 'bolder', spacing: 'large', separator: true })];
  }
  const { reminder } = line;
  const priority = escapeCardText(`${reminder.priority.label} ${reminder.priority.title}`);
  return [
    textBlock(`Progress updates due by ${formatDate(reminder.deadline)}${more}`, {
      weight: 'bolder',
      spacing: 'large',
      separator: true,
    }),
    textBlock(`${priority}: please update these actions before the reporting deadline.`, {
      isSubtle: true,
      spacing: 'none',
    }),
  ];
}

function renderLine(line: Line, context: CardContext): CardElement[] {
  if (line.kind === 'update') {
    const { action } = line;
    return [
      factSet([{ title: escapeCardText(action.reference), value: actionLine(action) }], { spacing: 'small' }),
    ];
  }
  return [milestoneBlock(line.reminder, context, { withLead: false })];
}

function actionLine(action: ActionSnapshot): string {
  return `${escapeCardText(action.text)} (${escapeCardText(action.rating.label)})`;
}
