import {
  renderCardMarkdown,
  toGraphChatMessage,
  type AdaptiveCard,
  type CardContext,
  type CardLinks,
} from '../../../src/cards';
import {
  groupForDelivery,
  planReminders,
  type ActionSnapshot,
  type DeliveryGroup,
  type DigestGroup,
  type EscalationGroup,
  type LeadRemindersGroup,
  type ReminderPlanInput,
} from '../../../src/domain/reminders';
import { action, ben, milestone, policy, priority, scenario } from '../reminders/builders';

export const links: CardLinks = {
  actionUrl: (id) =>
    `https://teams.example/l/entity/app/tab?context=${encodeURIComponent(JSON.stringify({ subEntityId: `action/${id}` }))}`,
  myWorkUrl: () => 'https://teams.example/l/entity/app/tab?context=%7B%22subEntityId%22%3A%22my-work%22%7D',
  overviewUrl: () =>
    'https://teams.example/l/entity/app/tab?context=%7B%22subEntityId%22%3A%22overview%22%7D',
};

export function contextOn(today: string, overrides: Partial<CardContext> = {}): CardContext {
  return { planTitle: 'Leicestershire WSoA 2026', today, links, ...overrides };
}

export const HOSTILE = '**bold** [x](http://evil) <at>Someone</at> # heading <script>alert(1)</script>';

/**
 * The rest of what card markdown and Teams act on: a list marker at the start, italics,
 * strikethrough, code, a card date function, entities that would decode to a mention,
 * an image and a new line starting a heading.
 */
export const HOSTILE_MORE =
  '- _it_ ~~gone~~ `code` {{DATE(2026-12-01T00:00:00Z, SHORT)}} &lt;at&gt;Eve&lt;/at&gt; ![img](http://evil/x.png)\n# heading';

/** User text as a card shows it: on one line, spaces collapsed. */
export function shownAs(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * Wednesday 30 Dec 2026: Asha has an overdue milestone (m1, due 16 Dec, escalated to
 * Chloe) and one due today with a month-only date; Ben has a red action whose
 * milestone is due in 7 days. The board meets on Monday 4 Jan, and updates are due.
 */
export function richScenario(overrides: Partial<ReminderPlanInput> = {}): ReminderPlanInput {
  return scenario('2026-12-30', {
    priorities: [priority(), priority({ number: 2, lead: ben })],
    actions: [
      action(),
      action({ id: 'a2', reference: '1.10', text: 'Publish the Local Offer in plain English' }),
      action({
        id: 'a3',
        priorityId: 'p2',
        reference: '2.1',
        lead: ben,
        status: 'red',
        text: 'Issue EHC plans within 20 weeks',
      }),
    ],
    milestones: [
      milestone(),
      milestone({
        id: 'm2',
        actionId: 'a2',
        title: 'Local Offer live',
        dueDate: '2026-12-31',
        dueDatePrecision: 'month',
      }),
      milestone({
        id: 'm3',
        priorityId: 'p2',
        actionId: 'a3',
        title: 'Backlog cleared',
        dueDate: '2027-01-06',
      }),
    ],
    policy: policy({
      quietDays: { weekends: false },
      updatesDue: { deadlines: ['2027-01-04'] },
      exceptionsDigest: { daysBefore: 5, boardDates: ['2027-01-04'], channel: 'board' },
    }),
    ...overrides,
  });
}

export function groupsOf(input: ReminderPlanInput): DeliveryGroup[] {
  return groupForDelivery(planReminders(input).reminders);
}

export function leadGroup(groups: DeliveryGroup[], displayName: string): LeadRemindersGroup {
  const group = groups.find(
    (g): g is LeadRemindersGroup => g.card === 'lead-reminders' && g.recipient.displayName === displayName,
  );
  if (!group) throw new Error(`No reminder card for ${displayName}`);
  return group;
}

export function escalationGroup(groups: DeliveryGroup[]): EscalationGroup {
  const group = groups.find((g): g is EscalationGroup => g.card === 'escalation');
  if (!group) throw new Error('No escalation card');
  return group;
}

export function digestGroup(groups: DeliveryGroup[]): DigestGroup {
  const group = groups.find((g): g is DigestGroup => g.card === 'exceptions-digest');
  if (!group) throw new Error('No digest');
  return group;
}

/** Every TextBlock text and Fact title/value in a card, in document order. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const texts: string[] = [];
  if ('type' in node && node.type === 'TextBlock' && 'text' in node && typeof node.text === 'string')
    texts.push(node.text);
  if (
    'title' in node &&
    'value' in node &&
    typeof node.title === 'string' &&
    typeof node.value === 'string'
  ) {
    texts.push(node.title, node.value);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'msteams') texts.push(...cardTexts(value));
  }
  return texts;
}

/** Everything in a card a client reads as card markdown: TextBlock texts, facts, the fallback text. */
export function markdownTexts(card: AdaptiveCard): string[] {
  return [...cardTexts(card), ...(card.fallbackText === undefined ? [] : [card.fallbackText])];
}

/**
 * What in a card text would be read as markup rather than words: a tag other than the
 * card's own mentions (given verbatim), markdown punctuation without its backslash, a
 * new line, or a block marker (heading, list, quote, rule) at the start. The cards'
 * own wording uses none of these, so any found came from user text.
 */
export function rawMarkup(text: string, mentions: readonly string[] = []): string[] {
  const rest = mentions.reduce((t, mention) => t.split(mention).join('Someone'), text);
  const problems: string[] = [];
  if (/[\r\n]/.test(rest)) problems.push('a new line');
  if (/^\s*(?:[#+=>-]|\d+\.(?:\s|$))/.test(rest)) problems.push('a block marker at the start');
  for (let i = 0; i < rest.length; i++) {
    const ch = rest.charAt(i);
    if (ch === '\\') i++;
    else if ('<>*_[]{}~`'.includes(ch)) problems.push(`"${ch}" at ${i}`);
  }
  return problems;
}

const HTML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' };

/** What a reader sees of a card text: rendered as Teams renders card markdown, tags dropped, entities read. */
export function visibleText(text: string): string {
  return renderCardMarkdown(text)
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => HTML_ENTITIES[name] ?? '');
}

/** The groups with `change` applied to the snapshot of every action their reminders show. */
export function rewriteActions(
  groups: DeliveryGroup[],
  change: (action: ActionSnapshot) => ActionSnapshot,
): DeliveryGroup[] {
  return groups.map((group): DeliveryGroup => {
    switch (group.card) {
      case 'lead-reminders':
        return {
          ...group,
          reminders: group.reminders.map((r) =>
            r.kind === 'updates-due'
              ? { ...r, actions: r.actions.map(change) }
              : { ...r, action: change(r.action) },
          ),
        };
      case 'escalation':
        return { ...group, reminders: group.reminders.map((r) => ({ ...r, action: change(r.action) })) };
      case 'exceptions-digest':
        return {
          ...group,
          reminders: group.reminders.map((r) => ({
            ...r,
            sections: r.sections.map((s) => ({
              ...s,
              items: s.items.map((item) => ({ ...item, action: change(item.action) })),
            })),
          })),
        };
    }
  });
}

/**
 * Problems with the card's mentions: a card text (where Teams looks for `<at>` tags)
 * holds only the card's own mentions, each once and with no tag inside. Button
 * captions are plain text, not scanned for mentions.
 */
export function mentionProblems(card: AdaptiveCard): string[] {
  const mentions = (card.msteams?.entities ?? []).map((e) => e.text);
  const texts = cardTexts(card).join('\n');
  const problems = mentions.filter((m) => !/^<at>[^<>]*<\/at>$/.test(m)).map((m) => `forged tag in ${m}`);
  if (texts.split('<at>').length - 1 !== mentions.length) problems.push('an <at> that is no mention');
  for (const m of mentions) if (texts.split(m).length !== 2) problems.push(`${m} not in the card once`);
  return problems;
}

/** Tags in a Graph message's HTML body other than its mentions and the card attachment. */
export function strayHtml(card: AdaptiveCard): string {
  return toGraphChatMessage(card, 'attachment-1')
    .body.content.replace(/<at id="\d+">[^<>]*<\/at>/g, '')
    .replace('<attachment id="attachment-1"></attachment>', '')
    .replace(/[^<>]/g, '');
}
