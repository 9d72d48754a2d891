import {
  addDays,
  makeAction,
  makeMilestone,
  makePlan,
  makePriority,
  resolveScale,
  type Action,
  type Milestone,
  type PersonRef,
  type Plan,
  type Priority,
} from '../../../src/domain';
import {
  reminderPolicySchema,
  type ReminderLogEntry,
  type ReminderPlanInput,
  type ReminderPolicy,
  type ReminderPolicyInput,
} from '../../../src/domain/reminders';

/** Deterministic builders for reminder tests and the reminders bench. */
export const PLAN_ID = 'plan-1';

export function person(displayName: string, n = 1): PersonRef {
  const slug = displayName.toLowerCase().replace(/[^a-z]+/g, '.');
  return {
    entraId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    upn: `${slug}@leics.example`,
    displayName,
    agency: 'Leicestershire County Council',
  };
}

export const asha = person('Asha Patel', 1);
export const ben = person('Ben Jones', 2);
export const chloe = person('Chloe Smith', 3);

export function plan(overrides: Partial<Plan> = {}): Plan {
  return makePlan({
    id: PLAN_ID,
    title: 'Leicestershire WSoA 2026',
    localArea: 'Leicestershire',
    ...overrides,
  });
}

export const bragp = resolveScale('bragp');

/** A policy with one default channel; weekends stay quiet unless a test says otherwise. */
export function policy(overrides: ReminderPolicyInput = {}): ReminderPolicy {
  return reminderPolicySchema.parse({
    channels: [
      { key: 'wsoa', name: 'WSoA action leads', webhookName: 'wsoa-leads' },
      { key: 'board', name: 'SEND Improvement Board', teamId: 'team-1', channelId: '19:board@thread.tacv2' },
      { key: 'health', name: 'Health workstream', webhookName: 'health' },
    ],
    defaultChannel: 'wsoa',
    ...overrides,
  });
}

export function priority(overrides: Partial<Priority> & { id?: string; number?: number } = {}): Priority {
  const number = overrides.number ?? 1;
  return makePriority({
    id: overrides.id ?? `p${number}`,
    planId: PLAN_ID,
    number,
    label: `IP${number}`,
    title: `Priority ${number}`,
    lead: chloe,
    ...overrides,
  });
}

export function action(overrides: Partial<Action> & { id?: string } = {}): Action {
  return makeAction({
    id: overrides.id ?? 'a1',
    planId: PLAN_ID,
    priorityId: 'p1',
    reference: '1.1',
    text: 'Agree a joint commissioning strategy for 0 to 25 SEND provision',
    lead: asha,
    status: 'green',
    ...overrides,
  });
}

export function milestone(overrides: Partial<Milestone> & { id?: string; dueDate?: string } = {}): Milestone {
  return makeMilestone({
    id: overrides.id ?? 'm1',
    planId: PLAN_ID,
    priorityId: 'p1',
    actionId: 'a1',
    title: 'Strategy approved by the SEND Improvement Board',
    dueDate: '2026-12-16',
    ...overrides,
  });
}

/** The instant at a London wall-clock time, whichever of GMT or BST is in force. */
export function londonTime(date: string, time = '08:00'): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(guess))
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`);
  return new Date(guess - (shown - guess));
}

export function sent(...keys: string[]): ReminderLogEntry[] {
  return keys.map((key) => ({ key, state: 'sent' }));
}

/** One priority, one action, one milestone due Wednesday 16 Dec 2026, run at 08:00 on `today`. */
export function scenario(today: string, overrides: Partial<ReminderPlanInput> = {}): ReminderPlanInput {
  return {
    plan: plan(),
    scale: bragp,
    priorities: [priority()],
    actions: [action()],
    milestones: [milestone()],
    people: [],
    policy: policy(),
    log: [],
    now: londonTime(today),
    ...overrides,
  };
}

/**
 * A plan of `milestoneCount` milestones (two per action) spread across `leadCount`
 * leads, nine priorities and three channels, due from 120 days ago to 120 days
 * ahead of the run on Tuesday 1 Dec 2026, with a third of the due reminders
 * already logged as sent. Deterministic: no randomness.
 */
export function makeLargePlanFixture(milestoneCount: number, leadCount = 1000): ReminderPlanInput {
  const leads = Array.from({ length: leadCount }, (_, i) =>
    person(`Lead ${String(i + 1).padStart(4, '0')}`, i + 100),
  );
  const priorities = Array.from({ length: 9 }, (_, i) =>
    priority({ number: i + 1, lead: person(`Priority lead ${i + 1}`, 10 + i) }),
  );
  const actionCount = Math.ceil(milestoneCount / 2);
  const actions: Action[] = [];
  for (let i = 0; i < actionCount; i++) {
    const p = i % 9;
    actions.push(
      action({
        id: `a${i}`,
        priorityId: `p${p + 1}`,
        reference: `${p + 1}.${Math.floor(i / 9 / 20) + 1}.${(Math.floor(i / 9) % 20) + 1}`,
        text: `Action ${i}: improve the timeliness of EHC plans`,
        lead: leads[i % leadCount] ?? null,
        status: ['purple', 'red', 'amber', 'green', 'green', 'green', 'blue'][i % 7] ?? 'green',
      }),
    );
  }
  const milestones: Milestone[] = [];
  for (let i = 0; i < milestoneCount; i++) {
    const a = actions[Math.floor(i / 2)];
    if (!a) break;
    const offset = (i * 37) % 241; // 0..240 days, spread evenly
    milestones.push(
      milestone({
        id: `m${i}`,
        priorityId: a.priorityId,
        actionId: a.id,
        title: `Milestone ${i}`,
        dueDate: addDays('2026-08-03', offset),
        completedOn: i % 11 === 0 ? '2026-07-01' : null,
      }),
    );
  }
  const input: ReminderPlanInput = {
    plan: plan(),
    scale: bragp,
    priorities,
    actions,
    milestones,
    people: leads,
    policy: policy({
      priorityChannels: { p3: 'health', p4: 'health' },
      updatesDue: { deadlines: ['2026-12-03', '2027-03-04'] },
      exceptionsDigest: { boardDates: ['2026-12-03'], channel: 'board' },
    }),
    log: [],
    now: londonTime('2026-12-01'),
  };
  return { ...input, log: logEveryThird(input) };
}

function logEveryThird(input: ReminderPlanInput): ReminderLogEntry[] {
  // Keys as the planner builds them, for milestones whose rule is due; every third is marked sent.
  return input.milestones
    .filter((_, i) => i % 3 === 0)
    .flatMap((m) =>
      [14, 7].map((d) => ({
        key: `milestone:${m.id}:before-${d}:${addDays(m.dueDate, -d)}`,
        state: 'sent' as const,
      })),
    );
}
