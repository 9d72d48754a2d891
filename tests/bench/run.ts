/**
 * `npm run bench [-- <group>]`: prints one JSON object of dotted metric names.
 * Each group starts what it measures (a local Graph on a free port, a browser…).
 */
import { benchBoard } from './board';
import { benchData } from './data';
import { benchImport } from './import';
import { benchReminders } from './reminders';

const GROUPS: Record<string, () => Promise<Record<string, number>>> = {
  data: benchData,
  reminders: benchReminders,
  board: benchBoard,
  import: benchImport,
};

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((g) => !(g in GROUPS));
  if (unknown.length) {
    process.stderr.write(
      `error: unknown bench group ${unknown.join(', ')}; groups: ${Object.keys(GROUPS).join(', ')}\n`,
    );
    process.exit(1);
  }
  const results: Record<string, number> = {};
  for (const name of asked.length ? asked : Object.keys(GROUPS)) {
    const run = GROUPS[name];
    if (run) Object.assign(results, await run());
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
