import {
  leaseKey,
  type DeliveryGroup,
  type ReminderLogEntry,
  type ReminderLogItem,
} from '../../domain/reminders';
import { formatDateTime, wholeSecondsIso, type Stored } from '../../domain';
import { ConflictError, NotFoundError } from '../../graph/errors';
import { fieldEq } from '../../graph/odata';
import type { PlanStore } from '../../graph/store';
import { RunRefusedError } from '../errors';

export type LogItem = Stored<ReminderLogItem>;

/**
 * The reminder log of one run: one item per parcel (the groups one request
 * carries), claimed 'sending' before the post and marked 'sent' after it, so a
 * run writes twice per request, not twice per reminder. A run that dies leaves
 * 'sending' claims; the next run resumes their reminders (posting again only the
 * parcel that was in flight). Two runs of a plan never overlap: each holds the
 * plan's lease (`takeRunLease`) while it posts.
 */
export interface ReminderLogBook {
  /** Claims a parcel: one 'sending' item for the groups none of whose reminders has been sent. */
  claim(groups: readonly DeliveryGroup[]): Promise<ParcelClaim>;
  /** Marks a claimed parcel 'sent' (with If-Match). */
  markSent(claim: ParcelClaim): Promise<{ conflicts: string[] }>;
  /**
   * A parcel of groups that travel in one post: claim them, post the groups whose
   * claim held (`post` is not called when none did), then mark them sent. One
   * outcome per group, in order. An error from `post` is not thrown but is each
   * posted group's 'failed' outcome; the claim stays 'sending' and a later run
   * resumes it.
   */
  deliverParcel(
    groups: readonly DeliveryGroup[],
    post: (claimed: readonly DeliveryGroup[]) => Promise<void>,
    /** This parcel's `claim`, when it was started ahead (while the previous parcel posted). */
    claiming?: Promise<ParcelClaim>,
  ): Promise<DeliveryOutcome[]>;
}

export interface ParcelClaim {
  /** The parcel's log item; null when no group could go. */
  item: LogItem | null;
  /** Why each group that cannot go is refused, by its place in the parcel. */
  refused: ReadonlyMap<number, string>;
}

export type DeliveryOutcome =
  | { status: 'sent'; keys: string[]; conflicts: string[] }
  | { status: 'skipped'; keys: string[]; reason: string }
  /** The post threw: nothing is marked sent, the claim stays 'sending' for the next run. */
  | { status: 'failed'; keys: string[]; error: unknown };

export interface LogBookOptions {
  store: PlanStore;
  planId: string;
  /** What the log said when the run read it (under its lease). */
  entries: readonly ReminderLogEntry[];
  /** Recorded as SentBy: "reminder job", or the person pressing "Send now". */
  by: string;
  runId: string;
  clock?: () => Date;
}

export function openReminderLog(options: LogBookOptions): ReminderLogBook {
  const { store, planId, by, runId } = options;
  const clock = options.clock ?? (() => new Date());
  const sent = new Set(options.entries.filter((e) => e.state === 'sent').map((e) => e.key));
  let parcels = 0;
  const keysOf = (group: DeliveryGroup) => group.reminders.map((r) => r.key);

  const book: ReminderLogBook = {
    async claim(groups) {
      const refused = new Map<number, string>();
      const keys: string[] = [];
      groups.forEach((group, index) => {
        const already = group.reminders.find((r) => sent.has(r.key));
        if (already) refused.set(index, `${already.key} has been sent already`);
        else keys.push(...keysOf(group));
      });
      if (keys.length === 0) return { item: null, refused };
      const item = await store.reminderLog.create({
        key: `parcel:${runId}:${++parcels}`,
        planId,
        kind: 'parcel',
        state: 'sending',
        keys,
        channel: groups[0]?.channel.key ?? '',
        claimedAt: wholeSecondsIso(clock()),
        sentAt: null,
        sentBy: by,
        runId,
        leaseUntil: null,
      });
      return { item, refused };
    },
    async markSent(claim) {
      if (!claim.item) return { conflicts: [] };
      try {
        await store.reminderLog.update(claim.item, { state: 'sent', sentAt: wholeSecondsIso(clock()) });
      } catch (error) {
        // Edited meanwhile (in SharePoint, say): the post went, the log does not say so.
        if (error instanceof ConflictError) return { conflicts: claim.item.keys };
        throw error;
      }
      for (const key of claim.item.keys) sent.add(key);
      return { conflicts: [] };
    },
    async deliverParcel(groups, post, claiming) {
      const claim = await (claiming ?? book.claim(groups));
      const held = groups.filter((_, i) => !claim.refused.has(i));
      let failure: { error: unknown } | null = null;
      let conflicts = new Set<string>();
      if (claim.item !== null && held.length > 0) {
        try {
          await post(held);
        } catch (error) {
          failure = { error };
        }
        if (failure === null) conflicts = new Set((await book.markSent(claim)).conflicts);
      }
      return groups.map((group, i): DeliveryOutcome => {
        const keys = keysOf(group);
        const reason = claim.refused.get(i);
        if (reason !== undefined) return { status: 'skipped', keys, reason };
        if (failure !== null) return { status: 'failed', keys, error: failure.error };
        return { status: 'sent', keys, conflicts: keys.filter((k) => conflicts.has(k)) };
      });
    },
  };
  return book;
}

/** A run's hold on its plan: posts go only while it holds it. */
export interface RunLease {
  /** Before each post: extends the lease when little of it is left; throws if another run has taken the plan. */
  keepAlive(): Promise<void>;
  /** Lets the plan go (done, or given up); quietly, if the lease is no longer this run's. */
  release(): Promise<void>;
}

export interface LeaseOptions {
  by: string;
  runId: string;
  clock?: () => Date;
  /** How long a lease stands without being renewed: a run that dies lets go of the plan after it. */
  minutes?: number;
}

const MINUTE = 60_000;

/**
 * Takes the plan's lease, or refuses (RunRefusedError) while another run holds it.
 * The lease is one log item per plan, written with If-Match, so of two runs that
 * try at once only one gets it.
 */
export async function takeRunLease(
  store: PlanStore,
  planId: string,
  options: LeaseOptions,
): Promise<RunLease> {
  const clock = options.clock ?? (() => new Date());
  const minutes = options.minutes ?? 15;
  const until = () => wholeSecondsIso(new Date(clock().getTime() + minutes * MINUTE));
  const holding = { state: 'running' as const, runId: options.runId, sentBy: options.by };
  const byKey = { filter: fieldEq('ReminderKey', leaseKey(planId)) };

  let lease = await currentLease(store, planId, byKey);
  if (lease === null) {
    const created = await store.reminderLog.create({
      key: leaseKey(planId),
      planId,
      kind: 'lease',
      keys: [],
      channel: '',
      claimedAt: wholeSecondsIso(clock()),
      sentAt: null,
      leaseUntil: until(),
      ...holding,
    });
    // Two first runs may create a lease each: the earlier item is the plan's.
    lease = await currentLease(store, planId, byKey);
    if (lease?.id !== created.id) {
      await store.reminderLog.remove(created).catch(() => undefined);
      throw refusal(lease);
    }
  } else {
    const held =
      lease.state === 'running' &&
      lease.leaseUntil !== null &&
      Date.parse(lease.leaseUntil) > clock().getTime();
    if (held && lease.runId !== options.runId) throw refusal(lease);
    try {
      lease = await store.reminderLog.update(lease, {
        ...holding,
        claimedAt: wholeSecondsIso(clock()),
        leaseUntil: until(),
      });
    } catch (error) {
      if (error instanceof ConflictError) throw refusal(await currentLease(store, planId, byKey));
      throw error;
    }
  }

  let current: LogItem = lease;
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    keepAlive: () =>
      serially(async () => {
        const left = Date.parse(current.leaseUntil ?? '') - clock().getTime();
        if (left > (minutes * MINUTE) / 3) return;
        try {
          current = await store.reminderLog.update(current, { leaseUntil: until() });
        } catch (error) {
          if (error instanceof ConflictError) {
            throw new Error(
              'Another reminder run has taken this plan: this run stops; what it claimed resumes on the next run',
            );
          }
          throw error;
        }
      }),
    release: () =>
      serially(async () => {
        try {
          current = await store.reminderLog.update(current, { state: 'idle', leaseUntil: null });
        } catch (error) {
          if (!(error instanceof ConflictError) && !(error instanceof NotFoundError)) throw error;
        }
      }),
  };
}

async function currentLease(
  store: PlanStore,
  planId: string,
  query: { filter: string },
): Promise<LogItem | null> {
  const leases = (await store.reminderLog.query(query, [])).filter(
    (i) => i.kind === 'lease' && i.planId === planId,
  );
  leases.sort((a, b) => Number(a.id) - Number(b.id));
  return leases[0] ?? null;
}

function refusal(lease: LogItem | null): RunRefusedError {
  if (lease === null) return new RunRefusedError(['another reminder run for this plan took it a moment ago']);
  const since = lease.claimedAt ? ` at ${formatDateTime(lease.claimedAt)}` : '';
  const until = lease.leaseUntil
    ? ` (it holds the plan until ${formatDateTime(lease.leaseUntil)} at the latest)`
    : '';
  return new RunRefusedError([
    `another reminder run for this plan is under way, started by ${lease.sentBy || 'the reminder job'}${since}${until}; try again when it has finished`,
  ]);
}
