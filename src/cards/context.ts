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

export function planSubtitle(context: CardContext): string {
  return escapeCardText(context.planTitle);
}
