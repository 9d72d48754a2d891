import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIndexName } from '../../../src/localgraph/db';
import { DEMO_TENANT } from '../../../src/localgraph/index';
import {
  ROOT,
  TestClient,
  createList,
  freshDataDir,
  itemSchema,
  pageSchema,
  startFresh,
  stopAndRemove,
} from './helpers';

const TSX = path.resolve('node_modules/.bin/tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a localgraph entry point; `until` ends it with SIGTERM once stdout contains that text. */
function run(script: string, env: Record<string, string>, args: string[] = [], until?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.resolve('src/localgraph', script), ...args], {
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until !== undefined && stdout.includes(until)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('persistence', () => {
  it('keeps lists, items, indexes, messages, delta state and tokens across a restart', async () => {
    const first = await startFresh();
    const dataDir = first.dataDir;
    const officer = new TestClient(first, 'officer');
    const listId = await createList(officer, 'Persisted', [{ name: 'Ref', text: {}, indexed: true }]);
    const created = itemSchema.parse(
      (await officer.post(`${ROOT}/lists/${listId}/items`, { fields: { Ref: 'kept' } })).json,
    );
    const delta = z
      .object({ '@odata.deltaLink': z.string() })
      .loose()
      .parse((await officer.get(`${ROOT}/lists/${listId}/items/delta`)).json);
    const channel = DEMO_TENANT.channels[0]?.id ?? '';
    const messages = `/teams/${DEMO_TENANT.group.id}/channels/${encodeURIComponent(channel)}/messages`;
    expect((await officer.post(messages, { body: { content: 'still here' } })).status).toBe(201);
    const hooksBefore = await (await fetch(`${first.origin}/_admin/webhooks`)).json();
    const oldToken = first.tokenFor('lead');
    await first.close();

    const second = await startFresh(dataDir);
    try {
      const lead = new TestClient(second, null);
      const auth = { authorization: `Bearer ${oldToken}` };
      const item = itemSchema.parse(
        (await lead.get(`${ROOT}/lists/${listId}/items/${created.id}?expand=fields`, auth)).json,
      );
      expect(item.eTag).toBe(created.eTag);
      expect(item.fields?.Ref).toBe('kept');
      const filtered = await lead.get(
        `${ROOT}/lists/${listId}/items?$filter=${encodeURIComponent("fields/Ref eq 'kept'")}`,
        auth,
      );
      expect(
        pageSchema(itemSchema)
          .parse(filtered.json)
          .value.map((i) => i.id),
      ).toEqual([created.id]);
      const next = itemSchema.parse(
        (
          await new TestClient(second, 'officer').post(`${ROOT}/lists/${listId}/items`, {
            fields: { Ref: 'new' },
          })
        ).json,
      );
      expect(Number(next.id)).toBe(Number(created.id) + 1);
      const changes = pageSchema(itemSchema).parse(
        (await lead.get(delta['@odata.deltaLink'].replace(first.origin, second.origin), auth)).json,
      );
      expect(changes.value.map((i) => i.id)).toEqual([next.id]);
      const posted = pageSchema(z.object({ body: z.object({ content: z.string() }) }).loose()).parse(
        (await lead.get(messages, auth)).json,
      );
      expect(posted.value.map((m) => m.body.content)).toEqual(['still here']);
      const hooksAfter = z
        .array(z.object({ id: z.string() }).loose())
        .parse(await (await fetch(`${second.origin}/_admin/webhooks`)).json());
      expect(hooksAfter.map((h) => h.id)).toEqual(
        z
          .array(z.object({ id: z.string() }).loose())
          .parse(hooksBefore)
          .map((h) => h.id),
      );
    } finally {
      await stopAndRemove(second);
    }
  });
});

describe('a data directory from before field indexes were per list', () => {
  it('gets each list’s indexes on start, and drops the shared ones', async () => {
    const first = await startFresh();
    const dataDir = first.dataDir;
    const listId = await createList(new TestClient(first, 'officer'), 'Migrated', [
      { name: 'Ref', text: {}, indexed: true },
      { name: 'Note', text: {} },
    ]);
    await first.close();
    const file = path.join(dataDir, 'localgraph.sqlite');
    const indexes = (db: Database.Database) =>
      db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND (name GLOB 'ix_f_*' OR name GLOB 'ix_items_f_*')",
        )
        .all()
        .map((r) => r.name);
    const legacy = new Database(file);
    for (const name of indexes(legacy)) legacy.exec(`DROP INDEX "${name}"`);
    legacy.exec(
      `CREATE INDEX ix_items_f_Ref ON items(list_id, json_extract(fields, '$.Ref') COLLATE NOCASE)`,
    );
    legacy.close();

    const second = await startFresh(dataDir);
    await second.close();
    const migrated = new Database(file, { readonly: true });
    try {
      expect(indexes(migrated)).toEqual([fieldIndexName(listId, 'Ref')]);
    } finally {
      migrated.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// SharePoint cannot index a multiple lines of text column
// (https://github.com/pnp/PnP-PowerShell/issues/80), so one left indexed by an older local Graph is unindexed on open.
describe('a data directory holding an indexed multiple lines of text column', () => {
  it('opens with the column unindexed and its index dropped', async () => {
    const first = await startFresh();
    const dataDir = first.dataDir;
    const listId = await createList(new TestClient(first, 'officer'), 'Old notes', [
      { name: 'Notes', text: { allowMultipleLines: true } },
    ]);
    await first.close();
    const file = path.join(dataDir, 'localgraph.sqlite');
    const old = new Database(file);
    const row = old
      .prepare<[string], { id: string; definition: string }>(
        "SELECT id, definition FROM columns WHERE list_id = ? AND name = 'Notes'",
      )
      .get(listId);
    const definition = JSON.parse(row?.definition ?? '{}') as Record<string, unknown>;
    old
      .prepare('UPDATE columns SET definition = ? WHERE id = ?')
      .run(JSON.stringify({ ...definition, indexed: true }), row?.id);
    old.exec(
      `CREATE INDEX "${fieldIndexName(listId, 'Notes')}" ON items(list_id, json_extract(fields, '$.Notes') COLLATE NOCASE)`,
    );
    old.close();

    const second = await startFresh(dataDir);
    try {
      const column = await new TestClient(second, 'officer').get(`${ROOT}/lists/${listId}/columns/Notes`);
      expect(column.json).toMatchObject({ name: 'Notes', indexed: false });
    } finally {
      await second.close();
    }
    const reopened = new Database(file, { readonly: true });
    try {
      const indexes = reopened
        .prepare<[string], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?",
        )
        .all(fieldIndexName(listId, 'Notes'));
      expect(indexes).toEqual([]);
    } finally {
      reopened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('command-line entry points', () => {
  it('prints a token for a person offline, which the server then accepts', async () => {
    const dataDir = freshDataDir();
    try {
      const printed = await run('token-cli.ts', { LOCAL_GRAPH_DATA_DIR: dataDir }, ['chair']);
      expect(printed.code).toBe(0);
      const token = printed.stdout.trim();
      const graph = await startFresh(dataDir);
      try {
        const me = await new TestClient(graph, null).get('/me', { authorization: `Bearer ${token}` });
        expect(me.json).toMatchObject({ displayName: 'Margaret Ellison' });
      } finally {
        await graph.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('lists the valid aliases and exits 1 for an unknown person', async () => {
    const dataDir = freshDataDir();
    const result = await run('token-cli.ts', { LOCAL_GRAPH_DATA_DIR: dataDir }, ['nobody']);
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Unknown person 'nobody'");
    expect(result.stderr).toContain('officer, priority-lead, lead, chair');
  });

  it('refuses a bad fault variable with one line naming it', async () => {
    const dataDir = freshDataDir();
    const result = await run('main.ts', {
      LOCAL_GRAPH_FAULT_RATE: 'lots',
      LOCAL_GRAPH_PORT: '0',
      LOCAL_GRAPH_DATA_DIR: dataDir,
    });
    const statuses = await run('main.ts', {
      LOCAL_GRAPH_FAULT_STATUSES: '429,500',
      LOCAL_GRAPH_PORT: '0',
      LOCAL_GRAPH_DATA_DIR: dataDir,
    });
    const zone = await run('main.ts', {
      LOCAL_GRAPH_SITE_TIME_ZONE: 'Mars/Olympus',
      LOCAL_GRAPH_PORT: '0',
      LOCAL_GRAPH_DATA_DIR: dataDir,
    });
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      "LOCAL_GRAPH_FAULT_RATE must be a number from 0 to 1 (got 'lots').",
    ]);
    expect(zone.code).toBe(1);
    expect(zone.stderr.trim()).toBe(
      "LOCAL_GRAPH_SITE_TIME_ZONE must be an IANA time zone name such as Europe/London (got 'Mars/Olympus').",
    );
    expect(statuses.code).toBe(1);
    expect(statuses.stderr.trim()).toBe(
      "LOCAL_GRAPH_FAULT_STATUSES must be a comma-separated list of 429 and/or 503 (got '429,500').",
    );
  });

  it('starts, prints its URL and stops cleanly on SIGTERM', async () => {
    const dataDir = freshDataDir();
    const result = await run(
      'main.ts',
      { LOCAL_GRAPH_PORT: '0', LOCAL_GRAPH_DATA_DIR: dataDir, LOCAL_GRAPH_FAULT_STATUSES: '503' },
      [],
      '/v1.0',
    );
    rmSync(dataDir, { recursive: true, force: true });
    expect(result.stdout).toMatch(/Local Graph listening on http:\/\/127\.0\.0\.1:\d+\/v1\.0/);
    expect(result.stdout).toContain('stopping the local Graph');
    expect(result.code).toBe(0);
  });
});
