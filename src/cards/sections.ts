import { daysBetween } from '../domain/dates';
import type { MilestoneReminder } from '../domain/reminders/types';
import {
  adaptiveCard,
  container,
  factSet,
  openUrl,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type Container,
  type Fact,
  type OpenUrlAction,
  type TextBlock,
  type TextColor,
} from './adaptive-card';
import { planSubtitle, type CardContext, type Mention } from './context';
import { escapeCardText } from './escape';
import { dueDateLabel, dueStatusLabel, partSuffix } from './format';
import { MAX_CARD_BYTES, paginate } from './split';

/** One line of a paged card: an item under a section heading. */
export interface Row<T> {
  section: string;
  /** True for the section's first row overall, so a page that starts mid-section says "continued". */
  first: boolean;
  item: T;
}

export function toRows<T>(items: readonly T[], sectionOf: (item: T) => string): Row<T>[] {
  let previous: string | null = null;
  return items.map((item) => {
    const section = sectionOf(item);
    const row = { section, first: section !== previous, item };
    previous = section;
    return row;
  });
}

/** A page's elements: each section's heading before its first row on the page, then its rows. */
function renderRows<T>(
  rows: readonly Row<T>[],
  heading: (row: Row<T>, continued: boolean) => CardElement[],
  renderItem: (item: T) => CardElement[],
): CardElement[] {
  const elements: CardElement[] = [];
  let current: string | null = null;
  for (const row of rows) {
    if (row.section !== current) {
      elements.push(...heading(row, !row.first));
      current = row.section;
    }
    elements.push(...renderItem(row.item));
  }
  return elements;
}

export interface SectionedCardSpec<T> {
  context: CardContext;
  title: string;
  titleColor?: TextColor;
  /** What comes under the plan's name, before the sections: a mention and summary, totals… */
  intro: CardElement[];
  rows: readonly Row<T>[];
  heading: (row: Row<T>, continued: boolean) => CardElement[];
  renderItem: (item: T) => CardElement[];
  actions?: OpenUrlAction[];
  fallbackText: string;
  /** The person the card @mentions; the mention's text must be in `intro`. */
  mention?: Mention;
}

/**
 * The shape every reminder card shares: a heading, the plan's name, an intro, then
 * the rows under their section headings; split into "1 of N" cards when the rows
 * do not fit one card.
 */
export function sectionedCards<T>(spec: SectionedCardSpec<T>): AdaptiveCard[] {
  const { context, mention } = spec;
  return paginate<Row<T>>({
    items: spec.rows,
    maxBytes: context.maxBytes ?? MAX_CARD_BYTES,
    renderItem: (row) => spec.renderItem(row.item),
    renderPage: (page) =>
      adaptiveCard({
        body: [
          textBlock(`${spec.title}${partSuffix(page.index, page.total)}`, {
            style: 'heading',
            size: 'medium',
            weight: 'bolder',
            ...(spec.titleColor ? { color: spec.titleColor } : {}),
          }),
          textBlock(planSubtitle(context), { isSubtle: true, spacing: 'none' }),
          ...spec.intro,
          ...renderRows(page.items, spec.heading, spec.renderItem),
        ],
        ...(spec.actions ? { actions: spec.actions } : {}),
        fallbackText: spec.fallbackText,
        msteams: mention ? { width: 'Full', entities: [mention.entity] } : { width: 'Full' },
      }),
  });
}

/** A priority's section heading: "Priority 2 Co-production", "(continued)" on a later card. */
export function priorityHeading(priority: { label: string; title: string }, continued: boolean): TextBlock {
  const name = escapeCardText(`${priority.label} ${priority.title}`.trim() || 'Priority not found');
  return textBlock(`${name}${continued ? ' (continued)' : ''}`, {
    weight: 'bolder',
    spacing: 'large',
    separator: true,
  });
}

/**
 * One action in a card: its reference and text, then facts about it; it opens
 * in the tab from a button under the facts, or (`opens: 'whole'`) from anywhere on it.
 */
export function actionBlock(
  action: { reference: string; text: string; actionId: string },
  facts: Fact[],
  context: CardContext,
  opens: 'button' | 'whole' = 'button',
): Container {
  const open = openUrl(`Open action ${action.reference}`, context.links.actionUrl(action.actionId));
  const items: CardElement[] = [
    textBlock(`${escapeCardText(action.reference)} ${escapeCardText(action.text)}`, { weight: 'bolder' }),
    factSet(facts, opens === 'whole' ? { spacing: 'small' } : {}),
  ];
  if (opens === 'button') items.push({ type: 'ActionSet', actions: [open] });
  return container(items, {
    separator: true,
    spacing: 'medium',
    ...(opens === 'whole' ? { selectAction: open } : {}),
  });
}

/**
 * A milestone reminder as one action block: the milestone, when it is due, how
 * late it is, the action's lead when `withLead` (for someone other than the lead),
 * and the action's rating.
 */
export function milestoneBlock(
  reminder: MilestoneReminder,
  context: CardContext,
  options: { withLead: boolean },
): Container {
  const { action } = reminder;
  const facts: Fact[] = [
    { title: 'Milestone', value: escapeCardText(reminder.milestoneTitle) },
    { title: 'Due', value: dueDateLabel(reminder.dueDate, reminder.dueDatePrecision) },
    { title: 'Status', value: dueStatusLabel(daysBetween(reminder.dueDate, context.today)) },
  ];
  if (options.withLead)
    facts.push({ title: 'Lead', value: escapeCardText(action.lead?.displayName ?? 'No lead') });
  facts.push({ title: 'Rating', value: escapeCardText(action.rating.label) });
  return actionBlock(action, facts, context);
}
