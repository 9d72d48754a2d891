import {
  compareItemIds,
  currentRecords,
  logEntriesOf,
  reminderLogRecordSchema,
  type DeliveryGroup,
  type PlannedReminder,
  type ReminderLogEntry,
  type ReminderLogRecord,
} from '../domain/reminders';
import { sendBatchedJudged } from './batch';
import type { GraphRequest } from './client';
import type { DataContext } from './context';
import { ConflictError } from './errors';
import { dateTime, text, type Codec } from './fields';
import { defineMapping, type Stored } from './mapping';
import { anyOf, fieldEq } from './odata';
import { createRepository, type Repository } from './repository';

/** SharePoint leaves an empty number out; a record never claimed has no attempts. */
const count = (column: string): Codec<number> => ({
  columns: [column],
  read: (fields) => fields[column] ?? 0,
  write: (value) => ({ [column]: value }),
});

export const reminderLogMapping = defineMapping<ReminderLogRecord>({
  list: 'reminderLog',
  noun: 'Reminder log entry',
  schema: reminderLogRecordSchema,
  title: (record) => record.key,
  codecs: {
    key: text('ReminderKey'),
    planId: text('PlanId'),
    state: text('State'),
    kind: text('Kind'),
    recipientUpn: text('RecipientUpn'),
    channel: text('Channel'),
    claimedAt: dateTime('ClaimedAt'),
    sentAt: dateTime('SentAt'),
    sentBy: text('SentBy'),
    attempts: count('Attempts'),
  },
});

export type LogRecord = Stored<ReminderLogRecord>;
export type ReminderLogRepository = Repository<ReminderLogRecord>;

export function reminderLogRepository(ctx: DataContext): ReminderLogRepository {
  return createRepository(ctx, reminderLogMapping);
}

/** One plan's log, filtered on the indexed PlanId and read in pages of 5,000 (never per item). */
export function planLogRequest(repository: ReminderLogRepository, planId: string): GraphRequest {
  return repository.queryRequest({ filter: fieldEq('PlanId', planId) });
}

export async function readPlanLog(repository: ReminderLogRepository, planId: string): Promise<LogRecord[]> {
  return repository.query({ filter: fieldEq('PlanId', planId) });
}

export type ClaimOutcome = { ok: true; claims: LogRecord[] } | { ok: false; reason: string };

export type DeliveryOutcome =
  | { status: 'sent'; keys: string[]; conflicts: string[] }
  | { status: 'skipped'; keys: string[]; reason: string };

export interface ReminderLogBook {
  /** The state of each key, for the planner. */
  entries(): ReminderLogEntry[];
  /** Marks every reminder of a group 'sending' (creating or updating its record with If-Match). */
  claim(group: DeliveryGroup): Promise<ClaimOutcome>;
  /** Marks claims 'sent' with If-Match; a claim changed meanwhile by another run is named in `conflicts`. */
  markSent(claims: readonly LogRecord[]): Promise<{ conflicts: string[] }>;
  /**
   * Claim, post, mark sent. An error from `post` propagates and leaves the claims
   * 'sending', so a later run resumes them: none is lost, and only what was in
   * flight can be repeated.
   */
  deliver(group: DeliveryGroup, post: () => Promise<void>): Promise<DeliveryOutcome>;
}

export interface LogBookOptions {
  ctx: DataContext;
  planId: string;
  records: readonly LogRecord[];
  /** Recorded as SentBy: "reminder job", or the person pressing "Send now". */
  by: string;
  clock?: () => Date;
}

/** Claims per `$batch`: room is left for the read that checks no other run claimed a key first. */
const CLAIMS_PER_BATCH = 19;
/** As many `$batch` requests in flight as the data layer's own batching allows. */
const PARALLEL_BATCHES = 4;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  const queue = items.map((item, index) => ({ item, index }));
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      results[job.index] = await work(job.item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function openReminderLog(options: LogBookOptions): ReminderLogBook {
  const { ctx, planId, by } = options;
  const repository = reminderLogRepository(ctx);
  const clock = options.clock ?? (() => new Date());
  const byKey = currentRecords(options.records);

  async function claimChunk(
    group: DeliveryGroup,
    reminders: readonly PlannedReminder[],
  ): Promise<ClaimOutcome> {
    const claimedAt = clock().toISOString();
    const currents: (LogRecord | null)[] = [];
    const requests: GraphRequest[] = [];
    for (const reminder of reminders) {
      const existing = byKey.get(reminder.key);
      if (existing?.state === 'sent') return { ok: false, reason: `${reminder.key} has been sent already` };
      const claim = {
        state: 'sending' as const,
        kind: reminder.kind,
        recipientUpn: group.recipient?.upn ?? '',
        channel: group.channel.key,
        claimedAt,
        sentBy: by,
      };
      if (existing) {
        currents.push({ ...existing, ...claim, attempts: existing.attempts + 1 });
        requests.push(repository.updateRequest(existing, { ...claim, attempts: existing.attempts + 1 }));
      } else {
        currents.push(null);
        requests.push(
          repository.createRequest({ ...claim, key: reminder.key, planId, sentAt: null, attempts: 1 }),
        );
      }
    }
    const created = reminders.flatMap((r, i) => (currents[i] === null ? [{ key: r.key, index: i }] : []));
    if (created.length > 0) {
      requests.push({
        ...repository.queryRequest({
          filter: anyOf(
            'ReminderKey',
            created.map((c) => c.key),
          ),
        }),
        dependsOn: created.map((c) => c.index),
      });
    }
    const results = await sendBatchedJudged(
      ctx.client,
      requests,
      () => 'Claiming reminders in the reminder log',
    );
    const claims: LogRecord[] = [];
    let conflict = false;
    results.slice(0, reminders.length).forEach((result, i) => {
      if (!result.ok) {
        if (result.error instanceof ConflictError) conflict = true;
        else throw result.error;
        return;
      }
      const { body, headers } = result.response;
      claims.push(
        repository.fromWriteResponse(currents[i] ?? null, body, headers['etag'] ?? headers['ETag']),
      );
    });
    if (conflict) {
      return { ok: false, reason: 'another run changed its log records since this run read them' };
    }
    const check = results[reminders.length];
    if (check) {
      if (!check.ok) throw check.error;
      const seen = await repository.readPages(check.response.body);
      const beaten = claims.filter((c) =>
        seen.some((r) => r.key === c.key && compareItemIds(r.id, c.id) < 0),
      );
      if (beaten.length > 0) {
        return { ok: false, reason: `another run claimed ${beaten.map((c) => c.key).join(', ')} first` };
      }
    }
    for (const claim of claims) byKey.set(claim.key, claim);
    return { ok: true, claims };
  }

  const book: ReminderLogBook = {
    entries: () => logEntriesOf([...byKey.values()]),
    async claim(group) {
      const reminders: readonly PlannedReminder[] = group.reminders;
      const chunks: PlannedReminder[][] = [];
      for (let i = 0; i < reminders.length; i += CLAIMS_PER_BATCH) {
        chunks.push(reminders.slice(i, i + CLAIMS_PER_BATCH));
      }
      const outcomes = await mapLimited(chunks, PARALLEL_BATCHES, (chunk) => claimChunk(group, chunk));
      const refused = outcomes.find((o) => !o.ok);
      if (refused) return refused;
      return { ok: true, claims: outcomes.flatMap((o) => (o.ok ? o.claims : [])) };
    },
    async markSent(claims) {
      const sentAt = clock().toISOString();
      const patch = { state: 'sent' as const, sentAt };
      const results = await sendBatchedJudged(
        ctx.client,
        claims.map((c) => repository.updateRequest(c, patch)),
        () => 'Marking reminders sent',
      );
      const conflicts: string[] = [];
      claims.forEach((claim, i) => {
        const result = results[i];
        if (!result) throw new Error(`No answer to marking ${claim.key} sent`);
        if (!result.ok) {
          if (result.error instanceof ConflictError) conflicts.push(claim.key);
          else throw result.error;
          return;
        }
        const { body, headers } = result.response;
        byKey.set(
          claim.key,
          repository.fromWriteResponse({ ...claim, ...patch }, body, headers['etag'] ?? headers['ETag']),
        );
      });
      return { conflicts };
    },
    async deliver(group, post) {
      const keys = group.reminders.map((r) => r.key);
      const claim = await book.claim(group);
      if (!claim.ok) return { status: 'skipped', keys, reason: claim.reason };
      await post();
      const { conflicts } = await book.markSent(claim.claims);
      return { status: 'sent', keys, conflicts };
    },
  };
  return book;
}
