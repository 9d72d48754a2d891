import { Hono } from 'hono';
import type { AppEnv, ServerContext } from './context';
import { requestOrigin } from './context';
import { badRequest, describeZodError } from './errors';
import type { FaultController } from './faults';
import { faultConfigSchema } from './faults';
import { readBody, readJson } from './json-body';
import { requireChannel } from './messages';
import { createWebhook, createWebhookSchema, listWebhooks } from './webhooks';

/** Test and operator endpoints; they live outside /v1.0 and are never throttled. */
export function adminRoutes(ctx: ServerContext, faults: FaultController): Hono<AppEnv> {
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

  return app;
}
