import type { QueryClient } from '@tanstack/react-query';
import {
  byPriorityNumber,
  compareIsoDates,
  formatDate,
  measureReadingSchema,
  measureSchema,
  type DataProblem,
  type Measure,
  type MeasureReading,
  type Plan,
  type Priority,
  type Stored,
} from '../domain';
import {
  measureInputSchema,
  readingInputSchema,
  type MeasureInput,
  type ReadingInput,
} from '../domain/measures';
import { NotFoundError } from '../graph/errors';
import { LIST_NAMES } from '../graph/lists';
import { fieldEq } from '../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';
import { saveOrReload, type SaveOutcome } from './save-outcome';
import { checkedInput, refusal } from './structure/input';

/** A plan's measures with their readings, each with its eTag, and the priorities they belong to. */
export interface MeasuresData {
  plan: Stored<Plan>;
  /** The priorities in use, in the plan's order. */
  priorities: Stored<Priority>[];
  /** The measures of the plan as a whole and of the priorities in use. */
  measures: Stored<Measure>[];
  /** The readings of those measures, oldest first. */
  readings: Stored<MeasureReading>[];
  /** Items of the plan left out because they do not fit it, named. */
  problems: DataProblem[];
}

export const measuresKeys = {
  measures: (planId: string) => [...queryKeys.planScope(planId), 'measures'] as const,
};

/** The plan, its priorities, measures and readings: one `$batch`. */
export async function loadMeasures(store: PlanStore, planId: string): Promise<MeasuresData> {
  const inPlan = fieldEq('PlanId', planId);
  const [plan, priorities, measures, readings] = await readTogetherOrRefused(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.priorities.queryRequest({ filter: inPlan }),
      store.measures.queryRequest({ filter: inPlan }),
      store.measureReadings.queryRequest({ filter: inPlan }),
    ],
    "Reading the plan's measures",
  );
  const problems: DataProblem[] = [];
  const [priorityItems, measureItems, readingItems] = await Promise.all([
    store.priorities.readPages(bodyOf(priorities), problems),
    store.measures.readPages(bodyOf(measures), problems),
    store.measureReadings.readPages(bodyOf(readings), problems),
  ]);
  const inUse = measuresInUse(priorityItems, measureItems, problems);
  return {
    plan: store.plans.readItem(bodyOf(plan)),
    priorities: priorityItems.filter((p) => !p.archived).sort(byPriorityNumber),
    measures: inUse,
    readings: readingsOf(measureItems, inUse, readingItems, problems).sort(
      (a, b) => compareIsoDates(a.date, b.date) || a.id.localeCompare(b.id, 'en', { numeric: true }),
    ),
    problems,
  };
}

export function measuresQuery(store: PlanStore, planId: string) {
  return { queryKey: measuresKeys.measures(planId), queryFn: () => loadMeasures(store, planId) };
}

/**
 * Measures of the plan as a whole or of a priority in use. One of an archived
 * priority is left out quietly, as everything inside an archived part is; one
 * whose priority is not in the plan at all is named.
 */
function measuresInUse(
  priorities: readonly Stored<Priority>[],
  measures: readonly Stored<Measure>[],
  problems: DataProblem[],
): Stored<Measure>[] {
  const byId = new Map(priorities.map((p) => [p.id, p]));
  const leftOut = leftOutIds(problems, 'priorities');
  return measures.filter((m) => {
    if (m.priorityId === null) return true;
    const priority = byId.get(m.priorityId);
    if (priority) return !priority.archived;
    if (!leftOut.has(m.priorityId))
      problems.push(
        notInPlan('measures', m.id, m.title, 'PriorityId', 'priority', 'priorities', m.priorityId),
      );
    return false;
  });
}

/** Readings of the measures shown; those of a measure left out go quietly, of one not in the plan are named. */
function readingsOf(
  read: readonly Stored<Measure>[],
  shown: readonly Stored<Measure>[],
  readings: readonly Stored<MeasureReading>[],
  problems: DataProblem[],
): Stored<MeasureReading>[] {
  const shownIds = new Set(shown.map((m) => m.id));
  const inPlan = new Set([...read.map((m) => m.id), ...leftOutIds(problems, 'measures')]);
  return readings.filter((r) => {
    if (shownIds.has(r.measureId)) return true;
    if (!inPlan.has(r.measureId))
      problems.push(
        notInPlan(
          'measureReadings',
          r.id,
          `${r.date}: ${r.value}`,
          'MeasureId',
          'measure',
          'measures',
          r.measureId,
        ),
      );
    return false;
  });
}

type ListKey = keyof typeof LIST_NAMES;

function leftOutIds(problems: readonly DataProblem[], list: ListKey): Set<string> {
  return new Set(problems.filter((p) => p.list === LIST_NAMES[list].displayName).map((p) => p.itemId));
}

function notInPlan(
  list: ListKey,
  itemId: string,
  title: string,
  column: string,
  parent: string,
  parentList: ListKey,
  parentId: string,
): DataProblem {
  return {
    list: LIST_NAMES[list].displayName,
    itemId,
    title,
    columns: [column],
    message: `Its ${parent} (item ${parentId} of ${LIST_NAMES[parentList].displayName}) is not in this plan`,
    webUrl: null,
  };
}

/** A new measure of the plan, of one of its priorities or of the plan as a whole. */
export async function addMeasure(
  store: PlanStore,
  data: MeasuresData,
  input: MeasureInput,
): Promise<Stored<Measure>> {
  const notDone = 'The measure was not added';
  const value = checkedMeasure(data, input, notDone);
  const { id: _id, ...draft } = measureSchema.parse({ id: 'new', planId: data.plan.id, ...value });
  return store.measures.create(draft);
}

/** A measure changed, saved with the eTag it was shown with (a newer version: ConflictError). */
export async function editMeasure(
  store: PlanStore,
  data: MeasuresData,
  id: string,
  input: MeasureInput,
): Promise<Stored<Measure>> {
  const notDone = 'The measure was not saved';
  const value = checkedMeasure(data, input, notDone);
  return store.measures.update(measureOf(data, id, notDone), value);
}

/** A reading of a measure; a measure has one reading a day. */
export async function addReading(
  store: PlanStore,
  data: MeasuresData,
  measureId: string,
  input: ReadingInput,
): Promise<Stored<MeasureReading>> {
  const notDone = 'The reading was not added';
  const value = checkedInput(readingInputSchema, input, notDone);
  const measure = measureOf(data, measureId, notDone);
  await refuseSecondReading(store, measure.id, value.date, null, notDone);
  const { id: _id, ...draft } = measureReadingSchema.parse({
    id: 'new',
    planId: data.plan.id,
    measureId: measure.id,
    ...value,
  });
  return store.measureReadings.create(draft);
}

/** A reading corrected, saved with the eTag it was shown with (a newer version: ConflictError). */
export async function editReading(
  store: PlanStore,
  data: MeasuresData,
  id: string,
  input: ReadingInput,
): Promise<Stored<MeasureReading>> {
  const notDone = 'The reading was not saved';
  const value = checkedInput(readingInputSchema, input, notDone);
  const current = data.readings.find((r) => r.id === id);
  if (!current) throw new NotFoundError(`${notDone}: the reading is not part of this plan (reload the plan)`);
  if (value.date !== current.date)
    await refuseSecondReading(store, current.measureId, value.date, id, notDone);
  return store.measureReadings.update(current, value);
}

function checkedMeasure(data: MeasuresData, input: MeasureInput, notDone: string) {
  const value = checkedInput(measureInputSchema, input, notDone);
  if (value.priorityId !== null && !data.priorities.some((p) => p.id === value.priorityId))
    throw refusal(notDone, [
      {
        field: 'priorityId',
        message: 'Choose one of the plan’s priorities in use, or none for the whole plan',
      },
    ]);
  return value;
}

function measureOf(data: MeasuresData, id: string, notDone: string): Stored<Measure> {
  const measure = data.measures.find((m) => m.id === id);
  if (!measure) throw new NotFoundError(`${notDone}: the measure is not part of this plan (reload the plan)`);
  return measure;
}

/**
 * One reading a day per measure, checked against the readings as they are now
 * (not as the page last showed them), so two people adding the same day's
 * reading do not both succeed unseen.
 */
async function refuseSecondReading(
  store: PlanStore,
  measureId: string,
  date: string,
  exceptId: string | null,
  notDone: string,
): Promise<void> {
  const readings = await store.measureReadings.query({ filter: fieldEq('MeasureId', measureId) }, []);
  if (readings.some((r) => r.date === date && r.id !== exceptId))
    throw refusal(notDone, [
      {
        field: 'date',
        message: `There is already a reading for ${formatDate(date)}: change that one instead`,
      },
    ]);
}

/** What the Measures page asks for, with the measures as the person saw them (their eTags). */
export type MeasureCommand = { data: MeasuresData } & (
  | { do: 'add-measure'; input: MeasureInput }
  | { do: 'edit-measure'; id: string; input: MeasureInput }
  | { do: 'add-reading'; measureId: string; input: ReadingInput }
  | { do: 'edit-reading'; id: string; input: ReadingInput }
);

export async function runMeasureCommand(store: PlanStore, command: MeasureCommand): Promise<void> {
  const { data } = command;
  switch (command.do) {
    case 'add-measure':
      await addMeasure(store, data, command.input);
      return;
    case 'edit-measure':
      await editMeasure(store, data, command.id, command.input);
      return;
    case 'add-reading':
      await addReading(store, data, command.measureId, command.input);
      return;
    case 'edit-reading':
      await editReading(store, data, command.id, command.input);
      return;
  }
}

/**
 * A measure command as a mutation of the tab's cache. A 412 comes back as a
 * conflict with the measures as they are now, which the page then shows. Once
 * settled the measures are read again, and the plan's other views with them
 * (their "off trajectory" figures follow the readings).
 */
export function measureMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (command: MeasureCommand) =>
      saveOrReload(
        () => runMeasureCommand(store, command),
        () => loadMeasures(store, planId),
      ),
    onSuccess: (outcome: SaveOutcome<void, MeasuresData>) => {
      if (outcome.kind === 'conflict')
        queryClient.setQueryData(measuresKeys.measures(planId), outcome.latest);
    },
    // The measures page sits under the plan's scope with the views whose figures follow a reading.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
      ]),
  };
}
