/**
 * What a build of the tab holds, decided from its VITE_* variables. Read by
 * vite.config.ts (no dependencies, so the config loads fast) and by the tab's
 * own configuration, so the build and the page it builds agree.
 */

/** The local Graph that `npm start`, the demo and the tests run against. */
export const LOCAL_GRAPH_BASE_URL = 'http://127.0.0.1:4000/v1.0';

/** Whether a Graph base URL is the project's local Graph rather than a tenant's. */
export function isLocalGraph(graphBaseUrl: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(graphBaseUrl).hostname;
  } catch {
    return false;
  }
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

export function missingClientIdMessage(graphBaseUrl: string): string {
  return (
    `VITE_ENTRA_CLIENT_ID is missing: a tab for ${graphBaseUrl} signs people in with Microsoft Entra ID ` +
    "and needs the app registration's Application (client) ID (see .env.example)"
  );
}

export interface TabBuild {
  /** The local Graph's demo sign-in is compiled in (it is dead code, and dropped, in a tenant build). */
  localSignIn: boolean;
  /** Source maps only where the sources are no secret: builds for the local Graph. */
  sourcemap: boolean;
  /** MSAL's redirect bridge page (auth/redirect.html), wherever Entra sign-in is configured. */
  redirectPage: boolean;
  /** Why this could not be built (a tenant's Graph without Entra sign-in), else null. */
  problem: string | null;
}

export function tabBuild(env: Readonly<Record<string, string | undefined>>): TabBuild {
  const graphBaseUrl = env.VITE_GRAPH_BASE_URL?.trim() || LOCAL_GRAPH_BASE_URL;
  const local = isLocalGraph(graphBaseUrl);
  const entra = Boolean(env.VITE_ENTRA_CLIENT_ID?.trim());
  return {
    localSignIn: local,
    sourcemap: local,
    redirectPage: entra,
    problem: local || entra ? null : missingClientIdMessage(graphBaseUrl),
  };
}
