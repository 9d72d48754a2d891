import type { IsoDate } from '../dates';

/**
 * Reminder keys are `<subject>:<ids…>:<rule>:<nominal date>`, for example
 * `milestone:123:before-14:2026-12-01`. Ids are percent-encoded so that a ":"
 * inside one cannot make two different reminders share a key.
 */
export type KeySubject = 'milestone' | 'updates-due' | 'exceptions-digest';

export function reminderKey(
  subject: KeySubject,
  ids: readonly string[],
  rule: string,
  nominal: IsoDate,
): string {
  return [subject, ...ids.map(encodeURIComponent), rule, nominal].join(':');
}

export const milestoneKey = (milestoneId: string, rule: string, nominal: IsoDate) =>
  reminderKey('milestone', [milestoneId], rule, nominal);

export const updatesDueKey = (priorityId: string, leadEntraId: string, rule: string, nominal: IsoDate) =>
  reminderKey('updates-due', [priorityId, leadEntraId], rule, nominal);

export const digestKey = (planId: string, rule: string, nominal: IsoDate) =>
  reminderKey('exceptions-digest', [planId], rule, nominal);
