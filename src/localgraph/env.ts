import { z } from 'zod';
import { isValidTimeZone } from './dates';
import type { FaultConfig, FaultStatus } from './types';

export interface LocalGraphEnv {
  port?: number;
  dataDir?: string;
  siteTimeZone?: string;
  faults: Partial<FaultConfig>;
}

export class EnvError extends Error {
  constructor(variable: string, detail: string, raw: string) {
    super(`${variable} ${detail} (got '${raw}').`);
    this.name = 'EnvError';
  }
}

const intIn = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));

const VARIABLES = {
  LOCAL_GRAPH_PORT: { schema: intIn(0, 65535), detail: 'must be a port number from 0 to 65535' },
  LOCAL_GRAPH_FAULT_RATE: {
    schema: z
      .string()
      .trim()
      .regex(/^\d*\.?\d+$/)
      .transform(Number)
      .pipe(z.number().min(0).max(1)),
    detail: 'must be a number from 0 to 1',
  },
  LOCAL_GRAPH_RETRY_AFTER_SECONDS: {
    schema: intIn(0, 3600),
    detail: 'must be a whole number of seconds from 0 to 3600',
  },
  LOCAL_GRAPH_LATENCY_MS: {
    schema: intIn(0, 60_000),
    detail: 'must be a whole number of milliseconds from 0 to 60000',
  },
} as const;

const statusesSchema = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  )
  .pipe(z.array(z.enum(['429', '503'])).min(1));

/** Reads the local Graph's environment variables; a bad value throws an EnvError naming it. */
export function parseLocalGraphEnv(env: NodeJS.ProcessEnv): LocalGraphEnv {
  const read = (name: keyof typeof VARIABLES): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const { schema, detail } = VARIABLES[name];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new EnvError(name, detail, raw);
    return parsed.data;
  };
  const faults: Partial<FaultConfig> = {};
  const rate = read('LOCAL_GRAPH_FAULT_RATE');
  if (rate !== undefined) faults.rate = rate;
  const retryAfter = read('LOCAL_GRAPH_RETRY_AFTER_SECONDS');
  if (retryAfter !== undefined) faults.retryAfterSeconds = retryAfter;
  const latency = read('LOCAL_GRAPH_LATENCY_MS');
  if (latency !== undefined) faults.latencyMs = latency;
  const rawStatuses = env.LOCAL_GRAPH_FAULT_STATUSES;
  if (rawStatuses !== undefined && rawStatuses.trim() !== '') {
    const parsed = statusesSchema.safeParse(rawStatuses);
    if (!parsed.success) {
      throw new EnvError(
        'LOCAL_GRAPH_FAULT_STATUSES',
        'must be a comma-separated list of 429 and/or 503',
        rawStatuses,
      );
    }
    faults.statuses = parsed.data.map((s): FaultStatus => (s === '429' ? 429 : 503));
  }
  const dataDir = env.LOCAL_GRAPH_DATA_DIR?.trim();
  const rawZone = env.LOCAL_GRAPH_SITE_TIME_ZONE?.trim();
  if (rawZone !== undefined && rawZone !== '' && !isValidTimeZone(rawZone)) {
    throw new EnvError(
      'LOCAL_GRAPH_SITE_TIME_ZONE',
      'must be an IANA time zone name such as Europe/London',
      rawZone,
    );
  }
  return {
    port: read('LOCAL_GRAPH_PORT'),
    dataDir: dataDir === '' ? undefined : dataDir,
    siteTimeZone: rawZone === '' ? undefined : rawZone,
    faults,
  };
}
