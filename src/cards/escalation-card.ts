import type { EscalationGroup } from '../domain/reminders/grouping';
import type { MilestoneReminder } from '../domain/reminders/types';
import { openUrl, textBlock, type AdaptiveCard } from './adaptive-card';
import { greetingFor, type CardContext } from './context';
import { escapeCardText } from './escape';
import { plural } from './format';
import { milestoneBlock, priorityHeading, sectionedCards, toRows } from './sections';

/**
 * To a priority lead: milestones in their priorities that have been overdue past
 * the escalation point, with each one's lead, so they can step in.
 */
export function buildEscalationCard(group: EscalationGroup, context: CardContext): AdaptiveCard[] {
  const { mention, name } = greetingFor(group.recipient, context);
  const count = group.reminders.length;
  const summary = `${plural(count, 'milestone has', 'milestones have')} passed the escalation point and ${
    count === 1 ? 'needs' : 'need'
  } your help.`;
  return sectionedCards({
    context,
    title: 'Escalation: overdue milestones',
    titleColor: 'attention',
    intro: [textBlock(`${name}, ${summary}`)],
    rows: toRows(byPriority(group.reminders), (r) => r.priority.priorityId),
    heading: (row, continued) => [priorityHeading(row.item.priority, continued)],
    renderItem: (reminder) => [milestoneBlock(reminder, context, { withLead: true })],
    actions: [openUrl('Open my work', context.links.myWorkUrl())],
    fallbackText: `Escalation for ${escapeCardText(group.recipient.displayName)}: ${summary}`,
    mention,
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
