import { z } from 'zod';
import { isoDateTimeSchema } from '../model';
import { REMINDER_KINDS, type ReminderLogEntry } from './types';

/**
 * The reminder log is a SharePoint list of three kinds of item:
 * - a **parcel**: the reminders one request carried (or is about to), 'sending'
 *   before the post and 'sent' after it; one item however many reminders it holds,
 *   so a run writes two items' worth per request rather than two per reminder;
 * - a **lease**: one per plan, 'running' while a run holds the plan ('idle' after),
 *   so two runs of one plan never post side by side;
 * - a record of one reminder, as the log kept them before parcels (still read).
 */
export const LOG_ITEM_KINDS = ['parcel', 'lease', ...REMINDER_KINDS] as const;
export const LOG_ITEM_STATES = ['sending', 'sent', 'running', 'idle'] as const;
export type LogItemState = (typeof LOG_ITEM_STATES)[number];

/** Keys fit SharePoint's single line of text. */
const reminderKeySchema = z
  .string()
  .min(1, 'A reminder key cannot be empty')
  .max(255, 'A reminder key must be at most 255 characters');

export const reminderLogItemSchema = z.object({
  id: z.string().min(1, 'Missing id'),
  /** `parcel:<run>:<n>`, `lease:<plan id>`, or (an older item) the reminder's own key. */
  key: reminderKeySchema,
  planId: z.string().min(1, 'A reminder log item needs its plan'),
  kind: z.enum(LOG_ITEM_KINDS, { message: 'Unknown kind of reminder log item' }),
  state: z.enum(LOG_ITEM_STATES, { message: 'Unknown state of a reminder log item' }),
  /** The reminders a parcel carries; an older item, its own key; a lease, none. */
  keys: z.array(reminderKeySchema),
  /** The policy's channel key the parcel went to. */
  channel: z.string().default(''),
  claimedAt: isoDateTimeSchema.nullable().default(null),
  sentAt: isoDateTimeSchema.nullable().default(null),
  /** "reminder job", or the UPN of the person who pressed "Send now". */
  sentBy: z.string().default(''),
  /** The run that wrote the item (a lease: the run holding it). */
  runId: z.string().default(''),
  /** A lease stands until then; a run that died lets go of the plan when it passes. */
  leaseUntil: isoDateTimeSchema.nullable().default(null),
});
export type ReminderLogItem = z.infer<typeof reminderLogItemSchema>;

/** The key of a plan's lease item. */
export const leaseKey = (planId: string) => `lease:${encodeURIComponent(planId)}`;

/**
 * What the planner needs from the log: the state of each reminder key. A key is
 * 'sent' once any item that carries it was sent; 'sending' while only claims that
 * never finished carry it (their post may or may not have gone).
 */
export function logEntriesOf(items: readonly ReminderLogItem[]): ReminderLogEntry[] {
  const states = new Map<string, 'sending' | 'sent'>();
  for (const item of items) {
    if (item.kind === 'lease' || (item.state !== 'sending' && item.state !== 'sent')) continue;
    for (const key of item.keys) if (states.get(key) !== 'sent') states.set(key, item.state);
  }
  return [...states].map(([key, state]) => ({ key, state }));
}

/** SharePoint item ids are whole numbers: "9" was created before "10". */
export function compareItemIds(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isInteger(x) && Number.isInteger(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
