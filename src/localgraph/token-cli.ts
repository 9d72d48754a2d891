import path from 'node:path';
import { issueToken, loadOrCreateSecret } from './auth';
import { EnvError, parseLocalGraphEnv } from './env';
import { validAliases } from './local-signin';
import { findPerson } from './people';

/** Prints a bearer token for a seeded person; works offline from the data dir's signing secret. */
function main(): number {
  const person = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (person === undefined) {
    console.error(`Usage: npm run localgraph:token -- <person>. Valid aliases: ${validAliases()}.`);
    return 1;
  }
  const found = findPerson(person);
  if (!found) {
    console.error(`Unknown person '${person}'. Valid aliases: ${validAliases()}.`);
    return 1;
  }
  let dataDir: string;
  try {
    dataDir = path.resolve(parseLocalGraphEnv(process.env).dataDir ?? '.data');
  } catch (err) {
    console.error(err instanceof EnvError ? err.message : String(err));
    return 1;
  }
  console.log(issueToken(loadOrCreateSecret(dataDir), found.id, found.userPrincipalName));
  return 0;
}

process.exitCode = main();
