import {
  makeAction,
  makeFocusArea,
  makePlan,
  makePriority,
  type Action,
  type FocusArea,
  type Priority,
} from '../../src/domain';
import { DEMO_PEOPLE } from '../../src/localgraph';
import { exportRegisterXlsx, type ExportedFile } from '../../src/plan/import/export-register';

const AREAS = [
  'Joint commissioning across education, health and care',
  'Timeliness and quality of EHC plans',
  'Co-production with children, young people and families',
  'Waiting times for neurodevelopmental assessment',
  'Preparation for adulthood',
  'Inclusion, attendance and exclusions',
  'The local offer and information for families',
  'Quality assurance, performance and governance',
];
const FOCUS = [
  'Strategy and governance',
  'Workforce and training',
  'Data and performance',
  'Pathways and provision',
  'Communication with families',
];
const JOB_TITLES = [
  'Head of SEND, County Council',
  'Designated Clinical Officer, ICB',
  'Principal Educational Psychologist',
  'Head of Commissioning, Children and Families',
  'Parent Carer Forum co-chairs',
];
const FORUMS = ['SEND Improvement Board', 'Joint Commissioning Group', 'Health SEND Steering Group'];
const RATINGS = ['purple', 'red', 'amber', 'green', 'blue'];

/**
 * A plan's action register as an Excel workbook, written by the app's own export
 * (what a programme officer downloads, edits and imports again): `actions` rows
 * over 8 areas and 40 focus areas, led by people of the demo directory (by name)
 * and, one in four, by a job title as plans often write them.
 */
export async function registerWorkbook(actions: number): Promise<ExportedFile> {
  const plan = makePlan({ id: 'plan', title: `Register of ${actions} actions`, localArea: 'Benchshire' });
  const priorities: Priority[] = AREAS.map((title, i) =>
    makePriority({ id: `p${i + 1}`, planId: plan.id, number: i + 1, title }),
  );
  const focusAreas: FocusArea[] = priorities.flatMap((p) =>
    FOCUS.map((title, f) =>
      makeFocusArea({
        id: `${p.id}f${f + 1}`,
        planId: plan.id,
        priorityId: p.id,
        reference: `${p.number}.${f + 1}`,
        title,
      }),
    ),
  );
  const people = DEMO_PEOPLE.filter((p) => p.kind === 'user').map((p) => p.displayName);
  const rows: Action[] = Array.from({ length: actions }, (_, i) => {
    const focus = focusAreas[i % focusAreas.length] ?? focusAreas[0];
    if (!focus) throw new Error('No focus areas');
    const n = Math.floor(i / focusAreas.length) + 1;
    const month = String((i % 12) + 1).padStart(2, '0');
    return makeAction({
      id: `a${i + 1}`,
      planId: plan.id,
      priorityId: focus.priorityId,
      focusAreaId: focus.id,
      reference: `${focus.reference}.${n}`,
      text: `Action ${i + 1}: agree, publish and review the ${focus.title.toLowerCase()} plan with partners`,
      successMeasures: 'Audit of 20 plans each term shows at least 80% rated good or better',
      leadAsWritten:
        i % 4 === 3 ? (JOB_TITLES[i % JOB_TITLES.length] ?? '') : (people[i % people.length] ?? ''),
      governanceForum: FORUMS[i % FORUMS.length] ?? '',
      dueDate: `2027-${month}-${i % 3 === 0 ? '01' : '28'}`,
      dueDatePrecision: i % 3 === 0 ? 'month' : 'day',
      status: RATINGS[i % RATINGS.length] ?? 'purple',
      progressNarrative:
        i % 2 === 0 ? 'On track: the working group met and the draft is with partners for comment.' : '',
    });
  });
  return exportRegisterXlsx({ plan, priorities, focusAreas, actions: rows });
}
