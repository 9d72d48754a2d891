import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, ServerContext } from './context';
import { requestOrigin } from './context';
import { foundRows, type Db } from './db';
import { isValidTimeZone } from './dates';
import { badRequest, describeZodError, notFound } from './errors';
import type { FaultController } from './faults';
import { faultConfigSchema } from './faults';
import { readBody, readJson } from './json-body';
import { requireChannel } from './messages';
import type { SiteRow } from './sites';
import { findSite } from './sites';
import type { WorkflowRunner } from './webhooks';
import { createWebhook, createWebhookSchema, flowConfigSchema, listWebhooks } from './webhooks';

const siteSettingsSchema = z
  .object({
    timeZone: z
      .string({ error: 'timeZone must be an IANA time zone name, e.g. Europe/London' })
      .refine(isValidTimeZone, 'timeZone must be an IANA time zone name, e.g. Europe/London'),
  })
  .strict();

const channelSettingsSchema = z
  .object({
    membershipType: z.enum(['standard', 'private'], { error: 'membershipType is standard or private' }),
  })
  .strict();

function siteInfo(site: SiteRow) {
  return { id: site.id, name: site.name, displayName: site.display_name, timeZone: site.time_zone };
}

/** Sets the time zone of one site (or, with no id, every site). */
export function setSiteTimeZone(db: Db, timeZone: string, siteId?: string): void {
  if (!isValidTimeZone(timeZone)) throw new Error(`'${timeZone}' is not an IANA time zone name.`);
  if (siteId === undefined) db.prepare('UPDATE sites SET time_zone = ?').run(timeZone);
  else db.prepare('UPDATE sites SET time_zone = ? WHERE id = ?').run(timeZone, siteId);
  // Site rows are cached by lookup key; drop them so the new zone is read.
  foundRows(db, 'sites').clear();
}

/** Test and operator endpoints; they live outside /v1.0 and are never throttled. */
export function adminRoutes(
  ctx: ServerContext,
  faults: FaultController,
  runner: WorkflowRunner,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/_admin/faults', (c) => c.json(faults.current()));

  app.put('/_admin/faults', async (c) => {
    const parsed = faultConfigSchema
      .partial()
      .strict()
      .safeParse(await readJson(c));
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, 'fault configuration'));
    return c.json(faults.set(parsed.data));
  });

  app.get('/_admin/stats', (c) => c.json(faults.stats()));

  app.post('/_admin/stats/reset', (c) => {
    faults.resetStats();
    return c.json(faults.stats());
  });

  app.get('/_admin/webhooks', (c) => c.json(listWebhooks(ctx.db, requestOrigin(c))));

  app.post('/_admin/webhooks', async (c) => {
    const body = await readBody(c, createWebhookSchema, 'webhook request');
    const channel = requireChannel(ctx.db, body.teamId, body.channelId);
    const hook = createWebhook(ctx.db, channel.id);
    const info = listWebhooks(ctx.db, requestOrigin(c)).find((w) => w.id === hook.id);
    return c.json(info, 201);
  });

  app.get('/_admin/webhooks/failures', (c) => c.json(runner.failures()));

  app.delete('/_admin/webhooks/failures', (c) => {
    runner.clearFailures();
    return c.body(null, 204);
  });

  app.get('/_admin/webhooks/runs', (c) => c.json(runner.stats()));

  app.get('/_admin/workflows', (c) => c.json(runner.current()));

  app.put('/_admin/workflows', async (c) => {
    const parsed = flowConfigSchema.safeParse(await readJson(c));
    if (!parsed.success) throw badRequest(describeZodError(parsed.error, 'workflow configuration'));
    return c.json(runner.configure(parsed.data));
  });

  app.patch('/_admin/channels/:channelId', async (c) => {
    const row = ctx.db
      .prepare<[string], { team_id: string }>('SELECT team_id FROM channels WHERE id = ?')
      .get(c.req.param('channelId'));
    if (!row) throw notFound(`Channel ${c.req.param('channelId')} was not found.`, 'NotFound');
    const body = await readBody(c, channelSettingsSchema, 'channel settings');
    ctx.db
      .prepare('UPDATE channels SET membership_type = ? WHERE id = ?')
      .run(body.membershipType, c.req.param('channelId'));
    const channel = requireChannel(ctx.db, row.team_id, c.req.param('channelId'));
    return c.json({
      id: channel.id,
      teamId: channel.team_id,
      displayName: channel.display_name,
      membershipType: channel.membership_type,
    });
  });

  app.get('/_admin/sites', (c) =>
    c.json(
      ctx.db.prepare<[], SiteRow>('SELECT * FROM sites ORDER BY is_root DESC, rowid').all().map(siteInfo),
    ),
  );

  app.patch('/_admin/sites/:siteId', async (c) => {
    const site = findSite(ctx.db, c.req.param('siteId'));
    if (!site) throw notFound('Requested site could not be found');
    const body = await readBody(c, siteSettingsSchema, 'site settings');
    setSiteTimeZone(ctx.db, body.timeZone, site.id);
    const updated = findSite(ctx.db, site.id);
    return c.json(updated ? siteInfo(updated) : null);
  });

  return app;
}
