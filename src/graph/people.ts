import { z } from 'zod';
import type { PersonRef } from '../domain';
import { firstFailure, sendBatchedJudged } from './batch';
import type { GraphRequest } from './client';
import type { DataContext } from './context';
import { literal } from './odata';

const userSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  userPrincipalName: z.string(),
  companyName: z.string().nullable().optional(),
  department: z.string().nullable().optional(),
  jobTitle: z.string().nullable().optional(),
});
export type DirectoryUser = z.infer<typeof userSchema>;

const USER_SELECT = 'id,displayName,userPrincipalName,companyName,department,jobTitle';

export function toPersonRef(user: DirectoryUser): PersonRef {
  return {
    entraId: user.id,
    upn: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName,
    agency: user.companyName ?? user.department ?? '',
  };
}

/** The signed-in person (delegated tokens only). */
export async function getMe(ctx: DataContext): Promise<DirectoryUser> {
  const response = await ctx.client.call(
    { method: 'GET', path: `/me?$select=${USER_SELECT}` },
    'Reading your profile',
  );
  return userSchema.parse(response.body);
}

/** People whose name starts with the given text, for choosing an action lead. */
export async function searchPeople(ctx: DataContext, prefix: string, top = 10): Promise<DirectoryUser[]> {
  const filter = `startswith(displayName,${literal(prefix)})`;
  const response = await ctx.client.call(
    {
      method: 'GET',
      path: `/users?$filter=${encodeURIComponent(filter)}&$select=${USER_SELECT}&$top=${top}`,
    },
    'Searching people',
  );
  return z.object({ value: z.array(userSchema) }).parse(response.body).value;
}

/** Every person in the directory, page by page (the demo seed's lookup). */
export async function listUsers(ctx: DataContext): Promise<DirectoryUser[]> {
  const users: DirectoryUser[] = [];
  let path: string | null = `/users?$select=${USER_SELECT}&$top=999`;
  while (path) {
    const response = await ctx.client.call({ method: 'GET', path }, 'Reading the directory');
    const page = z
      .object({ value: z.array(userSchema), '@odata.nextLink': z.string().optional() })
      .parse(response.body);
    users.push(...page.value);
    const next = page['@odata.nextLink'];
    path = next ? ctx.client.relativePath(next) : null;
  }
  return users;
}

/**
 * The person each lead names, by e-mail address or by whole display name (the
 * directory compares case-insensitively): one GET each, 20 to a `$batch`. A name no
 * one has, or that two people share, finds no one (null): choosing is the person's.
 */
export async function findPeople(
  ctx: DataContext,
  lookups: readonly { key: string; email: boolean }[],
): Promise<Map<string, DirectoryUser | null>> {
  const requests = lookups.map(({ key, email }): GraphRequest => {
    const value = literal(key);
    const filter = email ? `userPrincipalName eq ${value} or mail eq ${value}` : `displayName eq ${value}`;
    return {
      method: 'GET',
      path: `/users?$filter=${encodeURIComponent(filter)}&$select=${USER_SELECT}&$top=2`,
    };
  });
  const results = await sendBatchedJudged(ctx.client, requests, (i) => `Looking up ${lookups[i]?.key}`);
  const failure = firstFailure(results);
  if (failure) throw failure;
  const found = new Map<string, DirectoryUser | null>();
  results.forEach((result, i) => {
    const lookup = lookups[i];
    if (!lookup || !result.ok) return;
    const users = z.object({ value: z.array(userSchema) }).parse(result.response.body).value;
    found.set(lookup.key, users.length === 1 ? (users[0] ?? null) : null);
  });
  return found;
}
