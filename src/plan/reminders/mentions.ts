import { z } from 'zod';
import type { PersonRef } from '../../domain';
import { sendBatchedJudged } from '../../graph/batch';
import { NotFoundError } from '../../graph/errors';
import type { PlanStore } from '../../graph/store';

const userSchema = z.object({ id: z.string(), userPrincipalName: z.string() });

export interface MentionCheck {
  /** False for a person whose stored Entra id is someone else's, or nobody's, in the directory. */
  mentionable(person: PersonRef): boolean;
  /** One line per person who cannot be mentioned, and if the directory could not be read, why. */
  problems: string[];
}

/**
 * A card @mentions by Entra object id and shows the stored name: if the two are not
 * the same person (an id typed into SharePoint's grid, a UPN that changed hands),
 * Teams would notify a stranger. Each person's id is looked up once, all in
 * `$batch` requests, and checked against the stored UPN.
 */
export async function checkMentions(store: PlanStore, people: readonly PersonRef[]): Promise<MentionCheck> {
  const byId = new Map<string, PersonRef>();
  for (const person of people) if (!byId.has(person.entraId)) byId.set(person.entraId, person);
  const ids = [...byId.keys()];
  if (ids.length === 0) return { mentionable: () => true, problems: [] };
  const results = await sendBatchedJudged(
    store.ctx.client,
    ids.map((id) => ({
      method: 'GET' as const,
      path: `/users/${encodeURIComponent(id)}?$select=id,userPrincipalName`,
    })),
    () => 'Checking the people to @mention against the directory',
  );
  const refused = new Set<string>();
  const problems: string[] = [];
  let unreadable: string | null = null;
  results.forEach((result, i) => {
    const id = ids[i] ?? '';
    const person = byId.get(id);
    if (!person) return;
    const who = `${person.displayName} <${person.upn}>`;
    if (!result.ok) {
      if (result.error instanceof NotFoundError) {
        refused.add(id);
        problems.push(
          `${who} is stored with an Entra object id that is not in the directory: posted without @mentioning them`,
        );
      } else unreadable ??= result.error.message;
      return;
    }
    const user = userSchema.safeParse(result.response.body);
    if (!user.success) return;
    if (user.data.userPrincipalName.toLowerCase() !== person.upn.toLowerCase()) {
      refused.add(id);
      problems.push(
        `${who} is stored with the Entra object id of ${user.data.userPrincipalName}: posted without @mentioning them`,
      );
    }
  });
  if (unreadable !== null)
    problems.push(
      `The directory could not be read to check mentions (${unreadable}); people were mentioned as stored`,
    );
  return { mentionable: (person) => !refused.has(person.entraId), problems };
}
