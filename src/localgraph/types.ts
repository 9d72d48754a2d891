export type FaultStatus = 429 | 503;

export interface FaultConfig {
  /** Probability, 0..1, that a request is answered with an injected 429/503. */
  rate: number;
  statuses: FaultStatus[];
  retryAfterSeconds: number;
  latencyMs: number;
  seed?: number;
}

export interface LocalGraphOptions {
  /** 0 picks a free port; default env LOCAL_GRAPH_PORT or 4000. */
  port?: number;
  /** Default env LOCAL_GRAPH_DATA_DIR or '.data'. */
  dataDir?: string;
  faults?: FaultConfig;
  quiet?: boolean;
  /**
   * IANA time zone given to every site at start (their regional settings): date-only values
   * are stored as midnight there. Default: what the data dir holds, for a new one Europe/London.
   */
  siteTimeZone?: string;
}

export interface LocalGraphStats {
  /** Outer HTTP requests under /v1.0 and /webhooks. */
  requests: number;
  batchInnerRequests: number;
  throttled: number;
  earlyRetries: number;
}

export interface LocalGraph {
  origin: string;
  graphBaseUrl: string;
  dataDir: string;
  /** A bearer token for a seeded person, valid for an hour from now. */
  tokenFor(personAliasOrUpn: string): string;
  setFaults(f: Partial<FaultConfig>): void;
  stats(): LocalGraphStats;
  resetStats(): void;
  close(): Promise<void>;
}

export type SiteRole = 'owner' | 'member' | 'visitor';
