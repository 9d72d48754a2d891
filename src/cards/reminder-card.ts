import { daysBetween, formatDate } from '../domain/dates';
import type { LeadRemindersGroup } from '../domain/reminders/grouping';
import type { ActionSnapshot, MilestoneReminder, UpdatesDueReminder } from '../domain/reminders/types';
import {
  adaptiveCard,
  container,
  factSet,
  openUrl,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './adaptive-card';
import { mentionOf, planSubtitle, type CardContext } from './context';
import { escapeCardText } from './escape';
import { dueDateLabel, dueStatusLabel, partSuffix, plural } from './format';
import { renderRows, toRows, type Row } from './sections';
import { MAX_CARD_BYTES, paginate } from './split';

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
  const lines = linesOf(group, context);
  const rows = toRows(lines, sectionOf);
  const mention = mentionOf(group.recipient);
  const summary = summarise(group);
  return paginate<Row<Line>>({
    items: rows,
    maxBytes: context.maxBytes ?? MAX_CARD_BYTES,
    renderItem: (row) => renderLine(row.item, context),
    renderPage: (page) =>
      adaptiveCard({
        body: [
          textBlock(`Reminders${partSuffix(page.index, page.total)}`, {
            style: 'heading',
            size: 'medium',
            weight: 'bolder',
          }),
          textBlock(planSubtitle(context), { isSubtle: true, spacing: 'none' }),
          textBlock(`${mention.text}, ${summary}`),
          ...renderRows(page.items, heading, (line) => renderLine(line, context)),
        ],
        actions: [openUrl('Open my work', context.links.myWorkUrl())],
        fallbackText: `Reminders for ${group.recipient.displayName}: ${summary}`,
        msteams: { width: 'Full', entities: [mention.entity] },
      }),
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
  const { reminder, daysOverdue } = line;
  const { action } = reminder;
  return [
    container(
      [
        textBlock(`${escapeCardText(action.reference)} ${escapeCardText(action.text)}`, { weight: 'bolder' }),
        factSet([
          { title: 'Milestone', value: escapeCardText(reminder.milestoneTitle) },
          { title: 'Due', value: dueDateLabel(reminder.dueDate, reminder.dueDatePrecision) },
          { title: 'Status', value: dueStatusLabel(daysOverdue) },
          { title: 'Rating', value: escapeCardText(action.rating.label) },
        ]),
        {
          type: 'ActionSet',
          actions: [openUrl(`Open action ${action.reference}`, context.links.actionUrl(action.actionId))],
        },
      ],
      { separator: true, spacing: 'medium' },
    ),
  ];
}

function actionLine(action: ActionSnapshot): string {
  return `${escapeCardText(action.text)} (${escapeCardText(action.rating.label)})`;
}
