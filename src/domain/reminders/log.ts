import { z } from 'zod';
import { isoDateTimeSchema } from '../model';
import { REMINDER_KINDS, REMINDER_LOG_STATES, type ReminderLogEntry } from './types';

/**
 * One item of the reminder log: a claim on a reminder key, written as 'sending'
 * before the post and turned 'sent' after it. Keys fit SharePoint's text column.
 */
export const reminderLogRecordSchema = z.object({
  id: z.string().min(1, 'Missing id'),
  key: z
    .string()
    .min(1, 'A reminder log entry needs its key')
    .max(255, 'A reminder key must be at most 255 characters'),
  planId: z.string().min(1, 'A reminder log entry needs its plan'),
  state: z.enum(REMINDER_LOG_STATES, { message: 'A reminder log entry is either "sending" or "sent"' }),
  kind: z.enum(REMINDER_KINDS, { message: 'Unknown reminder kind' }),
  recipientUpn: z.string().default(''),
  /** The policy's channel key. */
  channel: z.string().default(''),
  claimedAt: isoDateTimeSchema.nullable().default(null),
  sentAt: isoDateTimeSchema.nullable().default(null),
  /** "reminder job", or the UPN of the person who pressed "Send now". */
  sentBy: z.string().default(''),
  attempts: z.number().int().min(0).default(0),
});
export type ReminderLogRecord = z.infer<typeof reminderLogRecordSchema>;

/**
 * The record that stands for each key. Two records can share a key when two runs
 * claimed it at once: a sent one wins, else the earliest claim (lowest item id).
 */
export function currentRecords<T extends ReminderLogRecord>(records: readonly T[]): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const record of records) {
    const known = byKey.get(record.key);
    if (known === undefined || outranks(record, known)) byKey.set(record.key, record);
  }
  return byKey;
}

function outranks(a: ReminderLogRecord, b: ReminderLogRecord): boolean {
  if (a.state !== b.state) return a.state === 'sent';
  return compareItemIds(a.id, b.id) < 0;
}

/** SharePoint item ids are whole numbers: "9" was created before "10". */
export function compareItemIds(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the planner needs from the log: the state of each key. */
export function logEntriesOf(records: readonly ReminderLogRecord[]): ReminderLogEntry[] {
  return [...currentRecords(records).values()].map((r) => ({ key: r.key, state: r.state }));
}
