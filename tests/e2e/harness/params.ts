import { z } from 'zod';

/**
 * The host page's query string: which tab to load and what the host tells it.
 * Everything but `tab` is optional; a Teams field left out is left out of the
 * context too (a tab outside a team has no `team`, as in Teams).
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .default(null);

const paramsSchema = z.object({
  /** The page the host loads: the tab's content URL, or its configuration page. */
  tab: z.url({ message: 'tab must be the URL of the page to load' }),
  frameContext: z.enum(['content', 'settings', 'remove']).default('content'),
  theme: z.enum(['default', 'dark', 'contrast']).default('default'),
  clientType: z.enum(['web', 'desktop']).default('web'),
  entityId: optional,
  subEntityId: optional,
  /** A local Graph demo person (alias): the Teams user, and whom nested app auth signs in. */
  person: optional,
  /** The tenant's id, in the context and in the tokens' claims. */
  tid: optional,
  /** The team: Teams' internal thread id, its name, its Microsoft 365 group, the user's role in it. */
  teamId: optional,
  teamName: optional,
  groupId: optional,
  teamRole: z.enum(['owner', 'member', 'guest']).default('member'),
  teamSiteUrl: optional,
  channelId: optional,
  channelName: optional,
  /** `off`: a host without nested app authentication (no bridge, NAA not recommended). */
  naa: z.enum(['on', 'off']).default('on'),
  /** When set, nested app auth refuses token requests for any other client id. */
  clientId: optional,
});

export type HostParams = z.infer<typeof paramsSchema>;

/** The query string parsed; every problem named at once. */
export function readHostParams(search: string): HostParams {
  const query = Object.fromEntries(new URLSearchParams(search));
  const parsed = paramsSchema.safeParse(query);
  if (!parsed.success) {
    throw new Error(
      `Host page parameters: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
