import {
  isReference,
  resolveScale,
  type DataProblem,
  type PersonRef,
  type Plan,
  type RatingScale,
  type Stored,
} from '../../domain';
import {
  importPlan,
  rememberMapping,
  savedMappingSchema,
  type ColumnMapping,
  type ImportPlanDraft,
  type ImportTable,
  type SavedMapping,
} from '../../domain/import';
import { planImportChanges, type ExistingPlan, type ImportChanges } from '../../domain/import/changes';
import { leadLookup } from '../../domain/import/lead-lookup';
import { LIST_NAMES } from '../../graph/lists';
import { fieldEq } from '../../graph/odata';
import { findPeople, toPersonRef } from '../../graph/people';
import { bodyOf, readTogetherOrRefused, type PlanStore } from '../../graph/store';
import { planItems } from '../plan-items';
import { readStructure, structureRequests } from '../structure/load';

/**
 * Bringing a plan in from its document, step by step: the plan it goes into (as it
 * is now), a preview of every row as the item it will become and what would change,
 * then the writing (import-write.ts). The tab and `npm run import` share these.
 */

/** The plan an import goes into, as it is now: what rows are matched against. */
export interface ImportTarget {
  plan: Stored<Plan>;
  scale: RatingScale;
  existing: ExistingPlan;
  /** Headings the plan's earlier imports mapped (as corrected), by normalised heading. */
  savedMapping: SavedMapping;
  /** The plan item's eTag for the remembered mapping. */
  mappingEtag: string;
  /** Items of the plan left out because they do not fit, named. */
  problems: DataProblem[];
}

/** The plan's items (archived too) and its remembered mapping, in one `$batch`. */
export async function readImportTarget(store: PlanStore, planId: string): Promise<ImportTarget> {
  const structure = structureRequests(store, planId);
  const outcomes = await readTogetherOrRefused(
    store.ctx,
    [
      ...structure,
      store.importMappings.getRequest(planId),
      store.milestones.queryRequest({ filter: fieldEq('PlanId', planId) }),
    ],
    'Reading the plan to import into',
  );
  const [mapping, milestones] = outcomes.slice(structure.length);
  if (!mapping || !milestones) throw new Error('The batch lacks the mapping or the milestones');
  const problems: DataProblem[] = [];
  const { plan, weaknesses, priorities, focusAreas, actions } = await readStructure(
    store,
    outcomes.slice(0, structure.length),
    problems,
  );
  const mappingItem = store.importMappings.readItem(bodyOf(mapping));
  const priorityIds = priorities.map((p) => p.id);
  return {
    plan,
    scale: resolveScale(plan.scaleId, plan.columnOrder),
    existing: {
      weaknesses,
      priorities,
      focusAreas,
      actions,
      milestones: await planItems(store, store.milestones, milestones, priorityIds, problems),
    },
    savedMapping: readSavedMapping(mappingItem.mappingJson),
    mappingEtag: mappingItem.etag,
    problems,
  };
}

/** What a plan's imports remember; nothing when what is stored is not a mapping (edited outside the app). */
function readSavedMapping(json: string): SavedMapping {
  if (json.trim() === '') return {};
  try {
    const parsed = savedMappingSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export interface PreviewChoices {
  /** Mappings the person corrected, by table name; the rest are detected. */
  mappings?: Record<string, ColumnMapping>;
  /** Rows the person chose to skip (`placeKey`). */
  skip?: ReadonlySet<string>;
}

export interface ImportPreview {
  draft: ImportPlanDraft;
  changes: ImportChanges;
  /** Each lead as written, and the person in the directory it names (null: none found). */
  people: ReadonlyMap<string, PersonRef | null>;
}

/**
 * Every row read as the item it will become, and what writing it would change in
 * the plan. Reads only: the directory, for the leads' names.
 */
export async function previewImport(
  store: PlanStore,
  target: ImportTarget,
  tables: readonly ImportTable[],
  choices: PreviewChoices = {},
): Promise<ImportPreview> {
  const draft = importPlan(tables, {
    scale: target.scale,
    saved: target.savedMapping,
    ...(choices.mappings ? { mappings: choices.mappings } : {}),
  });
  const people = await lookUpLeads(store, draft);
  const changes = planImportChanges(draft, target.existing, {
    scale: target.scale,
    people,
    unreadable: unreadableReferences(target.problems),
    ...(choices.skip ? { skip: choices.skip } : {}),
  });
  return { draft, changes, people };
}

/** The references of the plan's actions left out as unreadable, from their titles ("1.2.3 Publish the JSNA"). */
function unreadableReferences(problems: readonly DataProblem[]): Set<string> {
  const references = new Set<string>();
  for (const problem of problems) {
    if (problem.list !== LIST_NAMES.actions.displayName) continue;
    const first = problem.title.trim().split(/\s/)[0] ?? '';
    if (isReference(first)) references.add(first);
  }
  return references;
}

/** The leads of the draft's actions, each looked up once. */
async function lookUpLeads(store: PlanStore, draft: ImportPlanDraft): Promise<Map<string, PersonRef | null>> {
  const byKey = new Map<string, { key: string; email: boolean }>();
  const keyOfLead = new Map<string, string>();
  for (const action of draft.actions) {
    const first = action.leads[0];
    if (first === undefined || keyOfLead.has(first)) continue;
    const lookup = leadLookup(first);
    if (!lookup) continue;
    keyOfLead.set(first, lookup.key.toLowerCase());
    byKey.set(lookup.key.toLowerCase(), lookup);
  }
  const found = byKey.size ? await findPeople(store.ctx, [...byKey.values()]) : new Map();
  const people = new Map<string, PersonRef | null>();
  for (const [lead, key] of keyOfLead) {
    const lookup = byKey.get(key);
    const user = lookup ? found.get(lookup.key) : null;
    people.set(lead, user ? toPersonRef(user) : null);
  }
  return people;
}

/**
 * Keeps the tables' mappings with the plan, so that the next file with the same
 * headings maps the same way. A heading mapped here wins over what was kept before.
 */
export async function rememberImportMapping(
  store: PlanStore,
  target: Pick<ImportTarget, 'plan' | 'savedMapping' | 'mappingEtag'>,
  draft: ImportPlanDraft,
): Promise<void> {
  const merged: SavedMapping = { ...target.savedMapping };
  for (const table of draft.tables) Object.assign(merged, rememberMapping(table.mapping));
  const mappingJson = JSON.stringify(merged);
  if (mappingJson === JSON.stringify(target.savedMapping)) return;
  await store.importMappings.update(
    { id: target.plan.id, title: target.plan.title, etag: target.mappingEtag, mappingJson: '' },
    { mappingJson },
  );
}
