import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { setSiteTimeZone } from './admin';
import { createApp } from './app';
import { issueToken, loadOrCreateSecret } from './auth';
import { bootstrap } from './bootstrap';
import { isValidTimeZone } from './dates';
import { openDatabase } from './db';
import type { UserRow } from './directory';
import { DEFAULT_FAULTS, FaultController } from './faults';
import { validAliases } from './local-signin';
import { migrateDateOnlyValues, unindexMultiLineText } from './migrations';
import { DEMO_PEOPLE, findPerson } from './people';
import type { FaultConfig, LocalGraph, LocalGraphOptions, LocalGraphStats } from './types';

export type {
  FaultConfig,
  FaultStatus,
  LocalGraph,
  LocalGraphOptions,
  LocalGraphStats,
  SiteRole,
} from './types';
export type { DemoPerson } from './people';
export { DEMO_PEOPLE };
export { DEMO_TENANT } from './tenant';

function defaultPort(): number {
  const raw = process.env.LOCAL_GRAPH_PORT;
  if (raw === undefined || raw === '') return 4000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`LOCAL_GRAPH_PORT must be a port number (0-65535), got '${raw}'.`);
  }
  return port;
}

function listen(server: ServerType): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address();
      if (address === null || typeof address === 'string')
        reject(new Error('The local Graph has no TCP address.'));
      else resolve(address);
    });
  });
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive sockets from fetch would otherwise hold close() open.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/** Starts the local Graph on 127.0.0.1; the data dir is created and seeded when empty. */
export async function startLocalGraph(options: LocalGraphOptions = {}): Promise<LocalGraph> {
  const dataDir = path.resolve(options.dataDir ?? process.env.LOCAL_GRAPH_DATA_DIR ?? '.data');
  const port = options.port ?? defaultPort();
  if (options.siteTimeZone !== undefined && !isValidTimeZone(options.siteTimeZone)) {
    throw new Error(
      `siteTimeZone must be an IANA time zone name such as Europe/London, got '${options.siteTimeZone}'.`,
    );
  }
  const db = openDatabase(dataDir);
  let users: Map<string, UserRow>;
  let secret: Buffer;
  try {
    bootstrap(db);
    if (options.siteTimeZone !== undefined) setSiteTimeZone(db, options.siteTimeZone);
    migrateDateOnlyValues(db);
    unindexMultiLineText(db);
    secret = loadOrCreateSecret(dataDir);
    users = new Map(
      db
        .prepare<[], UserRow>('SELECT * FROM users')
        .all()
        .map((u) => [u.id, u]),
    );
  } catch (err) {
    db.close();
    throw err;
  }
  const faults = new FaultController({ ...DEFAULT_FAULTS, ...options.faults });
  const log = (message: string) => {
    if (!options.quiet) console.error(message);
  };
  const allowedHosts = new Set<string>();
  const { app, runner } = createApp({ db, secret, users }, faults, { log, allowedHosts });

  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  let address: AddressInfo;
  try {
    address = await listen(server);
  } catch (err) {
    db.close();
    throw err;
  }
  allowedHosts.add(`127.0.0.1:${address.port}`);
  allowedHosts.add(`localhost:${address.port}`);
  const origin = `http://127.0.0.1:${address.port}`;
  let closing: Promise<void> | undefined;

  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    dataDir,
    tokenFor(personAliasOrUpn: string): string {
      const person = findPerson(personAliasOrUpn);
      if (!person) throw new Error(`Unknown person '${personAliasOrUpn}'. Valid aliases: ${validAliases()}.`);
      return issueToken(secret, person.id, person.userPrincipalName);
    },
    setFaults(f: Partial<FaultConfig>): void {
      faults.set(f);
    },
    stats(): LocalGraphStats {
      return faults.stats();
    },
    resetStats(): void {
      faults.resetStats();
    },
    close(): Promise<void> {
      closing ??= closeServer(server)
        .then(() => runner.drain())
        .finally(() => db.close());
      return closing;
    },
  };
}
