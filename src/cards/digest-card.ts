import { formatDate } from '../domain/dates';
import type { DigestGroup } from '../domain/reminders/grouping';
import type {
  DigestFlag,
  DigestItem,
  DigestSection,
  ExceptionsDigestReminder,
} from '../domain/reminders/types';
import { factSet, openUrl, textBlock, type AdaptiveCard, type CardElement, type Fact } from './adaptive-card';
import type { CardContext } from './context';
import { escapeCardText } from './escape';
import { dueDateLabel, dueStatusLabel } from './format';
import { actionBlock, priorityHeading, sectionedCards, toRows, type Row } from './sections';

const FLAGS: readonly DigestFlag[] = ['red', 'amber', 'overdue', 'escalated'];

interface Line {
  section: DigestSection;
  item: DigestItem;
}

/**
 * Exception reporting for the board's channel before a board meeting: only what
 * is rated red or amber on the plan's scale, overdue or escalated, grouped by
 * priority with counts, in the plan's own words.
 */
export function buildExceptionsDigest(group: DigestGroup, context: CardContext): AdaptiveCard[] {
  return group.reminders.flatMap((reminder) => buildDigestCards(reminder, context));
}

function buildDigestCards(reminder: ExceptionsDigestReminder, context: CardContext): AdaptiveCard[] {
  const lines = reminder.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
  const title = `Exceptions for the board on ${formatDate(reminder.boardDate)}`;
  const overview = context.links.overviewUrl?.();
  return sectionedCards({
    context,
    title,
    intro: totals(reminder),
    rows: toRows(lines, (line) => line.section.priority.priorityId),
    heading: (row, continued) => heading(row, continued, reminder.flagLabels),
    renderItem: (line) => renderItem(line.item, reminder.flagLabels, context),
    ...(overview === undefined ? {} : { actions: [openUrl('Open the plan', overview)] }),
    fallbackText: `${title}: ${countsLine(reminder.totals, reminder.flagLabels)}`,
  });
}

function totals(reminder: ExceptionsDigestReminder): CardElement[] {
  if (reminder.sections.length === 0) {
    const { red, amber } = reminder.flagLabels;
    return [textBlock(`No action is rated ${red} or ${amber}, overdue or escalated.`)];
  }
  return [
    textBlock('Actions in each state across the plan (an action can be in more than one):'),
    factSet(
      FLAGS.map((flag) => ({ title: reminder.flagLabels[flag], value: String(reminder.totals[flag]) })),
      {
        spacing: 'small',
      },
    ),
  ];
}

function countsLine(counts: Record<DigestFlag, number>, labels: Record<DigestFlag, string>): string {
  return FLAGS.map((flag) => `${labels[flag]} ${counts[flag]}`).join(' · ');
}

function heading(row: Row<Line>, continued: boolean, labels: Record<DigestFlag, string>): CardElement[] {
  const { priority, counts } = row.item.section;
  return [
    priorityHeading(priority, continued),
    textBlock(countsLine(counts, labels), { isSubtle: true, spacing: 'none' }),
  ];
}

function renderItem(
  item: DigestItem,
  labels: Record<DigestFlag, string>,
  context: CardContext,
): CardElement[] {
  const { action } = item;
  const facts: Fact[] = [
    { title: 'Flags', value: item.flags.map((f) => escapeCardText(labels[f])).join(', ') },
    { title: 'Rating', value: escapeCardText(action.rating.label) },
    { title: 'Lead', value: escapeCardText(action.lead?.displayName ?? 'No lead') },
  ];
  if (item.actionDueDate !== null && item.actionDaysOverdue !== null) {
    facts.push({
      title: 'Action due',
      value: `${dueDateLabel(item.actionDueDate, item.actionDueDatePrecision)}, ${dueStatusLabel(item.actionDaysOverdue)}`,
    });
  }
  for (const m of item.overdueMilestones) {
    const when = `${dueDateLabel(m.dueDate, m.dueDatePrecision)}, ${dueStatusLabel(m.daysOverdue)}`;
    facts.push({
      title: 'Milestone',
      value: `${escapeCardText(m.title)}: ${when}${m.escalated ? ', escalated' : ''}`,
    });
  }
  return [actionBlock(action, facts, context, 'whole')];
}
