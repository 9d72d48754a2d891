import { z } from 'zod';

/**
 * The local Graph's demo people and their tokens, as the host's token broker
 * reaches them: through the harness server's `/_local` proxy, on the host page's
 * own origin (the local Graph refuses `/_local` calls from a non-local Origin,
 * and a Teams origin is not local).
 */

const personSchema = z.object({
  alias: z.string(),
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string().nullable(),
});

export type LocalPerson = z.infer<typeof personSchema>;

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

export type LocalToken = z.infer<typeof tokenSchema>;

export async function findPerson(alias: string): Promise<LocalPerson> {
  const response = await fetch('/_local/people');
  if (!response.ok) throw new Error(`The local Graph did not list its people (HTTP ${response.status})`);
  const people = z.array(personSchema).parse(await response.json());
  const person = people.find((p) => p.alias === alias);
  if (!person) throw new Error(`The local Graph has no demo person "${alias}"`);
  return person;
}

export async function mintToken(alias: string): Promise<LocalToken> {
  const response = await fetch('/_local/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ person: alias }),
  });
  if (!response.ok)
    throw new Error(`The local Graph refused a token for "${alias}" (HTTP ${response.status})`);
  return tokenSchema.parse(await response.json());
}
