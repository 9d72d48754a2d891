import { basename, extname } from 'node:path';
import {
  describeIssues,
  makePlan,
  planSchema,
  resolveScale,
  validate,
  type DataProblem,
  type Plan,
  type Stored,
} from '../../domain';
import { EMPTY_PLAN } from '../../domain/import/changes';
import { firstFailure, sendBatchedJudged } from '../../graph/batch';
import type { GraphRequest } from '../../graph/client';
import { listPath } from '../../graph/context';
import { NotFoundError } from '../../graph/errors';
import { LIST_NAMES, type ListKey } from '../../graph/lists';
import type { PlanStore } from '../../graph/store';
import { readImportTarget, type ImportTarget } from '../../plan/import/import-plan';
import { UsageError } from '../cli';
import { ConfigError } from '../config';
import { resolvePlan } from '../plan-flag';

/**
 * The plan `npm run import` writes into: the one `--plan` names (or the site's only
 * plan), or a new one when the site holds none (or none of `--title`'s title),
 * created only by a real run that has something to write.
 */
export type ImportDestination =
  | { kind: 'existing'; target: ImportTarget }
  | { kind: 'new'; target: ImportTarget; title: string; localArea: string };

export interface DestinationFlags {
  plan?: string;
  title?: string;
  localArea?: string;
  /** The file's name, for a new plan's title when `--title` is not given. */
  fileName: string;
}

/** The lists an import reads and writes. */
const IMPORT_LISTS: readonly ListKey[] = [
  'plans',
  'weaknesses',
  'priorities',
  'focusAreas',
  'actions',
  'milestones',
];

/**
 * Finds the plan to import into, the site's lists checked on the way: the plans and
 * the other lists an import writes, in one `$batch`. A site without them is a
 * configuration error naming the command that sets them up.
 */
export async function findDestination(
  store: PlanStore,
  flags: DestinationFlags,
  local: boolean,
): Promise<{ destination: ImportDestination; problems: DataProblem[] }> {
  const plans = await readSitePlans(store, local);
  const wanted = flags.title?.trim();
  if (wanted !== undefined && flags.plan === undefined) {
    const same = plans.plans.find((p) => p.title.toLowerCase() === wanted.toLowerCase());
    if (!same) return { destination: newPlan(wanted, flags.localArea), problems: plans.problems };
    return { destination: await existing(store, same, flags), problems: plans.problems };
  }
  if (plans.plans.length === 0 && flags.plan === undefined) {
    return { destination: newPlan(titleFromFile(flags.fileName), flags.localArea), problems: plans.problems };
  }
  const plan = resolvePlan(plans.plans, flags.plan);
  return { destination: await existing(store, plan, flags), problems: plans.problems };
}

async function existing(
  store: PlanStore,
  plan: Stored<Plan>,
  flags: DestinationFlags,
): Promise<ImportDestination> {
  // The same command again (resuming) names the local area the plan was created with: that is no conflict.
  const area = flags.localArea?.trim();
  if (area !== undefined && area.toLowerCase() !== plan.localArea.toLowerCase()) {
    throw new UsageError(
      `--local-area is for a new plan, and the import goes into the plan "${plan.title}" (id ${plan.id}), whose local area is ${plan.localArea}`,
    );
  }
  return { kind: 'existing', target: await readImportTarget(store, plan.id) };
}

/** A plan not written yet: its rows are previewed against an empty plan. */
function newPlan(title: string, localArea: string | undefined): ImportDestination {
  const input = { title, localArea: localArea?.trim() || title };
  const checked = validate(planSchema.pick({ title: true, localArea: true }), input);
  if (!checked.ok) throw new UsageError(`The new plan: ${describeIssues(checked.issues)}`);
  // The id is the list's to give; the preview needs none.
  const plan = { ...makePlan({ id: 'new', ...checked.value }), etag: '' };
  return {
    kind: 'new',
    ...checked.value,
    target: {
      plan,
      scale: resolveScale(plan.scaleId, plan.columnOrder),
      existing: EMPTY_PLAN,
      savedMapping: {},
      mappingEtag: '',
      problems: [],
    },
  };
}

/** "Leicestershire WSoA.docx" -> "Leicestershire WSoA"; the plan's title when none is given. */
export function titleFromFile(fileName: string): string {
  const name = basename(fileName);
  const title = name
    .slice(0, name.length - extname(name).length)
    .replace(/\s+/g, ' ')
    .trim();
  return (title || name || 'Imported plan').slice(0, 255);
}

/** Saves a new plan before its items are written; an existing plan is returned as it is. */
export async function createDestination(
  store: PlanStore,
  destination: ImportDestination,
): Promise<ImportTarget> {
  if (destination.kind === 'existing') return destination.target;
  const { id: _id, ...draft } = makePlan({
    id: 'new',
    title: destination.title,
    localArea: destination.localArea,
  });
  const plan: Stored<Plan> = await store.plans.create(draft);
  return { ...destination.target, plan };
}

async function readSitePlans(
  store: PlanStore,
  local: boolean,
): Promise<{ plans: Stored<Plan>[]; problems: DataProblem[] }> {
  const requests: GraphRequest[] = IMPORT_LISTS.map((key) =>
    key === 'plans'
      ? store.plans.queryRequest({})
      : { method: 'GET', path: `${listPath(store.ctx, key)}?$select=id` },
  );
  const results = await sendBatchedJudged(store.ctx.client, requests, (i) =>
    i === 0
      ? "Reading the site's plans"
      : `Reading the list ${LIST_NAMES[IMPORT_LISTS[i] ?? 'plans'].displayName}`,
  );
  const missing = IMPORT_LISTS.filter((_, i) => {
    const result = results[i];
    return result !== undefined && !result.ok && result.error instanceof NotFoundError;
  });
  if (missing.length > 0) {
    const names = missing.map((key) => LIST_NAMES[key].displayName).join(', ');
    const setUp = local
      ? '`npm start` (or `npm run provision -- --site root`) sets them up'
      : 'run `npm run provision -- --site <site URL>` first';
    throw new ConfigError(`The site ${store.ctx.siteId} lacks the app's lists (${names}): ${setUp}`);
  }
  const failure = firstFailure(results);
  if (failure) throw failure;
  const problems: DataProblem[] = [];
  const first = results[0];
  const plans = first?.ok ? await store.plans.readPages(first.response.body, problems) : [];
  return { plans, problems };
}
