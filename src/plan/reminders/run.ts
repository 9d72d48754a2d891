import {
  buildCardsForGroup,
  cardBytes,
  type AdaptiveCard,
  type CardContext,
  type CardLinks,
} from '../../cards';
import { resolveScale, type PersonRef } from '../../domain';
import {
  groupForDelivery,
  logEntriesOf,
  planReminders,
  type DeliveryGroup,
  type PlannedReminder,
  type ReminderPlan,
  type ReminderPolicy,
} from '../../domain/reminders';
import type { PlanStore } from '../../graph/store';
import { mapLimited } from '../../lib/concurrency';
import { RunRefusedError } from '../errors';
import { loadReminderInputs, type ReminderInputs } from './inputs';
import {
  openReminderLog,
  takeRunLease,
  type DeliveryOutcome,
  type ParcelClaim,
  type ReminderLogBook,
  type RunLease,
} from './log-book';
import { checkMentions } from './mentions';
import { packParcels } from './parcels';
import { requirePolicy } from './policy';
import { DeliveryError, type ReminderSender } from './ports';
import {
  postLine,
  reminderLine,
  totalsOf,
  type PostLine,
  type ReportProblem,
  type RunReport,
} from './report';

export interface PlanPostsOptions {
  /** "Now" for planning: reminders due on its London date go. */
  now: Date;
  /** Instead of the policy stored with the plan (what-if runs, tests). */
  policy?: ReminderPolicy;
  links: CardLinks;
  /** Only this priority's reminders ("Send now" for a priority; the board's digest is the plan's). */
  priorityId?: string;
}

export interface PlannedPost {
  group: DeliveryGroup;
  cards: AdaptiveCard[];
  line: PostLine;
}

/**
 * What a run at `now` would post: the planner's reminders (of one priority, if
 * asked) grouped into posts, each with its cards. A post whose cards cannot be
 * built (one item too large for a card) is marked failed; the others can go.
 */
export function planPosts(
  inputs: ReminderInputs,
  options: PlanPostsOptions & { mentionable?: (person: PersonRef) => boolean },
): { plan: ReminderPlan; reminders: PlannedReminder[]; posts: PlannedPost[] } {
  const { plan, reminders, groups } = planGroups(inputs, options);
  const context = {
    planTitle: inputs.plan.title,
    today: plan.today,
    links: options.links,
    mentionable: options.mentionable,
  };
  return { plan, reminders, posts: groups.map((group) => buildPost(group, context)) };
}

function planGroups(inputs: ReminderInputs, options: PlanPostsOptions) {
  const plan = planReminders({
    plan: inputs.plan,
    scale: resolveScale(inputs.plan.scaleId, inputs.plan.columnOrder),
    priorities: inputs.priorities,
    actions: inputs.actions,
    milestones: inputs.milestones,
    policy: options.policy ?? requirePolicy(inputs.policy),
    log: logEntriesOf(inputs.log),
    now: options.now,
  });
  const { priorityId } = options;
  const reminders =
    priorityId === undefined
      ? plan.reminders
      : plan.reminders.filter((r) => r.kind !== 'exceptions-digest' && r.priority.priorityId === priorityId);
  return { plan, reminders, groups: groupForDelivery(reminders) };
}

function buildPost(group: DeliveryGroup, context: CardContext): PlannedPost {
  try {
    const cards = buildCardsForGroup(group, context);
    return { group, cards, line: postLine(group, cards.length) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const line = postLine(group, 0);
    return { group, cards: [], line: { ...line, status: 'failed', detail: error.message } };
  }
}

export interface RunRemindersOptions {
  store: PlanStore;
  /** How posts go; not used by a dry run. */
  sender: ReminderSender | null;
  planId: string;
  now: Date;
  /** Plan and report only: nothing is posted or logged. */
  dryRun?: boolean;
  policy?: ReminderPolicy;
  links: (planId: string) => CardLinks;
  /** Only this priority's reminders: "Send now" in the tab. */
  priorityId?: string;
  /** Recorded in the log as who sent: "reminder job" unless told. */
  by?: string;
  /** Lanes (webhook URLs) posting side by side. */
  parallelLanes?: number;
  /** Wall clock for the log's timestamps. */
  clock?: () => Date;
}

/** Posts that travel in one request; never empty. */
type Parcel = [PlannedPost, ...PlannedPost[]];

/**
 * The reminder run: reads the plan and its log in one `$batch`, plans what is due,
 * and packs each lane's posts into parcels that travel in one request (up to the
 * sender's limits). Per parcel it claims the reminders in the log ('sending'),
 * posts the cards of the groups it could claim, then marks them 'sent'; the next
 * parcel's claims are made meanwhile. A re-run posts nothing already sent; a run
 * that dies resumes on the next run, repeating at most the parcels in flight (one
 * per lane). The daily job runs it with webhooks; "Send now" for one priority with
 * Graph channel messages; both share the log, so neither repeats the other.
 */
export async function runReminders(options: RunRemindersOptions): Promise<RunReport> {
  const { store, sender, now } = options;
  const dryRun = options.dryRun ?? false;
  if (dryRun)
    return (await planRun(store, await loadReminderInputs(store, options.planId, now), options)).report();
  if (sender === null) throw new RunRefusedError(['a reminder run that sends needs a sender']);
  const by = options.by ?? 'reminder job';
  const runId = crypto.randomUUID();
  // The plan is this run's from here: the log it reads next cannot change under it.
  const lease = await takeRunLease(store, options.planId, { by, runId, clock: options.clock });
  try {
    const inputs = await loadReminderInputs(store, options.planId, now);
    const { posts, unreachable, report } = await planRun(store, inputs, options);
    if (unreachable.length > 0) throw new RunRefusedError(unreachable);
    const log = openReminderLog({
      store,
      planId: inputs.plan.id,
      entries: logEntriesOf(inputs.log),
      by,
      runId,
      clock: options.clock,
    });
    await deliver(posts, sender, log, lease, options.parallelLanes ?? 8);
    return report();
  } finally {
    await lease.release();
  }
}

/**
 * What a run of these inputs would post, and its report (filled in as posts go).
 * The people its cards would @mention are checked against the directory first:
 * one whose stored id belongs to someone else is named, not mentioned.
 */
async function planRun(store: PlanStore, inputs: ReminderInputs, options: RunRemindersOptions) {
  const { sender, now } = options;
  const { plan, reminders, groups } = planGroups(inputs, {
    now,
    policy: options.policy,
    links: options.links(inputs.plan.id),
    priorityId: options.priorityId,
  });
  const mentions = await checkMentions(
    store,
    groups.flatMap((g) => (g.recipient ? [g.recipient] : [])),
  );
  const context = {
    planTitle: inputs.plan.title,
    today: plan.today,
    links: options.links(inputs.plan.id),
    mentionable: mentions.mentionable,
  };
  const posts = groups.map((group) => buildPost(group, context));
  const channels = [...new Map(posts.map((p) => [p.group.channel.key, p.group.channel])).values()];
  const unreachable = sender === null ? [] : channels.flatMap((c) => sender.problemWith(c) ?? []);
  const problems: ReportProblem[] = [
    ...unreachable.map((message) => ({ kind: 'channel' as const, message })),
    ...mentions.problems.map((message) => ({ kind: 'mention' as const, message })),
    ...inputs.problems.map((problem) => ({ kind: 'item' as const, ...problem })),
  ];
  const report = (): RunReport => {
    const base = {
      plan: { id: inputs.plan.id, title: inputs.plan.title },
      now: now.toISOString(),
      today: plan.today,
      quietDay: plan.quietDay,
      dryRun: options.dryRun ?? false,
      via: sender?.via ?? null,
      confirms: sender?.confirms ?? null,
      reminders: reminders.map(reminderLine),
      posts: posts.map((p) => p.line),
      unassigned: plan.unassigned,
      problems,
    };
    return { ...base, totals: totalsOf(base) };
  };
  return { posts, unreachable, report };
}

/**
 * Packs each lane's posts into parcels and delivers them, lanes side by side.
 * A parcel is claimed while the one before it in its lane posts and is marked
 * sent: claiming posts nothing, so a run that dies repeats at most the parcel in
 * flight per lane.
 */
async function deliver(
  posts: readonly PlannedPost[],
  sender: ReminderSender,
  log: ReminderLogBook,
  lease: RunLease,
  parallelLanes: number,
): Promise<void> {
  const planned = posts.filter((p) => p.line.status === 'planned');
  const sizeOf = (p: PlannedPost) => ({
    place: p.group.channel.key,
    cards: p.cards.length,
    bytes: sum(p.cards.map(cardBytes)),
  });
  const lanes = [...byLane(planned, sender).values()].map(
    (lane) => packParcels(lane, sizeOf, sender.parcel) as Parcel[],
  );
  const claims = new Map<Parcel, Promise<ParcelClaim>>();
  const claimOf = (parcel: Parcel) => {
    let claiming = claims.get(parcel);
    if (!claiming) {
      claiming = log.claim(parcel.map((p) => p.group));
      claims.set(parcel, claiming);
    }
    return claiming;
  };
  await inLanes(lanes, parallelLanes, async (parcel, next) => {
    const claiming = claimOf(parcel);
    await claiming;
    // Its errors are met when its turn comes (or not at all, if the run stops first).
    if (next) claimOf(next).catch(() => undefined);
    await lease.keepAlive();
    const { channel } = parcel[0].group;
    const outcomes = await log.deliverParcel(
      parcel.map((p) => p.group),
      (claimed) =>
        sender.post(
          channel,
          parcel.filter((p) => claimed.includes(p.group)).flatMap((p) => p.cards),
        ),
      claiming,
    );
    const unexpected = outcomes.find((o) => o.status === 'failed' && !(o.error instanceof DeliveryError));
    if (unexpected?.status === 'failed') throw unexpected.error;
    outcomes.forEach((outcome, i) => {
      const { line } = parcel[i] as PlannedPost;
      line.status = outcome.status;
      line.detail = detailOf(outcome);
    });
  });
}

function detailOf(outcome: DeliveryOutcome): string | null {
  switch (outcome.status) {
    case 'skipped':
      return outcome.reason;
    case 'failed':
      return outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
    case 'sent':
      return outcome.conflicts.length > 0
        ? 'posted, but its log item was changed meanwhile, so the log may not show it as sent'
        : null;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Posts by lane (webhook URL), in order; lanes keep their order of first appearance. */
function byLane(posts: readonly PlannedPost[], sender: ReminderSender): Map<string, PlannedPost[]> {
  const lanes = new Map<string, PlannedPost[]>();
  for (const post of posts) {
    const key = sender.laneOf(post.group.channel);
    const lane = lanes.get(key);
    if (lane) lane.push(post);
    else lanes.set(key, [post]);
  }
  return lanes;
}

/**
 * Works through lanes: one item at a time within a lane (told which comes next),
 * lanes side by side. The first unexpected error stops every lane before its next
 * item and is rethrown.
 */
async function inLanes<T>(
  lanes: readonly (readonly T[])[],
  parallel: number,
  work: (item: T, next: T | undefined) => Promise<void>,
): Promise<void> {
  let failed = false;
  await mapLimited(lanes, parallel, async (lane) => {
    for (const [i, item] of lane.entries()) {
      if (failed) return;
      try {
        await work(item, lane[i + 1]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
}
