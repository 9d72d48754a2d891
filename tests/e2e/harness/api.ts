/**
 * What the Teams host harness shows the tests (as `window.__harness` on the host
 * page). Types only: the host page (built by Vite) and the test process both read it.
 */

export type HostTheme = 'default' | 'dark' | 'contrast';

/** TeamsJS `FrameContexts`: which of the app's pages the host has loaded. */
export type FrameContext = 'content' | 'settings' | 'remove';

/** One message between the tab and the host, in the order they crossed. */
export interface LogEntry {
  seq: number;
  /** `tab`: the tab sent it (a request or a notice); `host`: the harness did (a response or an event). */
  from: 'tab' | 'host';
  /** The TeamsJS function; a response carries its request's. */
  func: string;
  /** The message id TeamsJS gave a request, and that its response repeats; events have none. */
  id: number | null;
  /** The arguments, with any token in them replaced by `[token]`. */
  args: unknown[];
  /** A nested app authentication request or response, parsed, tokens replaced; else null. */
  naa: NaaLogEntry | null;
  /** On a request: whether the harness knows it (an unknown request goes unanswered, as a host without it would). */
  handled: boolean;
}

export interface NaaLogEntry {
  /** `GetInitContext`, `GetToken`, `GetTokenPopup` (MSAL's `BridgeMethods`) on requests; the request's on responses. */
  method: string;
  requestId: string;
  /** On requests for a token: the client id and scopes asked for. */
  clientId: string | null;
  scope: string | null;
  /** On responses. */
  success: boolean | null;
  /** On failed responses: the `BridgeStatusCode`. */
  status: string | null;
  /** On token responses: who the token is for. */
  username: string | null;
}

/** What happened to the Save button's last press: the tab's `notifySuccess` or `notifyFailure`. */
export type SaveOutcome =
  { result: 'pending' } | { result: 'success' } | { result: 'failure'; reason: string | null };

/** The configuration a tab gave with `pages.config.setConfig` (Teams' `InstanceConfig`). */
export interface InstanceConfig {
  contentUrl: string;
  entityId?: string;
  suggestedDisplayName?: string;
  websiteUrl?: string;
  removeUrl?: string;
}

export interface HostState {
  theme: HostTheme;
  frameContext: FrameContext;
  /** Whether TeamsJS's `initialize` was answered. */
  initialized: boolean;
  /** `app.notifyAppLoaded`, `app.notifySuccess`, `app.notifyFailure` / `notifyExpectedFailure`, as called. */
  appLoaded: boolean;
  appSucceeded: boolean;
  appFailure: { reason: string | null; message: string | null } | null;
  /** The handlers the tab registered with the host (`themeChange`, `save`, `remove`…). */
  handlers: string[];
  /** The configuration page's `setValidityState`; null until it calls it. */
  valid: boolean | null;
  /** Every configuration given with `setConfig` / `settings.setSettings`, in order. */
  settings: InstanceConfig[];
  /** The last Save press; null before any. */
  save: SaveOutcome | null;
}

export interface HarnessApi {
  readonly log: LogEntry[];
  readonly state: HostState;
  /** The host's theme changes, as when someone picks another in Teams' settings. */
  setTheme(theme: HostTheme): void;
  /** Selects Save on a configuration page; throws while the tab has not made Save valid. */
  pressSave(): void;
}

declare global {
  interface Window {
    __harness?: HarnessApi;
  }
}
