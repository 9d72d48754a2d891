import { describeProblem, formatDate } from '../../domain';
import type { PostLine, ReminderLine, RunReport } from '../../plan/reminders/report';

const KIND_WORDS: Record<ReminderLine['kind'], string> = {
  'milestone-due': 'due',
  'milestone-overdue': 'overdue',
  escalation: 'escalation',
  'updates-due': 'updates due',
  'exceptions-digest': 'digest',
};

/** The human-readable report: what is due (dry run) or what was sent, post by post. */
export function describeRun(report: RunReport): string {
  const lines: string[] = [];
  const day = formatDate(report.today);
  lines.push(`${report.plan.title}: ${day}${report.dryRun ? ' (dry run: nothing sent or logged)' : ''}`);
  if (report.quietDay)
    lines.push('Today is a quiet day: nothing is posted; due reminders go on the next working day.');
  lines.push(summariseRun(report));
  const byKey = new Map(report.reminders.map((r) => [r.key, r]));
  for (const post of report.posts) {
    lines.push(`  ${postHeading(post, report.dryRun)}`);
    for (const key of post.keys) {
      const r = byKey.get(key);
      if (r) lines.push(`      ${reminderText(r)}`);
    }
  }
  for (const u of report.unassigned) {
    lines.push(`  not routed (${u.reason}): ${u.reference ?? ''} ${u.title}`.replace(/ {2,}/g, ' '));
  }
  for (const problem of report.problems) {
    lines.push(`  problem: ${problem.kind === 'item' ? describeProblem(problem) : problem.message}`);
  }
  return lines.join('\n');
}

/** One line: what is due (dry run) or what was sent. */
export function summariseRun(report: RunReport): string {
  const { totals } = report;
  if (totals.posts === 0) return 'Nothing is due that has not been sent already.';
  if (report.dryRun) return `${plural(totals.reminders, 'reminder')} due in ${plural(totals.posts, 'post')}`;
  const counts = `${plural(totals.sent, 'post')} of ${totals.posts} (${plural(totals.reminders, 'reminder')})`;
  const rest = `; ${totals.skipped} skipped, ${totals.failed} failed`;
  if (report.confirms === 'accepted') {
    // A 202 says the flow took the request, not that the cards reached the channel.
    return `${counts} accepted by the ${report.via ?? 'webhook'}, whose flow posts them (its run history shows any it could not)${rest}`;
  }
  return `Posted ${counts}${report.via ? ` by ${report.via}` : ''}${rest}`;
}

function postHeading(post: PostLine, dryRun: boolean): string {
  const who = post.recipient ? `${post.recipient.displayName} <${post.recipient.upn}>` : 'the board';
  const status = dryRun ? '' : ` [${post.status}${post.detail ? `: ${post.detail}` : ''}]`;
  const cards = post.cards > 1 ? `, ${post.cards} cards` : '';
  return `${post.channel.name || post.channel.key} → ${who} (${post.card}${cards})${status}`;
}

function reminderText(r: ReminderLine): string {
  const what = [r.reference, r.title].filter(Boolean).join(' ');
  const resume = r.attempt === 'resume' ? ', resuming an unfinished post' : '';
  return `${KIND_WORDS[r.kind]} (${r.rule}): ${what}, ${formatDate(r.dueDate)}${resume}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
