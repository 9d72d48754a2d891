import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Runs a command's main: a one-line reason and exit code 1 on any failure. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    process.exit(1);
  });
}

export class UsageError extends Error {}

/** Parses flags strictly: an unknown flag or a missing value is a usage error, not ignored. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${reason}. Usage: ${usage}`);
  }
}
