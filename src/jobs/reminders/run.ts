import { buildCardsForGroup, type AdaptiveCard, type CardLinks } from '../../cards';
import { resolveScale } from '../../domain';
import {
  groupForDelivery,
  logEntriesOf,
  planReminders,
  type DeliveryGroup,
  type ReminderPolicy,
} from '../../domain/reminders';
import { loadReminderInputs } from '../../graph/reminder-inputs';
import { openReminderLog } from '../../graph/reminder-log';
import { requirePolicy } from '../../graph/reminder-policy';
import type { PlanStore } from '../../graph/store';
import { ConfigError } from '../config';
import { DeliveryError, type ReminderSender } from './ports';
import { postLine, reminderLine, totalsOf, type PostLine, type RunReport } from './report';

export interface RunRemindersOptions {
  store: PlanStore;
  /** How posts go; not used by a dry run. */
  sender: ReminderSender | null;
  planId: string;
  /** "Now" for planning: reminders due on its London date go. */
  now: Date;
  /** Plan and report only: nothing is posted or logged. */
  dryRun?: boolean;
  /** Instead of the policy stored with the plan (what-if runs, tests). */
  policy?: ReminderPolicy;
  links: (planId: string) => CardLinks;
  /** Recorded in the log as who sent: "reminder job" unless told. */
  by?: string;
  /** Lanes (webhook URLs) posting side by side. */
  parallelLanes?: number;
  /** Wall clock for the log's timestamps. */
  clock?: () => Date;
}

interface Post {
  group: DeliveryGroup;
  cards: AdaptiveCard[];
  line: PostLine;
}

/**
 * The reminder run: reads the plan and its log in one `$batch`, plans what is due,
 * and for each post claims its reminders in the log ('sending'), posts, then marks
 * them 'sent'. A re-run posts nothing already sent; a run that dies resumes on the
 * next run, repeating at most the posts in flight (one per lane).
 */
export async function runReminders(options: RunRemindersOptions): Promise<RunReport> {
  const { store, sender, now } = options;
  const dryRun = options.dryRun ?? false;
  const inputs = await loadReminderInputs(store, options.planId);
  const policy = options.policy ?? requirePolicy(inputs.policy);
  const plan = planReminders({
    plan: inputs.plan,
    scale: resolveScale(inputs.plan.scaleId, inputs.plan.columnOrder),
    priorities: inputs.priorities,
    actions: inputs.actions,
    milestones: inputs.milestones,
    policy,
    log: logEntriesOf(inputs.log),
    now,
  });
  const { reminders } = plan;
  const context = { planTitle: inputs.plan.title, today: plan.today, links: options.links(inputs.plan.id) };
  const posts: Post[] = groupForDelivery(reminders).map((group) => {
    try {
      const cards = buildCardsForGroup(group, context);
      return { group, cards, line: postLine(group, cards.length) };
    } catch (error) {
      // A single item too large for a card: that post cannot go, the others can.
      if (!(error instanceof RangeError)) throw error;
      const line = postLine(group, 0);
      return { group, cards: [], line: { ...line, status: 'failed', detail: error.message } };
    }
  });
  const channels = [...new Map(posts.map((p) => [p.group.channel.key, p.group.channel])).values()];
  const problems = sender === null ? [] : channels.flatMap((c) => sender.problemWith(c) ?? []);
  const report = (): RunReport => {
    const base = {
      plan: { id: inputs.plan.id, title: inputs.plan.title },
      now: now.toISOString(),
      today: plan.today,
      quietDay: plan.quietDay,
      dryRun,
      via: sender?.via ?? null,
      reminders: reminders.map(reminderLine),
      posts: posts.map((p) => p.line),
      unassigned: plan.unassigned,
      problems,
    };
    return { ...base, totals: totalsOf(base) };
  };
  if (dryRun) return report();
  if (sender === null) throw new ConfigError('A reminder run that sends needs a sender');
  if (problems.length > 0) throw new ConfigError(`Nothing was sent: ${problems.join('; ')}`);

  const log = openReminderLog({
    ctx: store.ctx,
    planId: inputs.plan.id,
    records: inputs.log,
    by: options.by ?? 'reminder job',
    clock: options.clock,
  });
  await inLanes(
    posts.filter((p) => p.line.status === 'planned'),
    (p) => sender.laneOf(p.group.channel),
    options.parallelLanes ?? 8,
    async (p) => {
      try {
        const outcome = await log.deliver(p.group, () => sender.post(p.group.channel, p.cards));
        p.line.status = outcome.status;
        p.line.detail =
          outcome.status === 'skipped'
            ? outcome.reason
            : outcome.conflicts.length > 0
              ? `posted, but another run changed ${outcome.conflicts.join(', ')} meanwhile`
              : null;
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        p.line.status = 'failed';
        p.line.detail = error.message;
      }
    },
  );
  return report();
}

/**
 * Runs items lane by lane: one at a time within a lane, lanes side by side. The
 * first unexpected error stops every lane before its next item and is rethrown.
 */
async function inLanes<T>(
  items: readonly T[],
  laneOf: (item: T) => string,
  parallel: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(laneOf(item));
    if (lane) lane.push(item);
    else lanes.set(laneOf(item), [item]);
  }
  const queue = [...lanes.values()];
  const failures: unknown[] = [];
  const worker = async () => {
    for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) {
      for (const item of lane) {
        if (failures.length > 0) return;
        try {
          await work(item);
        } catch (error) {
          failures.push(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, queue.length)) }, worker));
  if (failures.length > 0) throw failures[0];
}
