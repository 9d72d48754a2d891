import type { IsoDate } from '../domain/dates';
import type { PersonRef } from '../domain/model';
import { escapeCardText, mentionText } from './escape';
import type { MentionEntity } from './adaptive-card';

/** Deep links are built by the Teams edge (app id, entity id, host); cards only call them. */
export interface CardLinks {
  actionUrl(actionId: string): string;
  myWorkUrl(): string;
  /** The plan at a glance, for the board's digest; the digest has no plan button without it. */
  overviewUrl?(): string;
}

export interface CardContext {
  planTitle: string;
  /** The run's London date (`ReminderPlan.today`). */
  today: IsoDate;
  links: CardLinks;
  /** Serialised size limit per card; defaults to MAX_CARD_BYTES. */
  maxBytes?: number;
  /**
   * Whether a card may @mention this person (default: yes). Not when the id stored
   * with them belongs to someone else in the directory: the card then names them
   * without notifying anyone.
   */
  mentionable?: (person: PersonRef) => boolean;
}

export interface Mention {
  /** Goes into a TextBlock as is. */
  text: string;
  entity: MentionEntity;
}

/** Mentions by Entra object id, which both the Workflows webhook and Graph accept. */
export function mentionOf(person: PersonRef): Mention {
  const text = mentionText(person.displayName);
  return {
    text,
    entity: { type: 'mention', text, mentioned: { id: person.entraId, name: person.displayName } },
  };
}

/** "@Hannah, …" when the card may mention the person, else just their name: the mention, if any, and the words. */
export function greetingFor(
  person: PersonRef,
  context: CardContext,
): { mention: Mention | undefined; name: string } {
  if (context.mentionable?.(person) === false)
    return { mention: undefined, name: escapeCardText(person.displayName) };
  const mention = mentionOf(person);
  return { mention, name: mention.text };
}

export function planSubtitle(context: CardContext): string {
  return escapeCardText(context.planTitle);
}
