import type { QueryClient } from '@tanstack/react-query';
import {
  byPriorityNumber,
  describeIssues,
  planSchema,
  validate,
  type DataProblem,
  type Plan,
  type Priority,
  type RatingScaleId,
  type Stored,
} from '../domain';
import { inspectionDateInputSchema } from '../domain/structure-input';
import { firstFailure, sendBatchedJudged } from '../graph/batch';
import { NotFoundError, ReadOnlyError, ValidationError } from '../graph/errors';
import { provisionSite, type ProvisionStep } from '../graph/provision';
import { createGraphClient } from '../graph/client';
import { readSite, type SiteSummary } from '../graph/sites';
import { createPlanStore, type PlanStore } from '../graph/store';
import { queryKeys } from './query-keys';

/**
 * Setting up a channel tab: the team's SharePoint site (from the team's group id),
 * the plans on it with their priorities, and a new plan, with the site's lists
 * provisioned first when it lacks them.
 */

/** The SharePoint site of a team (its Microsoft 365 group's root site). */
export type TeamSite = SiteSummary;

/** A plan as the tab's configuration offers it, with the priorities the tab may open on. */
export interface PlanChoice {
  id: string;
  title: string;
  planType: string;
  status: Plan['status'];
  priorities: Pick<Priority, 'id' | 'number' | 'label' | 'title'>[];
}

export interface SitePlans {
  /** False while the site lacks the app's lists: creating a plan sets them up first. */
  listsReady: boolean;
  plans: PlanChoice[];
  /** Items left out because they do not fit, named. */
  problems: DataProblem[];
}

/** What the person types to create a plan. */
export interface NewPlanInput {
  title: string;
  localArea: string;
  /** As typed: "23 Nov 2026", "23/11/2026", or empty when not known yet. */
  inspectionDate?: string;
  /** The rating scale the plan's actions are rated on; BRAG(P) when not given. */
  scaleId?: RatingScaleId;
}

/** How far creating a plan has got: provisioning's steps, then the plan saved. */
export type PlanSetupStep = ProvisionStep | { kind: 'plan-saved'; title: string };
export type PlanSetupProgress = PlanSetupStep & { done: number; total: number };

/**
 * SharePoint refused (403) to let this person create the app's lists, or a plan,
 * on the site: a visitor, or a member of a site whose owners keep lists to themselves.
 * Nothing was created by the refused step.
 */
export class SetupRefusedError extends Error {
  constructor(readonly step: 'lists' | 'plan') {
    super(
      step === 'lists'
        ? "You can't create the plan's lists on this site: ask a site owner to add the tab, or to make you a member of the site."
        : "You can't create a plan on this site: ask a site owner to create it, or to make you a member of the site.",
    );
    this.name = 'SetupRefusedError';
  }
}

const PLAN_TYPE = 'Written Statement of Action';
const newPlanSchema = planSchema
  .pick({ title: true, localArea: true, planType: true, scaleId: true })
  .extend({ inspectionDate: inspectionDateInputSchema.default(null) });

export const tabSetupKeys = {
  all: () => [...queryKeys.all, 'tab-setup'] as const,
  teamSite: (groupId: string) => [...tabSetupKeys.all(), 'team-site', groupId.toLowerCase()] as const,
  sitePlans: (siteId: string) => [...tabSetupKeys.all(), 'site-plans', siteId.toLowerCase()] as const,
};

/** The team's site: `GET /groups/{groupId}/sites/root`. A NotFoundError when the group has none. */
export async function findTeamSite(store: PlanStore, groupId: string): Promise<TeamSite> {
  return readSite(
    store.ctx.client,
    `/groups/${encodeURIComponent(groupId)}/sites/root`,
    "Finding the team's SharePoint site",
  );
}

export function teamSiteQuery(store: PlanStore, groupId: string) {
  return { queryKey: tabSetupKeys.teamSite(groupId), queryFn: () => findTeamSite(store, groupId) };
}

/** The same person, through the same client, on another site (the team's, not the configured one). */
export function storeForSite(store: PlanStore, siteId: string): PlanStore {
  if (store.ctx.siteId === siteId) return store;
  return createPlanStore({ ...store.ctx, siteId });
}

/**
 * The site's plans, each with its priorities in order, in one round trip. A site
 * without the app's lists has no plans yet (`listsReady` false), which is no error.
 */
export async function loadSitePlans(store: PlanStore): Promise<SitePlans> {
  const results = await sendBatchedJudged(
    store.ctx.client,
    [store.plans.queryRequest({}), store.priorities.queryRequest({})],
    (i) => (i === 0 ? "Reading the site's plans" : "Reading the plans' priorities"),
  );
  // A list the site lacks answers 404: the plans (or their priorities) are not there yet.
  const missing = results.map((r) => !r.ok && r.error instanceof NotFoundError);
  const failure = firstFailure(results.filter((_, i) => !missing[i]));
  if (failure) throw failure;
  const [plansBody, prioritiesBody] = results.map((r) => (r.ok ? r.response.body : null));
  const problems: DataProblem[] = [];
  const plans = missing[0] ? [] : await store.plans.readPages(plansBody, problems);
  const priorities = missing[1] ? [] : await store.priorities.readPages(prioritiesBody, problems);
  return {
    listsReady: !missing.includes(true),
    plans: plans
      .map((plan) => toChoice(plan, priorities))
      .sort((a, b) => a.title.localeCompare(b.title, 'en-GB')),
    problems,
  };
}

export function sitePlansQuery(store: PlanStore) {
  return { queryKey: tabSetupKeys.sitePlans(store.ctx.siteId), queryFn: () => loadSitePlans(store) };
}

function toChoice(plan: Stored<Plan>, priorities: readonly Stored<Priority>[]): PlanChoice {
  return {
    id: plan.id,
    title: plan.title,
    planType: plan.planType,
    status: plan.status,
    priorities: priorities
      .filter((p) => p.planId === plan.id && !p.archived)
      .sort(byPriorityNumber)
      .map(({ id, number, label, title }) => ({ id, number, label, title })),
  };
}

/**
 * Creates a plan on the site: validates what was typed (a ValidationError naming
 * each field, before anything is sent), provisions the site's lists (it only adds
 * what is missing), then saves the plan. A 403 at either step is a SetupRefusedError.
 */
export async function createPlanOnSite(
  store: PlanStore,
  input: NewPlanInput,
  onProgress: (progress: PlanSetupProgress) => void = () => undefined,
  /** A token that may create lists (Sites.Manage.All in a tenant), when it differs from the store's. */
  setupToken?: () => Promise<string>,
): Promise<PlanChoice> {
  const checked = validate(newPlanSchema, { ...input, planType: PLAN_TYPE });
  if (!checked.ok) {
    throw new ValidationError(`The plan was not created: ${describeIssues(checked.issues)}`, checked.issues);
  }
  let total = 0;
  try {
    const ctx = setupToken
      ? {
          ...store.ctx,
          client: createGraphClient({ baseUrl: store.ctx.client.baseUrl, getToken: setupToken }),
        }
      : store.ctx;
    await provisionSite(ctx, undefined, {
      onProgress: (progress) => {
        total = progress.total + 1;
        onProgress({ ...progress, total });
      },
    });
  } catch (error) {
    if (error instanceof ReadOnlyError) throw new SetupRefusedError('lists');
    throw error;
  }
  let plan: Stored<Plan>;
  try {
    plan = await store.plans.create(planSchema.omit({ id: true }).parse(checked.value));
  } catch (error) {
    if (error instanceof ReadOnlyError) throw new SetupRefusedError('plan');
    throw error;
  }
  onProgress({ kind: 'plan-saved', title: plan.title, done: total, total });
  return toChoice(plan, []);
}

/** Creating a plan from the tab's configuration; the site's plans are read again afterwards. */
export function createPlanMutation(
  store: PlanStore,
  queryClient: QueryClient,
  onProgress?: (progress: PlanSetupProgress) => void,
  setupToken?: () => Promise<string>,
) {
  return {
    mutationFn: (input: NewPlanInput) => createPlanOnSite(store, input, onProgress, setupToken),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: tabSetupKeys.sitePlans(store.ctx.siteId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.defaultOverview() }),
      ]),
  };
}
