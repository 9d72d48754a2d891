import type { Stored } from '../../domain';
import {
  compareItemIds,
  currentRecords,
  logEntriesOf,
  type DeliveryGroup,
  type PlannedReminder,
  type ReminderLogEntry,
  type ReminderLogRecord,
} from '../../domain/reminders';
import { BATCH_LIMIT, sendBatchedJudged } from '../../graph/batch';
import type { GraphRequest } from '../../graph/client';
import { ConflictError } from '../../graph/errors';
import { anyOf } from '../../graph/odata';
import type { PlanStore } from '../../graph/store';
import { mapLimited } from '../../lib/concurrency';

export type LogRecord = Stored<ReminderLogRecord>;

export type ClaimOutcome = { ok: true; claims: LogRecord[] } | { ok: false; reason: string };

export type DeliveryOutcome =
  | { status: 'sent'; keys: string[]; conflicts: string[] }
  | { status: 'skipped'; keys: string[]; reason: string }
  /** The post threw: nothing is marked sent, the claims stay 'sending' for the next run. */
  | { status: 'failed'; keys: string[]; error: unknown };

export interface ReminderLogBook {
  /** The state of each key, for the planner. */
  entries(): ReminderLogEntry[];
  /**
   * Marks every reminder of each group 'sending' (creating or updating its record
   * with If-Match), the groups' claims packed into as few `$batch` requests as fit.
   * One outcome per group: a group is refused whole when any of its keys has been
   * sent, or another run changed or claimed one first.
   */
  claim(groups: readonly DeliveryGroup[]): Promise<ClaimOutcome[]>;
  /** Marks claims 'sent' with If-Match; a claim changed meanwhile by another run is named in `conflicts`. */
  markSent(claims: readonly LogRecord[]): Promise<{ conflicts: string[] }>;
  /**
   * A parcel of groups that travel in one post: claim them all, post the groups
   * whose claims held (`post` is not called when none did), then mark those sent.
   * One outcome per group, in order. An error from `post` is not thrown but is each
   * posted group's 'failed' outcome, so refused groups are still reported as
   * skipped; the claims stay 'sending' and a later run resumes them. None is lost,
   * and only the parcel in flight can be repeated.
   */
  deliverParcel(
    groups: readonly DeliveryGroup[],
    post: (claimed: readonly DeliveryGroup[]) => Promise<void>,
    /** This parcel's `claim`, when it was started ahead (while the previous parcel posted). */
    claiming?: Promise<ClaimOutcome[]>,
  ): Promise<DeliveryOutcome[]>;
}

export interface LogBookOptions {
  store: PlanStore;
  planId: string;
  records: readonly LogRecord[];
  /** Recorded as SentBy: "reminder job", or the person pressing "Send now". */
  by: string;
  clock?: () => Date;
}

/** As many `$batch` requests in flight as the data layer's own batching allows. */
const PARALLEL_BATCHES = 4;

/** One reminder to claim, and the group it belongs to. */
interface PendingClaim {
  /** The group's place in the parcel. */
  index: number;
  group: DeliveryGroup;
  reminder: PlannedReminder;
  existing: LogRecord | undefined;
}

/** What one claim came to: its record, or refused because another run changed or claimed it first. */
type ClaimResult = { ok: true; record: LogRecord } | { ok: false; reason: string };

/**
 * Packs claims, in order, into batches of at most BATCH_LIMIT requests: one write
 * per claim, plus one read in any batch that creates a record (it checks no other
 * run created one for the same key first).
 */
export function packClaims<T extends { existing: unknown }>(claims: readonly T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let creates = false;
  for (const claim of claims) {
    const creating = creates || claim.existing === undefined;
    if (batch.length > 0 && batch.length + 1 + (creating ? 1 : 0) > BATCH_LIMIT) {
      batches.push(batch);
      batch = [];
      creates = false;
    }
    batch.push(claim);
    creates ||= claim.existing === undefined;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

export function openReminderLog(options: LogBookOptions): ReminderLogBook {
  const { store, planId, by } = options;
  const repository = store.reminderLog;
  const clock = options.clock ?? (() => new Date());
  const byKey = currentRecords(options.records);

  /** One `$batch`: the claims' writes, then a read of the keys it creates. One result per claim. */
  async function claimBatch(batch: readonly PendingClaim[]): Promise<ClaimResult[]> {
    const claimedAt = clock().toISOString();
    const currents: (LogRecord | null)[] = [];
    const requests: GraphRequest[] = [];
    for (const pending of batch) {
      const { group, reminder, existing } = pending;
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
    const created = batch.flatMap((c, i) =>
      c.existing === undefined ? [{ key: c.reminder.key, index: i }] : [],
    );
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
      store.ctx.client,
      requests,
      () => 'Claiming reminders in the reminder log',
    );
    const claims: ClaimResult[] = batch.map((_, i) => {
      const result = results[i];
      if (!result) throw new Error(`No answer to claiming ${batch[i]?.reminder.key ?? ''}`);
      if (!result.ok) {
        if (result.error instanceof ConflictError) {
          return { ok: false, reason: 'another run changed its log records since this run read them' };
        }
        throw result.error;
      }
      return { ok: true, record: repository.fromWriteResponse(currents[i] ?? null, result.response) };
    });
    const check = results[batch.length];
    if (!check) return claims;
    if (!check.ok) throw check.error;
    const seen = await repository.readPages(check.response.body);
    return claims.map((c) =>
      c.ok && seen.some((r) => r.key === c.record.key && compareItemIds(r.id, c.record.id) < 0)
        ? { ok: false, reason: `another run claimed ${c.record.key} first` }
        : c,
    );
  }

  const book: ReminderLogBook = {
    entries: () => logEntriesOf([...byKey.values()]),
    async claim(groups) {
      const refusals = new Map<number, string>();
      const pending: PendingClaim[] = [];
      groups.forEach((group, index) => {
        const reminders: readonly PlannedReminder[] = group.reminders;
        const sent = reminders.find((r) => byKey.get(r.key)?.state === 'sent');
        if (sent) refusals.set(index, `${sent.key} has been sent already`);
        else
          for (const reminder of reminders)
            pending.push({ index, group, reminder, existing: byKey.get(reminder.key) });
      });
      const batches = packClaims(pending);
      const results = (await mapLimited(batches, PARALLEL_BATCHES, claimBatch)).flat();
      const claims = groups.map((): LogRecord[] => []);
      results.forEach((result, i) => {
        const { index } = pending[i] as PendingClaim;
        if (!result.ok) {
          // The first refusal names the reason; the group's other claims stay for a later run to resume.
          if (!refusals.has(index)) refusals.set(index, result.reason);
        } else claims[index]?.push(result.record);
      });
      return groups.map((_, index): ClaimOutcome => {
        const reason = refusals.get(index);
        if (reason !== undefined) return { ok: false, reason };
        const held = claims[index] ?? [];
        for (const claim of held) byKey.set(claim.key, claim);
        return { ok: true, claims: held };
      });
    },
    async markSent(claims) {
      const sentAt = clock().toISOString();
      const patch = { state: 'sent' as const, sentAt };
      const results = await sendBatchedJudged(
        store.ctx.client,
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
        byKey.set(claim.key, repository.fromWriteResponse({ ...claim, ...patch }, result.response));
      });
      return { conflicts };
    },
    async deliverParcel(groups, post, claiming) {
      const keysOf = (group: DeliveryGroup) => group.reminders.map((r) => r.key);
      const claimed = await (claiming ?? book.claim(groups));
      const held = groups.flatMap((group, i) => {
        const outcome = claimed[i];
        return outcome?.ok ? [{ group, claims: outcome.claims }] : [];
      });
      let failure: { error: unknown } | null = null;
      let conflicts = new Set<string>();
      if (held.length > 0) {
        try {
          await post(held.map((h) => h.group));
        } catch (error) {
          failure = { error };
        }
        if (failure === null)
          conflicts = new Set((await book.markSent(held.flatMap((h) => h.claims))).conflicts);
      }
      return groups.map((group, i): DeliveryOutcome => {
        const keys = keysOf(group);
        const outcome = claimed[i];
        if (!outcome?.ok) return { status: 'skipped', keys, reason: outcome?.reason ?? 'not claimed' };
        if (failure !== null) return { status: 'failed', keys, error: failure.error };
        return { status: 'sent', keys, conflicts: keys.filter((k) => conflicts.has(k)) };
      });
    },
  };
  return book;
}
