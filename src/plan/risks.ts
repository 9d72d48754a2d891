import type { QueryClient } from '@tanstack/react-query';
import {
  byPriorityNumber,
  riskSchema,
  type DataProblem,
  type Plan,
  type Priority,
  type Risk,
  type Stored,
} from '../domain';
import { byRiskOrder, riskInputSchema, type RiskFields, type RiskInput } from '../domain/risks';
import { NotFoundError } from '../graph/errors';
import { LIST_NAMES } from '../graph/lists';
import { fieldEq } from '../graph/odata';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';
import { saveOrReload, type SaveOutcome } from './save-outcome';
import { checkedInput, refusal } from './structure/input';

/** The joint risk register of a plan, with what a risk may be linked to. */
export interface RisksData {
  plan: Stored<Plan>;
  /** The priorities in use, in the plan's order: what a risk may belong to. */
  priorities: Stored<Priority>[];
  /** Open and closed alike, in risk order (see byRiskOrder). */
  risks: Stored<Risk>[];
  /** Items of the plan left out because they do not fit it, named. */
  problems: DataProblem[];
}

/** The plan, its priorities and its risks: one `$batch`. */
export async function loadRisks(store: PlanStore, planId: string): Promise<RisksData> {
  const inPlan = fieldEq('PlanId', planId);
  const [plan, priorities, risks] = await readTogetherOrRefused(
    store.ctx,
    [
      store.plans.getRequest(planId),
      store.priorities.queryRequest({ filter: inPlan }),
      store.risks.queryRequest({ filter: inPlan }),
    ],
    "Reading the plan's risks",
  );
  const problems: DataProblem[] = [];
  const [priorityItems, riskItems] = await Promise.all([
    store.priorities.readPages(bodyOf(priorities), problems),
    store.risks.readPages(bodyOf(risks), problems),
  ]);
  return {
    plan: store.plans.readItem(bodyOf(plan)),
    priorities: priorityItems.filter((p) => !p.archived).sort(byPriorityNumber),
    risks: withTheirPriorities(riskItems, priorityItems, problems).sort(byRiskOrder),
    problems,
  };
}

/**
 * Risks of the plan as a whole or of a priority in use. A risk of an archived
 * priority is left out as the priority is; of a priority left out as a data
 * problem, quietly (the priority is named); of a priority not in the plan at all
 * (deleted in SharePoint), named.
 */
function withTheirPriorities<R extends Stored<Risk>>(
  risks: readonly R[],
  priorities: readonly Priority[],
  problems: DataProblem[],
): R[] {
  const byId = new Map(priorities.map((p) => [p.id, p]));
  const prioritiesList = LIST_NAMES.priorities.displayName;
  const leftOut = new Set(problems.filter((p) => p.list === prioritiesList).map((p) => p.itemId));
  return risks.filter((risk) => {
    if (risk.priorityId === null) return true;
    const priority = byId.get(risk.priorityId);
    if (priority) return !priority.archived;
    if (!leftOut.has(risk.priorityId)) {
      problems.push({
        list: LIST_NAMES.risks.displayName,
        itemId: risk.id,
        title: risk.title,
        columns: ['PriorityId'],
        message: `Its priority (item ${risk.priorityId} of ${prioritiesList}) is not in this plan`,
        webUrl: null,
      });
    }
    return false;
  });
}

export const risksKey = (planId: string) => [...queryKeys.planScope(planId), 'risks'] as const;

export function risksQuery(store: PlanStore, planId: string) {
  return { queryKey: risksKey(planId), queryFn: () => loadRisks(store, planId) };
}

/** The input checked, and its priority one of the plan's in use (or none, for the whole plan). */
function checkedRisk(data: RisksData, input: RiskInput, notDone: string): RiskFields {
  const value = checkedInput(riskInputSchema, input, notDone);
  if (value.priorityId !== null && !data.priorities.some((p) => p.id === value.priorityId)) {
    throw refusal(notDone, [
      { field: 'priorityId', message: 'Choose one of the plan’s priorities, or none for the whole plan' },
    ]);
  }
  return value;
}

function riskOf(data: RisksData, id: string, notDone: string): Stored<Risk> {
  const risk = data.risks.find((r) => r.id === id);
  if (!risk) throw new NotFoundError(`${notDone}: the risk is not part of this plan (reload the page)`);
  return risk;
}

/** A new open risk in the plan's register. */
export async function addRisk(store: PlanStore, data: RisksData, input: RiskInput): Promise<Stored<Risk>> {
  const value = checkedRisk(data, input, 'The risk was not added');
  const { id: _id, ...draft } = riskSchema.parse({
    id: 'new',
    planId: data.plan.id,
    ...value,
    status: 'open',
  });
  return store.risks.create(draft);
}

/** A risk's fields saved with the eTag it was read with: a ConflictError if someone changed it since. */
export async function editRisk(
  store: PlanStore,
  data: RisksData,
  id: string,
  input: RiskInput,
): Promise<Stored<Risk>> {
  const notDone = 'The risk was not saved';
  const value = checkedRisk(data, input, notDone);
  return store.risks.update(riskOf(data, id, notDone), value);
}

/** Closes a risk (kept in the register, out of the heat map and the top risks); as it is if already closed. */
export async function closeRisk(store: PlanStore, data: RisksData, id: string): Promise<Stored<Risk>> {
  return setStatus(store, riskOf(data, id, 'The risk was not closed'), 'closed');
}

export async function reopenRisk(store: PlanStore, data: RisksData, id: string): Promise<Stored<Risk>> {
  return setStatus(store, riskOf(data, id, 'The risk was not reopened'), 'open');
}

async function setStatus(store: PlanStore, risk: Stored<Risk>, status: Risk['status']) {
  return risk.status === status ? risk : store.risks.update(risk, { status });
}

/** The commands of the risk register, each with the register as the person saw it (its eTags). */
export type RiskCommand =
  | { do: 'add'; data: RisksData; input: RiskInput }
  | { do: 'edit'; data: RisksData; id: string; input: RiskInput }
  | { do: 'close' | 'reopen'; data: RisksData; id: string };

export function runRiskCommand(store: PlanStore, command: RiskCommand): Promise<Stored<Risk>> {
  switch (command.do) {
    case 'add':
      return addRisk(store, command.data, command.input);
    case 'edit':
      return editRisk(store, command.data, command.id, command.input);
    case 'close':
      return closeRisk(store, command.data, command.id);
    case 'reopen':
      return reopenRisk(store, command.data, command.id);
  }
}

/**
 * A risk command as a mutation of the tab's cache. A 412 comes back as a conflict
 * with the register as it is now, which the page then shows; once settled, the
 * plan's views are read again (the board and the report pack show its top risks).
 */
export function riskMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (command: RiskCommand) =>
      saveOrReload(
        () => runRiskCommand(store, command),
        () => loadRisks(store, planId),
      ),
    onSuccess: (outcome: SaveOutcome<Stored<Risk>, RisksData>) => {
      if (outcome.kind === 'conflict') queryClient.setQueryData(risksKey(planId), outcome.latest);
    },
    onSettled: () =>
      Promise.all(
        [queryKeys.planScope(planId), queryKeys.defaultOverview()].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  };
}
