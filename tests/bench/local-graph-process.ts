import { spawn } from 'node:child_process';
import path from 'node:path';
import { issueToken, loadOrCreateSecret } from '../../src/localgraph/auth';
import { findPerson } from '../../src/localgraph/people';

export interface LocalGraphProcess {
  origin: string;
  graphBaseUrl: string;
  tokenFor(alias: string): string;
  close(): Promise<void>;
}

const TSX = path.resolve('node_modules/.bin/tsx');

/**
 * The local Graph in a process of its own, as it runs under `npm start` and as
 * Graph is to a job: the client and the server then each have a core, rather
 * than one event loop timing both.
 */
export async function startLocalGraphProcess(dataDir: string): Promise<LocalGraphProcess> {
  const child = spawn(TSX, [path.resolve('src/localgraph/main.ts')], {
    env: { ...process.env, LOCAL_GRAPH_PORT: '0', LOCAL_GRAPH_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const graphBaseUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /Local Graph listening on (\S+)/.exec(stdout);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    void exited.then(() =>
      reject(new Error(`The local Graph did not start: ${stderr.trim() || stdout.trim()}`)),
    );
  });
  const secret = loadOrCreateSecret(dataDir);
  return {
    origin: new URL(graphBaseUrl).origin,
    graphBaseUrl,
    tokenFor(alias) {
      const person = findPerson(alias);
      if (!person) throw new Error(`The local Graph has no ${alias}`);
      return issueToken(secret, person.id, person.userPrincipalName);
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
