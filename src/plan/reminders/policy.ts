import type { QueryClient } from '@tanstack/react-query';
import { byPriorityNumber, describeIssues, type FieldIssue, type Priority, type Stored } from '../../domain';
import {
  defaultReminderPolicy,
  parseReminderPolicy,
  type ReminderPolicy,
} from '../../domain/reminders/policy';
import type { ReminderPolicyItem } from '../../graph/entities';
import { ValidationError } from '../../graph/errors';
import { fieldEq } from '../../graph/odata';
import { readTogether, type PlanStore } from '../../graph/store';
import { queryKeys } from '../query-keys';
import { saveOrReload } from '../save-outcome';

/** A plan's reminder policy as stored with the plan (its item's eTag is the policy's). */
export interface StoredReminderPolicy {
  planId: string;
  planTitle: string;
  /** The plan item's eTag: a save sends it as If-Match. */
  etag: string;
  /** False while the plan has none of its own, so the defaults apply. */
  stored: boolean;
  /** The policy in force; null when what is stored is not a valid policy (see `issues`). */
  policy: ReminderPolicy | null;
  issues: FieldIssue[];
}

/** Judges the JSON stored with a plan: the defaults when there is none, its problems when it is not a policy. */
export function readPolicyItem(item: Stored<ReminderPolicyItem>): StoredReminderPolicy {
  const base = { planId: item.id, planTitle: item.title, etag: item.etag };
  if (item.policyJson.trim() === '') {
    return { ...base, stored: false, policy: defaultReminderPolicy(), issues: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(item.policyJson);
  } catch {
    const issues = [{ field: '', message: 'The stored reminder policy is not valid JSON' }];
    return { ...base, stored: true, policy: null, issues };
  }
  const parsed = parseReminderPolicy(json);
  return parsed.ok
    ? { ...base, stored: true, policy: parsed.value, issues: [] }
    : { ...base, stored: true, policy: null, issues: parsed.issues };
}

export async function readReminderPolicy(store: PlanStore, planId: string): Promise<StoredReminderPolicy> {
  return readPolicyItem(await store.reminderPolicies.get(planId));
}

/** The policy in force, or a ValidationError naming what is wrong with the stored one. */
export function requirePolicy(stored: StoredReminderPolicy): ReminderPolicy {
  if (stored.policy !== null) return stored.policy;
  throw new ValidationError(
    `The reminder policy stored with plan "${stored.planTitle}" is not valid: ${describeIssues(stored.issues)}`,
    stored.issues,
  );
}

/**
 * Validates and saves a policy with If-Match: a stale eTag is a ConflictError and
 * changes nothing; an invalid policy is a ValidationError with a message per field.
 */
export async function saveReminderPolicy(
  store: PlanStore,
  current: Pick<StoredReminderPolicy, 'planId' | 'planTitle' | 'etag'>,
  input: unknown,
): Promise<StoredReminderPolicy> {
  const parsed = parseReminderPolicy(input);
  if (!parsed.ok) {
    throw new ValidationError(
      `The reminder policy is not valid: ${describeIssues(parsed.issues)}`,
      parsed.issues,
    );
  }
  const item = { id: current.planId, title: current.planTitle, etag: current.etag, policyJson: '' };
  const saved = await store.reminderPolicies.update(item, { policyJson: JSON.stringify(parsed.value) });
  return readPolicyItem(saved);
}

export interface ReminderSettingsData {
  policy: StoredReminderPolicy;
  /** In number order, for per-priority channel overrides. */
  priorities: Stored<Priority>[];
}

/** What the reminder settings page edits, in one `$batch`. */
export async function loadReminderSettings(store: PlanStore, planId: string): Promise<ReminderSettingsData> {
  const [policy, priorities] = await readTogether(
    store.ctx,
    [
      store.reminderPolicies.getRequest(planId),
      store.priorities.queryRequest({ filter: fieldEq('PlanId', planId), orderBy: 'fields/Number' }),
    ],
    'Reading the reminder settings',
  );
  return {
    policy: readPolicyItem(store.reminderPolicies.readItem(policy)),
    // A priority that does not fit is named by the overview and the run; it has no channel to set here.
    priorities: (await store.priorities.readPages(priorities, [])).sort(byPriorityNumber),
  };
}

export function reminderSettingsQuery(store: PlanStore, planId: string) {
  return { queryKey: queryKeys.reminderSettings(planId), queryFn: () => loadReminderSettings(store, planId) };
}

export interface PolicySave {
  current: StoredReminderPolicy;
  policy: unknown;
}

/** Saving the settings form: a 412 comes back as a conflict with the settings as they are now. */
export function savePolicyMutation(store: PlanStore, queryClient: QueryClient, planId: string) {
  return {
    mutationFn: (input: PolicySave) =>
      saveOrReload(
        () => saveReminderPolicy(store, input.current, input.policy),
        () => loadReminderSettings(store, planId),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.reminderSettings(planId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reminderRun(planId) }),
      ]),
  };
}
