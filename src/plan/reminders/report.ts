import type {
  DeliveryCard,
  DeliveryGroup,
  PlannedReminder,
  ReminderKind,
  UnassignedItem,
} from '../../domain/reminders';
import type { DataProblem, IsoDate } from '../../domain';

export interface PersonLine {
  displayName: string;
  upn: string;
}

/** One planned reminder, as `--json` prints it. */
export interface ReminderLine {
  key: string;
  kind: ReminderKind;
  rule: string;
  /** 'resume' when a previous run was sending it and may not have finished. */
  attempt: 'new' | 'resume';
  /** Who is @mentioned: the action lead, or the priority lead for an escalation; null for the board's digest. */
  lead: PersonLine | null;
  /** The milestone's due date, the reporting deadline, or the board date. */
  dueDate: IsoDate;
  sendDate: IsoDate;
  channel: { key: string; name: string };
  priority: string | null;
  reference: string | null;
  title: string;
}

export type PostStatus = 'planned' | 'sent' | 'skipped' | 'failed';

/** One post: a delivery group's card(s) to one channel. */
export interface PostLine {
  card: DeliveryCard;
  channel: { key: string; name: string };
  recipient: PersonLine | null;
  keys: string[];
  cards: number;
  status: PostStatus;
  detail: string | null;
}

export interface RunReport {
  plan: { id: string; title: string };
  now: string;
  today: IsoDate;
  quietDay: boolean;
  dryRun: boolean;
  via: string | null;
  /** What 'sent' means for this run's posts: in the channel, or accepted by a webhook whose flow posts them later. */
  confirms: 'posted' | 'accepted' | null;
  reminders: ReminderLine[];
  posts: PostLine[];
  /** Due reminders that cannot go until the plan is fixed (no lead, no channel…). */
  unassigned: UnassignedItem[];
  /**
   * What stands in the way: channels the sender cannot reach (a real run refuses to
   * start while there are any), and items of the plan that do not fit it (left out;
   * the run goes on without them).
   */
  problems: ReportProblem[];
  totals: { reminders: number; posts: number; sent: number; skipped: number; failed: number };
}

export type ReportProblem =
  | { kind: 'channel'; message: string }
  /** A person posted to without an @mention: their stored id is someone else's, or not in the directory. */
  | { kind: 'mention'; message: string }
  | ({ kind: 'item' } & DataProblem);

export function reminderLine(reminder: PlannedReminder): ReminderLine {
  const base = {
    key: reminder.key,
    kind: reminder.kind,
    rule: reminder.rule,
    attempt: reminder.attempt,
    sendDate: reminder.sendDate,
    channel: { key: reminder.channel.key, name: reminder.channel.name },
  };
  switch (reminder.kind) {
    case 'exceptions-digest':
      return {
        ...base,
        lead: null,
        dueDate: reminder.boardDate,
        priority: null,
        reference: null,
        title: 'Exceptions digest for the board',
      };
    case 'updates-due':
      return {
        ...base,
        lead: person(reminder.recipient),
        dueDate: reminder.deadline,
        priority: priorityName(reminder.priority),
        reference: null,
        title: `Progress updates due on ${reminder.actions.length} action${reminder.actions.length === 1 ? '' : 's'}`,
      };
    default:
      return {
        ...base,
        lead: person(reminder.recipient),
        dueDate: reminder.dueDate,
        priority: priorityName(reminder.priority),
        reference: reminder.action.reference,
        title: reminder.milestoneTitle,
      };
  }
}

export function postLine(group: DeliveryGroup, cards: number): PostLine {
  return {
    card: group.card,
    channel: { key: group.channel.key, name: group.channel.name },
    recipient: group.recipient === null ? null : person(group.recipient),
    keys: group.reminders.map((r) => r.key),
    cards,
    status: 'planned',
    detail: null,
  };
}

function person(p: { displayName: string; upn: string }): PersonLine {
  return { displayName: p.displayName, upn: p.upn };
}

function priorityName(p: { label: string; title: string }): string | null {
  return `${p.label} ${p.title}`.trim() || null;
}

export function totalsOf(report: Pick<RunReport, 'reminders' | 'posts'>): RunReport['totals'] {
  const count = (status: PostStatus) => report.posts.filter((p) => p.status === status).length;
  return {
    reminders: report.reminders.length,
    posts: report.posts.length,
    sent: count('sent'),
    skipped: count('skipped'),
    failed: count('failed'),
  };
}
