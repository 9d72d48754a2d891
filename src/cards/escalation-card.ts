import { daysBetween } from '../domain/dates';
import type { EscalationGroup } from '../domain/reminders/grouping';
import type { MilestoneReminder } from '../domain/reminders/types';
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

/**
 * To a priority lead: milestones in their priorities that have been overdue past
 * the escalation point, with each one's lead, so they can step in.
 */
export function buildEscalationCard(group: EscalationGroup, context: CardContext): AdaptiveCard[] {
  const mention = mentionOf(group.recipient);
  const rows = toRows(byPriority(group.reminders), (r) => r.priority.priorityId);
  const count = group.reminders.length;
  const summary = `${plural(count, 'milestone has', 'milestones have')} passed the escalation point and ${
    count === 1 ? 'needs' : 'need'
  } your help.`;
  return paginate<Row<MilestoneReminder>>({
    items: rows,
    maxBytes: context.maxBytes ?? MAX_CARD_BYTES,
    renderItem: (row) => renderItem(row.item, context),
    renderPage: (page) =>
      adaptiveCard({
        body: [
          textBlock(`Escalation: overdue milestones${partSuffix(page.index, page.total)}`, {
            style: 'heading',
            size: 'medium',
            weight: 'bolder',
            color: 'attention',
          }),
          textBlock(planSubtitle(context), { isSubtle: true, spacing: 'none' }),
          textBlock(`${mention.text}, ${summary}`),
          ...renderRows(page.items, heading, (reminder) => renderItem(reminder, context)),
        ],
        actions: [openUrl('Open my work', context.links.myWorkUrl())],
        fallbackText: `Escalation for ${group.recipient.displayName}: ${summary}`,
        msteams: { width: 'Full', entities: [mention.entity] },
      }),
  });
}

/** Priorities in number order (missing ones last); the planner's reference order within each. */
function byPriority(reminders: readonly MilestoneReminder[]): MilestoneReminder[] {
  const rank = (r: MilestoneReminder) => r.priority.number ?? Number.MAX_SAFE_INTEGER;
  return [...reminders].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.priority.priorityId < b.priority.priorityId
        ? -1
        : a.priority.priorityId > b.priority.priorityId
          ? 1
          : 0),
  );
}

function heading(row: Row<MilestoneReminder>, continued: boolean): CardElement[] {
  const { label, title } = row.item.priority;
  const text = escapeCardText(`${label} ${title}`.trim() || 'Priority not found');
  return [
    textBlock(`${text}${continued ? ' (continued)' : ''}`, {
      weight: 'bolder',
      spacing: 'large',
      separator: true,
    }),
  ];
}

function renderItem(reminder: MilestoneReminder, context: CardContext): CardElement[] {
  const { action } = reminder;
  return [
    container(
      [
        textBlock(`${escapeCardText(action.reference)} ${escapeCardText(action.text)}`, { weight: 'bolder' }),
        factSet([
          { title: 'Milestone', value: escapeCardText(reminder.milestoneTitle) },
          { title: 'Due', value: dueDateLabel(reminder.dueDate, reminder.dueDatePrecision) },
          { title: 'Status', value: dueStatusLabel(daysBetween(reminder.dueDate, context.today)) },
          { title: 'Lead', value: escapeCardText(action.lead?.displayName ?? 'No lead') },
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
