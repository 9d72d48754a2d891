import { describeProblem, londonHour } from '../../domain';
import { readPlans } from '../../plan/plans';
import { RUN_HOUR } from '../../domain/reminders';
import { runReminders } from '../../plan/reminders/run';
import { prepareReminderJob } from '../reminders/setup';
import type { RunReport } from '../../plan/reminders/report';

export interface ScheduledRunLog {
  info(message: string): void;
  error(message: string): void;
}

export type ScheduledRunResult = { ran: false; reason: string } | { ran: true; reports: RunReport[] };

/**
 * What the timer trigger does at each tick. Linux plans keep their schedules in
 * UTC, so the trigger fires at 07:00 and 08:00 UTC and this decides by the London
 * clock: before 08:00 London it does nothing; at or after, it runs every open
 * plan (or REMINDER_PLAN). A second run the same morning (in summer) posts only
 * what the first left unsent, thanks to the reminder log.
 */
export async function runScheduledReminders(
  env: NodeJS.ProcessEnv,
  now: Date,
  log: ScheduledRunLog,
): Promise<ScheduledRunResult> {
  if (londonHour(now) < RUN_HOUR) {
    const reason = `It is ${londonHour(now)}:00 in London; reminders go from ${RUN_HOUR}:00`;
    log.info(reason);
    return { ran: false, reason };
  }
  const job = await prepareReminderJob(env);
  const wanted = env.REMINDER_PLAN?.trim();
  const site = await readPlans(job.store);
  for (const problem of site.problems) log.error(`A plan item does not fit: ${describeProblem(problem)}`);
  const plans = site.plans.filter((p) =>
    wanted ? p.id === wanted || p.title.toLowerCase() === wanted.toLowerCase() : p.status !== 'closed',
  );
  if (wanted && plans.length === 0) throw new Error(`REMINDER_PLAN names no plan on this site: "${wanted}"`);
  const reports: RunReport[] = [];
  for (const plan of plans) {
    const report = await runReminders({
      store: job.store,
      sender: job.sender,
      planId: plan.id,
      now,
      links: job.links,
    });
    const t = report.totals;
    log.info(
      `${plan.title}: sent ${t.sent} of ${t.posts} posts (${t.reminders} reminders), ${t.skipped} skipped, ${t.failed} failed`,
    );
    for (const post of report.posts.filter((p) => p.status === 'failed')) {
      log.error(
        `${plan.title}: a post to ${post.channel.name || post.channel.key} failed: ${post.detail ?? ''}`,
      );
    }
    reports.push(report);
  }
  const failed = reports.reduce((n, r) => n + r.totals.failed, 0);
  // Failing the invocation makes the failure visible in Application Insights; the log keeps the claims.
  if (failed > 0) throw new Error(`${failed} reminder posts failed; the next run will try them again`);
  return { ran: true, reports };
}
