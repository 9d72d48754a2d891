import { z } from 'zod';
import { describeIssues, type FieldIssue } from '../domain';
import { defaultReminderPolicy, parseReminderPolicy, type ReminderPolicy } from '../domain/reminders';
import type { GraphRequest } from './client';
import { itemsPath, type DataContext } from './context';
import { ValidationError } from './errors';
import { text } from './fields';
import { defineMapping, fromListItem, selectedColumns } from './mapping';
import { itemQueryString } from './odata';

/**
 * A plan's reminder policy, kept as JSON in the `ReminderPolicy` column of the
 * plan's own item, so it is read and written with the plan's eTag.
 */
const policyItemSchema = z.object({ id: z.string(), title: z.string(), policyJson: z.string() });
type PolicyItem = z.infer<typeof policyItemSchema>;

const policyItemMapping = defineMapping<PolicyItem>({
  list: 'plans',
  noun: 'Plan',
  schema: policyItemSchema,
  title: (item) => item.title,
  codecs: { title: text('Title'), policyJson: text('ReminderPolicy') },
});

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

export function reminderPolicyRequest(ctx: DataContext, planId: string): GraphRequest {
  const select = selectedColumns(policyItemMapping);
  return {
    method: 'GET',
    path: `${itemsPath(ctx, 'plans')}/${encodeURIComponent(planId)}${itemQueryString({ select })}`,
  };
}

/** Reads the body of `reminderPolicyRequest` (sent alone or inside a `$batch`). */
export function readReminderPolicyItem(body: unknown): StoredReminderPolicy {
  const item = fromListItem(policyItemMapping, body);
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

export async function readReminderPolicy(ctx: DataContext, planId: string): Promise<StoredReminderPolicy> {
  const response = await ctx.client.call(
    reminderPolicyRequest(ctx, planId),
    `Reading the reminder policy of plan ${planId}`,
  );
  return readReminderPolicyItem(response.body);
}

/** The policy in force, or a ValidationError naming what is wrong with the stored one. */
export function requirePolicy(stored: StoredReminderPolicy): ReminderPolicy {
  if (stored.policy !== null) return stored.policy;
  throw new ValidationError(
    `The reminder policy stored with plan "${stored.planTitle}" is not valid: ${describeIssues(stored.issues)}`,
    stored.issues,
  );
}

const fieldsEtag = z.object({ '@odata.etag': z.string() });

/**
 * Validates and saves a policy with If-Match: a stale eTag is a ConflictError and
 * changes nothing; an invalid policy is a ValidationError with a message per field.
 */
export async function saveReminderPolicy(
  ctx: DataContext,
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
  const response = await ctx.client.call(
    {
      method: 'PATCH',
      path: `${itemsPath(ctx, 'plans')}/${encodeURIComponent(current.planId)}/fields`,
      headers: { 'If-Match': current.etag },
      body: { ReminderPolicy: JSON.stringify(parsed.value) },
    },
    'Saving the reminder settings',
  );
  const etag = response.headers['etag'] ?? fieldsEtag.safeParse(response.body).data?.['@odata.etag'];
  if (!etag) throw new ValidationError('Saving the reminder settings: Graph did not return the new eTag');
  return {
    planId: current.planId,
    planTitle: current.planTitle,
    etag,
    stored: true,
    policy: parsed.value,
    issues: [],
  };
}
