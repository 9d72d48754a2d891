import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  partsInUse,
  planSchema,
  resolveScale,
  WEAKNESS_OUTCOMES,
  type Action,
  type AreaOfWeakness,
  type DataProblem,
  type FocusArea,
  type Measure,
  type MeasureReading,
  type Milestone,
  type Plan,
  type Priority,
  type RatingScale,
  type Stored,
} from '../domain';
import { carryOverPlan, NOT_MADE, type CarryOver, type WeaknessOutcome } from '../domain/revisit';
import { inspectionDateInputSchema } from '../domain/structure-input';
import { firstFailure, sendBatchedJudged } from '../graph/batch';
import type { GraphRequest, GraphResponse } from '../graph/client';
import { fieldEq } from '../graph/odata';
import type { Repository } from '../graph/repository';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../graph/store';
import { mapLimited } from '../lib/concurrency';
import { planItems } from './plan-items';
import { withTheirActions } from './problems';
import { queryKeys } from './query-keys';
import { saveOrReload, type SaveOutcome } from './save-outcome';
import { checkedInput, refusal } from './structure/input';
import { readStructure, structureRequests } from './structure/load';

/**
 * The revisit: each area of weakness with what answers it, the inspectors'
 * judgement recorded against it, and the accelerated progress plan (APP) started
 * from the areas judged "sufficient progress not made".
 */

export const ACCELERATED_PLAN_TYPE = 'Accelerated progress plan';

export const revisitKeys = {
  revisit: (planId: string) => [...queryKeys.planScope(planId), 'revisit'] as const,
};

/** The plan's parts in use, as the revisit page and the APP need them. */
export interface RevisitData {
  /** Every plan on the site (an APP's title must be new). */
  plans: Stored<Plan>[];
  plan: Stored<Plan>;
  scale: RatingScale;
  /** The areas of weakness in use, by number, each with its eTag. */
  weaknesses: Stored<AreaOfWeakness>[];
  priorities: Stored<Priority>[];
  focusAreas: Stored<FocusArea>[];
  actions: Stored<Action>[];
  milestones: Stored<Milestone>[];
  measures: Stored<Measure>[];
  readings: Stored<MeasureReading>[];
  /** Items of the plan left out because they do not fit it, named. */
  problems: DataProblem[];
}

/** The plan's structure, milestones, measures and readings, and the site's plans: one `$batch`. */
export async function loadRevisit(store: PlanStore, planId: string): Promise<RevisitData> {
  const inPlan = fieldEq('PlanId', planId);
  const structure = structureRequests(store, planId);
  const outcomes = await readTogetherOrRefused(
    store.ctx,
    [
      ...structure,
      store.milestones.queryRequest({ filter: inPlan }),
      store.measures.queryRequest({ filter: inPlan }),
      store.measureReadings.queryRequest({ filter: inPlan }),
      store.plans.queryRequest({}),
    ],
    'Reading the plan for its revisit',
  );
  const [milestones, measures, readings, plans] = outcomes.slice(structure.length);
  if (!milestones || !measures || !readings || !plans) throw new Error('The batch lacks a read');
  const problems: DataProblem[] = [];
  const data = await readStructure(store, outcomes.slice(0, structure.length), problems);
  const [milestoneItems, measureItems, readingItems, planItemsRead] = await Promise.all([
    planItems(
      store,
      store.milestones,
      milestones,
      data.priorities.map((p) => p.id),
      problems,
    ),
    store.measures.readPages(bodyOf(measures), problems),
    store.measureReadings.readPages(bodyOf(readings), problems),
    store.plans.readPages(bodyOf(plans), problems),
  ]);
  const inUse = partsInUse({ ...data, milestones: milestoneItems });
  return {
    plans: planItemsRead,
    plan: data.plan,
    scale: resolveScale(data.plan.scaleId, data.plan.columnOrder),
    weaknesses: data.weaknesses.filter((w) => !w.archived),
    priorities: inUse.priorities,
    focusAreas: inUse.focusAreas,
    actions: inUse.actions,
    milestones: withTheirActions(inUse.milestones, inUse.actions, problems),
    measures: measureItems,
    readings: readingItems,
    problems,
  };
}

export function revisitQuery(store: PlanStore, planId: string) {
  return { queryKey: revisitKeys.revisit(planId), queryFn: () => loadRevisit(store, planId) };
}

const outcomeSchema = z.enum(WEAKNESS_OUTCOMES, {
  error: `Choose one of: ${WEAKNESS_OUTCOMES.join(', ')}`,
});

/**
 * Records the inspectors' judgement on an area of weakness, with the eTag it was
 * read with (a ConflictError when someone changed it since). Archived areas are not
 * judged: restore one first.
 */
export async function recordOutcome(
  store: PlanStore,
  weakness: Stored<AreaOfWeakness>,
  outcome: WeaknessOutcome,
): Promise<Stored<AreaOfWeakness>> {
  const notDone = `The outcome of area of weakness ${weakness.number} was not saved`;
  const checked = checkedInput(z.object({ outcome: outcomeSchema }), { outcome }, notDone);
  if (weakness.archived)
    throw refusal(notDone, [{ field: '', message: 'The area of weakness is archived: restore it first' }]);
  return store.weaknesses.update(weakness, { outcome: checked.outcome });
}

export interface OutcomeChange {
  weakness: Stored<AreaOfWeakness>;
  outcome: WeaknessOutcome;
}

/**
 * Recording an outcome from the revisit page: a 412 comes back as a conflict with
 * the plan as it is now, which the page then shows. The plan's own views show the
 * areas too, so they are read again with it.
 */
export function recordOutcomeMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (change: OutcomeChange) =>
      saveOrReload(
        () => recordOutcome(store, change.weakness, change.outcome),
        () => loadRevisit(store, planId),
      ),
    onSuccess: (outcome: SaveOutcome<Stored<AreaOfWeakness>, RevisitData>) => {
      if (outcome.kind === 'conflict') queryClient.setQueryData(revisitKeys.revisit(planId), outcome.latest);
    },
    // The revisit page sits under the plan's scope with its other views.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.planScope(planId) }),
  };
}

/** What the person types to start an accelerated progress plan. */
export interface AcceleratedPlanInput {
  title: string;
  /** The revisit's date as typed: "23 Nov 2026", "23/11/2026". */
  inspectionDate: string;
}

const acceleratedPlanInputSchema = z.object({
  title: planSchema.shape.title,
  inspectionDate: inspectionDateInputSchema.refine((date) => date !== null, {
    message: 'Give the date of the revisit, such as 23 Nov 2026',
  }),
});

export interface AcceleratedPlanStarted {
  planId: string;
  title: string;
  /** How many of each were carried over into the new plan. */
  counts: Record<'areas' | 'priorities' | 'focusAreas' | 'actions' | 'milestones', number>;
  /** Left with the old plan: completed actions, and focus areas whose actions are all completed. */
  leftBehind: { actions: number; focusAreas: number };
}

/**
 * Starts the accelerated progress plan: a new plan of the same local area, scale
 * and governance board, holding the areas judged "sufficient progress not made"
 * (numbered again from 1), the priorities that answer them, and their unfinished
 * focus areas, actions and open milestones (see `carryOverPlan`). The old plan is
 * left as it is, on record. Items are created 20 to a `$batch`, parents first; if
 * a write fails, what was created is removed again so the title is free to retry.
 */
export async function startAcceleratedPlan(
  store: PlanStore,
  planId: string,
  input: AcceleratedPlanInput,
): Promise<AcceleratedPlanStarted> {
  const notDone = 'The accelerated progress plan was not started';
  const { title, inspectionDate } = checkedInput(acceleratedPlanInputSchema, input, notDone);
  const data = await loadRevisit(store, planId);
  if (!data.weaknesses.some((w) => w.outcome === NOT_MADE))
    throw refusal(notDone, [
      {
        field: '',
        message: `No area of weakness is judged “${NOT_MADE}”: record the revisit’s outcomes first`,
      },
    ]);
  const taken = data.plans.find((p) => sameTitle(p.title, title));
  if (taken)
    throw refusal(notDone, [
      {
        field: 'title',
        message: `A plan titled “${taken.title}” is already on this site: choose another title`,
      },
    ]);

  const carry = carryOverPlan(data);
  const { plan } = data;
  const { id: _id, ...draft } = planSchema.parse({
    id: 'new',
    title,
    planType: ACCELERATED_PLAN_TYPE,
    localArea: plan.localArea,
    inspectionDate,
    scaleId: plan.scaleId,
    columnOrder: plan.columnOrder,
    requireProgressNote: plan.requireProgressNote,
    governanceBoard: plan.governanceBoard,
  });
  const created = await store.plans.create(draft);
  const writer = planWriter(store, created);
  try {
    await writeCarryOver(writer, carry);
  } catch (error) {
    await writer.removeAll(error);
    throw error;
  }
  return {
    planId: created.id,
    title: created.title,
    counts: {
      areas: carry.areas.length,
      priorities: carry.priorities.length,
      focusAreas: carry.focusAreas.length,
      actions: carry.actions.length,
      milestones: carry.milestones.length,
    },
    leftBehind: { actions: carry.leftBehind.actions.length, focusAreas: carry.leftBehind.focusAreas.length },
  };
}

/** Starting an APP from the revisit page: the new plan shows in every list of the site's plans. */
export function startAcceleratedPlanMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (input: AcceleratedPlanInput) => startAcceleratedPlan(store, planId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.all }),
  };
}

/** Parents first, each phase's new ids given to the next: areas and priorities, focus areas, actions, milestones. */
async function writeCarryOver(writer: PlanWriter, carry: CarryOver): Promise<void> {
  const { store } = writer;
  const priorityIds = new Map<string, string>();
  const focusAreaIds = new Map<string, string>();
  const actionIds = new Map<string, string>();
  const idIn = (ids: ReadonlyMap<string, string>, fromId: string) => {
    const id = ids.get(fromId);
    if (id === undefined) throw new Error(`Item ${fromId} was carried over without its parent`);
    return id;
  };
  await writer.createAll([
    ...carry.areas.map(({ fromId: _f, fromNumber: _n, ...area }) =>
      writer.item(store.weaknesses, area, `area of weakness ${area.number}`),
    ),
    ...carry.priorities.map(({ fromId, ...priority }) =>
      writer.item(store.priorities, priority, `priority ${priority.number}`, (id) =>
        priorityIds.set(fromId, id),
      ),
    ),
  ]);
  await writer.createAll(
    carry.focusAreas.map(({ fromId, ...focusArea }) =>
      writer.item(
        store.focusAreas,
        { ...focusArea, priorityId: idIn(priorityIds, focusArea.priorityId) },
        `focus area ${focusArea.reference}`,
        (id) => focusAreaIds.set(fromId, id),
      ),
    ),
  );
  await writer.createAll(
    carry.actions.map(({ fromId, ...action }) =>
      writer.item(
        store.actions,
        {
          ...action,
          priorityId: idIn(priorityIds, action.priorityId),
          focusAreaId: action.focusAreaId === null ? null : idIn(focusAreaIds, action.focusAreaId),
        },
        `action ${action.reference}`,
        (id) => actionIds.set(fromId, id),
      ),
    ),
  );
  await writer.createAll(
    carry.milestones.map(({ fromId: _f, ...milestone }) =>
      writer.item(
        store.milestones,
        {
          ...milestone,
          priorityId: idIn(priorityIds, milestone.priorityId),
          actionId: idIn(actionIds, milestone.actionId),
        },
        `milestone “${milestone.title}”`,
      ),
    ),
  );
}

interface NewItem {
  request: GraphRequest;
  what: string;
  saved: (response: GraphResponse) => void;
}

type PlanWriter = ReturnType<typeof planWriter>;

/** Creates a new plan's items in `$batch`es of 20, keeping what it created so a failure can take it away again. */
function planWriter(store: PlanStore, plan: Stored<Plan>) {
  /** How to remove each item created, phase by phase; the plan itself first. */
  const created: (() => Promise<void>)[][] = [[() => store.plans.remove(plan)]];
  return {
    store,
    item<T extends { id: string; planId: string }>(
      repository: Repository<T>,
      entity: Omit<T, 'id' | 'planId'>,
      what: string,
      onSaved?: (id: string) => void,
    ): NewItem {
      return {
        request: repository.createRequest({ ...entity, planId: plan.id } as Omit<T, 'id'>),
        what: `Saving ${what} of the new plan`,
        saved: (response) => {
          const stored = repository.fromWriteResponse(null, response);
          created.at(-1)?.push(() => repository.remove(stored));
          onSaved?.(stored.id);
        },
      };
    },

    async createAll(items: readonly NewItem[]): Promise<void> {
      created.push([]);
      if (items.length === 0) return;
      const results = await sendBatchedJudged(
        store.ctx.client,
        items.map((i) => i.request),
        (i) => items[i]?.what ?? 'Saving the new plan',
      );
      results.forEach((result, i) => {
        if (result.ok) items[i]?.saved(result.response);
      });
      const failure = firstFailure(results);
      if (failure) throw failure;
    },

    /** Children before parents, the plan last; when that fails too, says what is left to remove by hand. */
    async removeAll(cause: unknown): Promise<void> {
      try {
        for (const phase of [...created].reverse()) await mapLimited(phase, 4, (remove) => remove());
      } catch {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw new Error(
          `The accelerated progress plan “${plan.title}” was only partly created (${reason}) and could not be removed: remove it in SharePoint, or start again under another title`,
        );
      }
    },
  };
}

function sameTitle(a: string, b: string): boolean {
  const normal = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return normal(a) === normal(b);
}
