import type { Action, PersonRef, Priority } from '../model';
import { referenceSortKey } from '../reference';
import { workingCalendar, type WorkingCalendar } from './calendar';
import { prepareRules, type MilestoneRules } from './milestone-rules';
import { channelForPriority, type ChannelRef } from './policy';
import { actionSnapshot, personResolver, prioritySnapshot } from './snapshots';
import type {
  ActionSnapshot,
  PlannedReminder,
  PrioritySnapshot,
  ReminderLogEntry,
  ReminderPlanInput,
  UnassignedItem,
} from './types';

/**
 * Everything one planning run needs, indexed once so each milestone costs a few
 * map lookups. Snapshots are built once per action and shared by every reminder
 * that shows it: treat planned reminders as read-only.
 */
export interface RunContext {
  input: ReminderPlanInput;
  /** Today as a day number of `calendar`. */
  today: number;
  calendar: WorkingCalendar;
  rules: MilestoneRules;
  logState(key: string): ReminderLogEntry['state'] | undefined;
  priority(priorityId: string): Priority | undefined;
  prioritySnapshot(priorityId: string): PrioritySnapshot;
  channelOf(priorityId: string): ChannelRef | null;
  resolve(ref: PersonRef | null): PersonRef | null;
  snapshotOf(action: Action): ActionSnapshot;
  referenceKey(reference: string): string;
  reminders: PlannedReminder[];
  unassigned: UnassignedItem[];
}

export function createRunContext(
  input: ReminderPlanInput,
  today: number,
  calendar = workingCalendar(input.policy.quietDays),
): RunContext {
  const log = new Map(input.log.map((entry) => [entry.key, entry.state]));
  const priorities = new Map(input.priorities.map((p) => [p.id, p]));
  const resolve = personResolver(input.people);
  const channels = memo((priorityId: string) => channelForPriority(input.policy, priorityId));
  const priorityShots = memo((priorityId: string) =>
    prioritySnapshot(priorityId, priorities.get(priorityId)),
  );
  const snapshots = new Map<string, ActionSnapshot>();
  return {
    input,
    today,
    calendar,
    rules: prepareRules(input.policy.milestones, input.policy.escalation.afterDaysOverdue),
    logState: (key) => log.get(key),
    priority: (priorityId) => priorities.get(priorityId),
    prioritySnapshot: priorityShots,
    channelOf: channels,
    resolve,
    snapshotOf(action) {
      let shot = snapshots.get(action.id);
      if (shot === undefined) {
        shot = actionSnapshot(action, input.scale, resolve(action.lead));
        snapshots.set(action.id, shot);
      }
      return shot;
    },
    referenceKey: memo(referenceSortKey),
    reminders: [],
    unassigned: [],
  };
}

/** Values are never undefined here, so a miss is a plain `undefined` from the map. */
function memo<V extends NonNullable<unknown> | null>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined) return known;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
