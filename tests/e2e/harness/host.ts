import type { HarnessApi, HostState, HostTheme, LogEntry, NaaLogEntry } from './api';
import { findPerson, mintToken, type LocalPerson } from './local-graph';
import { answerNaa, naaRequestLog, naaResponseLog, parseNaaRequest } from './naa';
import { readHostParams, type HostParams } from './params';
import {
  initializeArgs,
  instanceConfigSchema,
  legacyContext,
  parseTabRequest,
  responseTo,
  type HostEvent,
  type TabRequest,
} from './teams-protocol';

/**
 * A stand-in for the Teams web client: loads a tab in a frame and answers what
 * TeamsJS and MSAL's nested app auth ask of their host. See README.md.
 */

/** A request the host answers: the response's arguments, or NO_REPLY for a one-way notice. */
const NO_REPLY = Symbol('no reply');
type Reply = unknown[] | typeof NO_REPLY;
type Handler = (request: TabRequest) => Reply | Promise<Reply>;

function start(params: HostParams): HarnessApi {
  const frame = requireElement('tab', HTMLIFrameElement);
  const saveButton = requireElement('save', HTMLButtonElement);
  const status = requireElement('status', HTMLElement);
  const tabOrigin = new URL(params.tab).origin;
  const sessionId = crypto.randomUUID();

  const state: HostState = {
    theme: params.theme,
    frameContext: params.frameContext,
    initialized: false,
    appLoaded: false,
    appSucceeded: false,
    appFailure: null,
    handlers: [],
    valid: null,
    settings: [],
    save: null,
  };
  const log: LogEntry[] = [];
  const record = (entry: Omit<LogEntry, 'seq'>) => log.push({ seq: log.length + 1, ...entry });

  // Who the Teams user is, looked up once; a failure shows on the page and fails what needs it.
  let personLookup: Promise<LocalPerson | null> | null = null;
  const person = () =>
    (personLookup ??= params.person ? findPerson(params.person) : Promise.resolve(null)).catch(
      (error: unknown) => {
        show(`The host's user could not be found: ${String(error)}`);
        throw error;
      },
    );

  function show(message: string) {
    status.textContent = message;
  }

  function post(message: unknown) {
    frame.contentWindow?.postMessage(message, tabOrigin);
  }

  function sendEvent(event: HostEvent) {
    record({ from: 'host', func: event.func, id: null, args: event.args, naa: null, handled: true });
    post(event);
  }

  function reply(request: TabRequest, args: unknown[], naa: NaaLogEntry | null = null) {
    record({ from: 'host', func: request.func, id: request.id, args: naa ? [] : args, naa, handled: true });
    post(responseTo(request, args));
  }

  const handlers: Record<string, Handler> = {
    initialize: (request) => {
      state.initialized = true;
      return initializeArgs(params, request.args[0]);
    },
    getContext: async () => [legacyContext(params, state.theme, await person(), sessionId)],
    registerHandler: (request) => {
      const name = request.args[0];
      if (typeof name === 'string' && !state.handlers.includes(name)) state.handlers.push(name);
      return NO_REPLY;
    },
    'appInitialization.appLoaded': () => {
      state.appLoaded = true;
      return NO_REPLY;
    },
    // The runtime says `app.notifySuccessResponse`, so TeamsJS waits for an (empty) answer.
    'appInitialization.success': () => {
      state.appSucceeded = true;
      show('The tab says it has loaded.');
      return [];
    },
    'appInitialization.failure': (request) => failed(request),
    'appInitialization.expectedFailure': (request) => failed(request),
    'settings.setValidityState': (request) => {
      state.valid = request.args[0] === true;
      saveButton.disabled = !state.valid;
      return NO_REPLY;
    },
    // `pages.config.setConfig` and `settings.setSettings` both send this; the answer is [success, reason].
    'settings.setSettings': (request) => {
      const parsed = instanceConfigSchema.safeParse(request.args[0]);
      if (!parsed.success) return [false, `Invalid settings: ${parsed.error.message}`];
      state.settings.push(parsed.data);
      return [true];
    },
    'settings.getSettings': () => [state.settings.at(-1) ?? {}],
    'settings.save.success': () => {
      state.save = { result: 'success' };
      show(`Saved: ${state.settings.at(-1)?.contentUrl ?? '(no settings were given)'}`);
      return NO_REPLY;
    },
    'settings.save.failure': (request) => {
      const reason = typeof request.args[0] === 'string' ? request.args[0] : null;
      state.save = { result: 'failure', reason };
      show(`The tab could not save: ${reason ?? 'no reason given'}`);
      return NO_REPLY;
    },
    'settings.remove.success': () => NO_REPLY,
    'settings.remove.failure': () => NO_REPLY,
  };

  function failed(request: TabRequest): Reply {
    const [reason, message] = request.args;
    state.appFailure = {
      reason: typeof reason === 'string' ? reason : null,
      message: typeof message === 'string' ? message : null,
    };
    show(`The tab says it failed: ${state.appFailure.reason ?? ''} ${state.appFailure.message ?? ''}`);
    return NO_REPLY;
  }

  async function nestedAppAuth(request: TabRequest) {
    const envelope = parseNaaRequest(request.data);
    if (!envelope) {
      record({ from: 'tab', func: request.func, id: request.id, args: [], naa: null, handled: false });
      return;
    }
    record({
      from: 'tab',
      func: request.func,
      id: request.id,
      args: [],
      naa: naaRequestLog(envelope),
      handled: true,
    });
    const response = await answerNaa(envelope, {
      tenantId: params.tid ?? 'organizations',
      clientId: params.clientId,
      person,
      mintToken,
    });
    // As TeamsJS's own tests answer the bridge: the envelope is the second argument.
    reply(request, [false, JSON.stringify(response)], naaResponseLog(envelope, response));
  }

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== frame.contentWindow || event.origin !== tabOrigin) return;
    const request = parseTabRequest(event.data);
    if (!request) {
      record({ from: 'tab', func: '(not a TeamsJS request)', id: null, args: [], naa: null, handled: false });
      return;
    }
    if (request.func === 'nestedAppAuth.execute') {
      void nestedAppAuth(request);
      return;
    }
    const handler = handlers[request.func];
    record({
      from: 'tab',
      func: request.func,
      id: request.id,
      args: request.args,
      naa: null,
      handled: !!handler,
    });
    if (!handler) return;
    void Promise.resolve()
      .then(() => handler(request))
      .then(
        (answer) => answer !== NO_REPLY && reply(request, answer),
        (error: unknown) => show(`The host could not answer ${request.func}: ${String(error)}`),
      );
  });

  function setTheme(theme: HostTheme) {
    state.theme = theme;
    document.documentElement.dataset.theme = theme;
    sendEvent({ func: 'themeChange', args: [theme] });
  }

  function pressSave() {
    if (state.valid !== true)
      throw new Error('Save is not enabled: the tab has not called setValidityState(true)');
    state.save = { result: 'pending' };
    show('Saving…');
    sendEvent({ func: 'settings.save', args: [] });
  }

  saveButton.hidden = params.frameContext !== 'settings';
  saveButton.addEventListener('click', pressSave);
  document.documentElement.dataset.theme = params.theme;
  frame.src = params.tab;
  return { log, state, setTheme, pressSave };
}

function requireElement<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The host page has no #${id}`);
  return element;
}

try {
  window.__harness = start(readHostParams(window.location.search));
} catch (error) {
  const status = document.getElementById('status');
  if (status) {
    status.setAttribute('role', 'alert');
    status.textContent = String(error);
  }
  throw error;
}
