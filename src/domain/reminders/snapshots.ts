import type { Action, PersonRef, Priority } from '../model';
import { findRating, type RatingScale } from '../ratings';
import type { ActionSnapshot, PrioritySnapshot, RatingSnapshot } from './types';

/** Looks people up by Entra id so a renamed lead is shown by their current name. */
export function personResolver(
  people: readonly PersonRef[] | undefined,
): (ref: PersonRef | null) => PersonRef | null {
  if (!people || people.length === 0) return (ref) => ref;
  const byId = new Map(people.map((p) => [p.entraId, p]));
  return (ref) => (ref === null ? null : (byId.get(ref.entraId) ?? ref));
}

export function ratingSnapshot(scale: RatingScale, key: string): RatingSnapshot {
  const rating = findRating(scale, key);
  return rating
    ? { key, label: rating.label, tone: rating.tone }
    : { key, label: key || 'Not rated', tone: null };
}

export function actionSnapshot(action: Action, scale: RatingScale, lead: PersonRef | null): ActionSnapshot {
  return {
    actionId: action.id,
    reference: action.reference,
    text: action.text,
    rating: ratingSnapshot(scale, action.status),
    lead,
  };
}

export function prioritySnapshot(priorityId: string, priority: Priority | undefined): PrioritySnapshot {
  return {
    priorityId,
    number: priority?.number ?? null,
    label: priority?.label ?? '',
    title: priority?.title ?? '',
  };
}
