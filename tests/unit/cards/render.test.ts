// @vitest-environment jsdom
import * as AC from 'adaptivecards/dist/adaptivecards.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCardsForGroup, type AdaptiveCard } from '../../../src/cards';
import { contextOn, groupsOf, HOSTILE, richScenario } from './card-fixtures';
import { action, milestone } from '../reminders/builders';

/** Parses and renders a card as the adaptivecards renderer would in a tab; returns what it complained about. */
function render(card: object): { events: string[]; element: HTMLElement | undefined } {
  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptive.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  events.push(...adaptive.validateProperties().validationEvents.map((e) => e.message));
  return { events, element: adaptive.render() };
}

beforeAll(() => {
  // jsdom has no layout, so no innerText; the renderer reads and writes it as plain text.
  if (!('innerText' in HTMLElement.prototype)) {
    Object.defineProperty(HTMLElement.prototype, 'innerText', {
      get(this: HTMLElement) {
        return this.textContent ?? '';
      },
      set(this: HTMLElement, value: string) {
        this.textContent = value;
      },
    });
  }
});

const scenario = richScenario({
  actions: [
    ...richScenario().actions.filter((a) => a.id !== 'a2'),
    action({ id: 'a2', reference: '1.10', text: HOSTILE }),
  ],
  milestones: [
    ...richScenario().milestones,
    milestone({ id: 'm4', actionId: 'a2', title: HOSTILE, dueDate: '2026-12-30' }),
  ],
});
const cards = groupsOf(scenario).flatMap((group) =>
  buildCardsForGroup(group, contextOn('2026-12-30')).map(
    (card) => [`${group.card} for ${group.recipient?.displayName ?? group.channel.key}`, card] as const,
  ),
);

function ashasCard(): AdaptiveCard {
  const found = cards.find(([name]) => name === 'lead-reminders for Asha Patel');
  if (!found) throw new Error('The scenario should give Asha a card');
  return found[1];
}

describe('rendering with the adaptivecards renderer', () => {
  it.each(cards)('parses and renders without warnings: %s', (_, card) => {
    const { events, element } = render(card);
    expect(events).toEqual([]);
    expect(element).toBeInstanceOf(HTMLElement);
    expect(element?.textContent).not.toBe('');
  });

  it('does report a broken card, so "no warnings" means something', () => {
    expect(render({ ...ashasCard(), body: [{ type: 'Bogus' }] }).events).toEqual([
      'Unknown element type "Bogus". Fallback will be used if present.',
    ]);
  });

  it('shows hostile text as text: no script element, no link from the action title', () => {
    const element = render(ashasCard()).element;
    expect(element?.querySelector('script')).toBeNull();
    expect([...(element?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).not.toContain(
      'http://evil',
    );
    expect(element?.textContent).toContain('heading');
  });

  it('renders the deep-link buttons', () => {
    const buttons = [...(render(ashasCard()).element?.querySelectorAll('button') ?? [])].map(
      (b) => b.textContent,
    );
    expect(buttons).toEqual(expect.arrayContaining(['Open action 1.1', 'Open action 1.10', 'Open my work']));
  });
});
