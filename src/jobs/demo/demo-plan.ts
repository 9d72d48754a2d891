import {
  addDays,
  lastDayOfMonth,
  resolveScale,
  type Action,
  type IsoDate,
  type Measure,
  type MeasureReading,
  type Milestone,
  type PersonRef,
  type Plan,
  type Priority,
  type ProgressUpdate,
  type Risk,
} from '../../domain';
import { demoNarratives } from './demo-narratives';
import type { ParsedArea } from './parse-wsoa-summary';

/**
 * Turns the parsed Leicestershire WSoA into a demo plan: the real priorities,
 * focus areas and actions, with made-up (clearly demo) leads, dates, ratings,
 * milestones, measures and risks placed relative to `today`, so that reminders
 * and overdue markers have something to show whatever the date. Deterministic:
 * the same inputs always give the same plan.
 */
export interface DemoPeople {
  priorityLeads: PersonRef[];
  /** The person signed in as "lead": gets a share of actions and milestones due soon. */
  actionLead: PersonRef;
  others: PersonRef[];
}

type Draft<T> = Omit<T, 'id' | 'planId' | 'priorityId' | 'actionId' | 'focusAreaId' | 'measureId'>;

export interface DemoAction {
  action: Draft<Action>;
  milestones: Draft<Milestone>[];
  updates: Draft<ProgressUpdate>[];
}
export interface DemoFocusArea {
  reference: string;
  title: string;
  actions: DemoAction[];
}
export interface DemoPriority {
  priority: Draft<Priority>;
  focusAreas: DemoFocusArea[];
  measures: { measure: Draft<Measure>; readings: Draft<MeasureReading>[] }[];
  risks: Draft<Risk>[];
}
export interface DemoPlan {
  plan: Omit<Plan, 'id'>;
  weaknesses: string[];
  priorities: DemoPriority[];
}

export const DEMO_PLAN_TITLE = 'Leicestershire SEND Written Statement of Action (demo)';

const FORUMS = [
  'SEND and Inclusion Board',
  'Joint Commissioning Group',
  'WSOA Group',
  'SEND Operational Group',
];
const PRIORITY_TITLES: Record<number, { title: string; concern: string; theme: string }> = {
  1: {
    title: 'Joint commissioning strategy for 0 to 25 SEND provision',
    concern: 'The absence of a clearly defined joint commissioning strategy for 0 to 25 SEND provision.',
    theme: 'Joint commissioning',
  },
  2: {
    title: 'Quality of EHC plans',
    concern: 'Systemic weaknesses in the quality of EHC plans.',
    theme: 'Education, Health and Care plans',
  },
};

export function buildDemoPlan(
  areas: readonly ParsedArea[],
  findings: readonly string[],
  people: DemoPeople,
  today: IsoDate,
): DemoPlan {
  const random = seededRandom(`${today}`);
  const everyone = [people.actionLead, ...people.others];
  const scale = resolveScale('bragp');
  let actionIndex = 0;
  const priorities = areas.map((area, areaIndex): DemoPriority => {
    const info = PRIORITY_TITLES[area.number];
    const lead = people.priorityLeads[areaIndex % people.priorityLeads.length] ?? null;
    const focusAreas = area.focusAreas.map((focus): DemoFocusArea => ({
      reference: focus.reference,
      title: focus.title,
      actions: focus.actions.map((parsed): DemoAction => {
        const i = actionIndex++;
        // Every third action is the signed-in demo lead's, so "My work" and reminders have content.
        const actionLead =
          i % 3 === 0 ? people.actionLead : (everyone[1 + (i % (everyone.length - 1))] ?? people.actionLead);
        const phase = random();
        const rating =
          phase < 0.22
            ? 'blue'
            : phase < 0.55
              ? 'green'
              : phase < 0.75
                ? 'amber'
                : phase < 0.87
                  ? 'red'
                  : 'purple';
        const completed = scale.ratings.find((r) => r.key === rating)?.completed ?? false;
        const offset = completed ? -30 - Math.floor(random() * 200) : Math.floor(random() * 240) - 40;
        const monthOnly = random() < 0.3;
        const due = monthOnly ? monthEnd(addDays(today, offset)) : addDays(today, offset);
        return {
          action: {
            reference: parsed.reference,
            text: parsed.text,
            successMeasures: parsed.referenceInferred
              ? 'Reference added by the programme office: the published table left it blank.'
              : '',
            lead: actionLead,
            leadAsWritten: '',
            governanceForum: FORUMS[i % FORUMS.length] ?? '',
            dueDate: due,
            dueDatePrecision: monthOnly ? 'month' : 'day',
            status: rating,
            impactRating: completed
              ? 'green'
              : rating === 'purple'
                ? 'purple'
                : random() < 0.5
                  ? 'amber'
                  : 'red',
            sustainedRating: completed ? 'green' : rating === 'purple' ? null : 'amber',
            progressNarrative: narrativeFor(rating),
            evidenceLinks: [],
            updatedAt: `${addDays(today, -Math.floor(random() * 40))}T09:30:00Z`,
            archived: false,
          },
          milestones: milestonesFor(
            i,
            parsed.text,
            completed,
            today,
            random,
            actionLead === people.actionLead,
          ),
          updates: rating === 'purple' ? [] : [progressUpdate(actionLead, rating, today, random)],
        };
      }),
    }));
    return {
      priority: {
        number: area.number,
        label: `Area ${area.number}`,
        title: info?.title ?? area.heading,
        lead,
        weaknessNumbers: [area.number],
        archived: false,
        inspectionConcern: findings[areaIndex] ?? info?.concern ?? area.heading,
        theme: info?.theme ?? '',
        ...demoNarratives(area.number)[0],
      },
      focusAreas,
      measures: measuresFor(area.number, today),
      risks: risksFor(area.number, lead),
    };
  });
  return {
    plan: {
      title: DEMO_PLAN_TITLE,
      planType: 'Written Statement of Action',
      localArea: 'Leicestershire (demo)',
      inspectionDate: addDays(today, -300),
      status: 'active',
      scaleId: 'bragp',
      columnOrder: null,
      requireProgressNote: true,
      governanceBoard: 'SEND and Inclusion Board',
    },
    weaknesses: findings.length ? [...findings] : areas.map((a) => a.heading),
    priorities,
  };
}

function monthEnd(date: IsoDate): IsoDate {
  return lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

function milestonesFor(
  i: number,
  text: string,
  completed: boolean,
  today: IsoDate,
  random: () => number,
  isDemoLead: boolean,
): Draft<Milestone>[] {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  if (completed) {
    const due = addDays(today, -40 - Math.floor(random() * 100));
    return [
      {
        title: `Sign-off: ${short}`,
        dueDate: due,
        dueDatePrecision: 'day',
        completedOn: addDays(due, -2),
        dateChanges: [],
      },
    ];
  }
  // Spread open milestones: some overdue, some inside the next fortnight, some later.
  const slots = isDemoLead ? [-9, 3, 12, 45] : [-20, -3, 7, 14, 30, 60, 90];
  const first = slots[i % slots.length] ?? 30;
  const milestones: Draft<Milestone>[] = [
    {
      title: `Draft ready for review: ${short}`,
      dueDate: addDays(today, first),
      dueDatePrecision: 'day',
      completedOn: null,
      dateChanges: [],
    },
  ];
  if (random() < 0.6) {
    milestones.push({
      title: `Agreed at board: ${short}`,
      dueDate: addDays(today, first + 28 + Math.floor(random() * 30)),
      dueDatePrecision: 'day',
      completedOn: null,
      dateChanges: [],
    });
  }
  return milestones;
}

function narrativeFor(rating: string): string {
  switch (rating) {
    case 'blue':
      return 'Completed and signed off at the SEND and Inclusion Board.';
    case 'green':
      return 'On track: the working group has met and the draft is with partners for comment.';
    case 'amber':
      return 'Minor delay while partners agree the data sharing arrangements.';
    case 'red':
      return 'Little progress this cycle: capacity in the team has been diverted to the EHC plan backlog.';
    default:
      return '';
  }
}

function progressUpdate(
  author: PersonRef,
  rating: string,
  today: IsoDate,
  random: () => number,
): Draft<ProgressUpdate> {
  return {
    author,
    at: `${addDays(today, -10 - Math.floor(random() * 30))}T10:15:00Z`,
    kind: 'rating',
    fromRating: 'purple',
    toRating: rating,
    note: narrativeFor(rating),
  };
}

function measuresFor(area: number, today: IsoDate): DemoPriority['measures'] {
  const reading = (days: number, value: number, note = ''): Draft<MeasureReading> => ({
    date: addDays(today, days),
    value,
    note,
  });
  if (area === 2) {
    return [
      {
        measure: {
          title: 'EHC plans issued within 20 weeks',
          unit: '%',
          baseline: 45,
          baselineDate: addDays(today, -300),
          target: 60,
          targetDate: addDays(today, 120),
          higherIsBetter: true,
        },
        readings: [
          reading(-240, 45),
          reading(-150, 17, 'Dipped while the backlog was cleared'),
          reading(-90, 31),
          reading(-50, 44),
          reading(-10, 52),
        ],
      },
      {
        measure: {
          title: 'EHC plans audited as good or better',
          unit: '%',
          baseline: 38,
          baselineDate: addDays(today, -300),
          target: 70,
          targetDate: addDays(today, 180),
          higherIsBetter: true,
        },
        readings: [reading(-200, 41), reading(-90, 55), reading(-50, 58), reading(-20, 61)],
      },
    ];
  }
  return [
    {
      measure: {
        title: 'Annual health checks within 20 working days for children looked after',
        unit: '%',
        baseline: 32,
        baselineDate: addDays(today, -300),
        target: 75,
        targetDate: addDays(today, 90),
        higherIsBetter: true,
      },
      readings: [reading(-220, 32), reading(-120, 48), reading(-90, 51), reading(-50, 49), reading(-25, 63)],
    },
  ];
}

function risksFor(area: number, lead: PersonRef | null): Draft<Risk>[] {
  const owner = lead?.displayName ?? '';
  if (area === 2) {
    return [
      {
        title: 'Rising requests for assessment outstrip capacity to issue plans in 20 weeks',
        consequence: 4,
        likelihood: 4,
        mitigation: 'Temporary SENA officers recruited; weekly backlog review at the operational group.',
        owner,
        status: 'open',
        trend: 'rising',
      },
      {
        title: 'Health advice for EHC needs assessments returned late',
        consequence: 3,
        likelihood: 3,
        mitigation: 'DCO tracks requests weekly; escalation route agreed with providers.',
        owner,
        status: 'open',
        trend: 'steady',
      },
    ];
  }
  return [
    {
      title: 'Partners do not sign the Joint Working Agreement in time',
      consequence: 4,
      likelihood: 2,
      mitigation: 'Legal review scheduled; chief officers briefed at the board.',
      owner,
      status: 'open',
      trend: 'falling',
    },
  ];
}

/** A small deterministic generator (mulberry32) seeded from a string. */
function seededRandom(seed: string): () => number {
  let state = 0;
  for (const char of seed) state = (Math.imul(state, 31) + char.charCodeAt(0)) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
