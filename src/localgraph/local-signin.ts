import { Hono } from 'hono';
import { z } from 'zod';
import { issueToken, TOKEN_LIFETIME_SECONDS } from './auth';
import type { AppEnv, ServerContext } from './context';
import { badRequest } from './errors';
import { readBody } from './json-body';
import { DEMO_PEOPLE, findPerson } from './people';

const tokenRequestSchema = z.object({
  person: z.string({ error: 'person is required (an alias or UPN)' }).min(1),
});

export function validAliases(): string {
  return DEMO_PEOPLE.map((p) => p.alias).join(', ');
}

/** Unauthenticated helpers for the local sign-in screen; they exist only on the local Graph. */
export function localSignInRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/_local/people', (c) =>
    c.json(
      DEMO_PEOPLE.map((p) => ({
        alias: p.alias,
        id: p.id,
        displayName: p.displayName,
        userPrincipalName: p.userPrincipalName,
        jobTitle: p.jobTitle,
        companyName: p.companyName,
        siteRole: p.siteRole,
      })),
    ),
  );

  app.post('/_local/token', async (c) => {
    const { person } = await readBody(c, tokenRequestSchema, 'token request');
    const found = findPerson(person);
    if (!found) throw badRequest(`Unknown person '${person}'. Valid aliases: ${validAliases()}.`);
    return c.json({
      access_token: issueToken(ctx.secret, found.id, found.userPrincipalName),
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
    });
  });

  return app;
}
