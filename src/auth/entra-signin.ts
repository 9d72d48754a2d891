import {
  BrowserAuthError,
  BrowserAuthErrorCodes,
  BrowserCacheLocation,
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  InteractionRequiredAuthError,
  LogLevel,
  type AccountInfo,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import { personFromAccount, tenantLabel, WORK_ACCOUNT_CHOICE, type EntraConfig } from './entra-account';
import { detectHost, type EntraHost } from './entra-host';
import { GRAPH_PERMISSIONS, graphScopes, SETUP_PERMISSIONS } from './entra-scopes';
import type { AuthSession, SignInFlows } from './session';

/**
 * Sign-in with Microsoft Entra ID through MSAL, loaded only by builds that use it.
 * Inside Teams, Outlook or the Microsoft 365 app the host brokers tokens (nested
 * app authentication): silent first, then the host's own prompt. In a browser,
 * MSAL redirects to Entra ID and back. Tokens stay inside MSAL's session-storage
 * cache and the Authorization header: never logged, shown or put in a URL.
 */
export async function entraSignIn(config: EntraConfig): Promise<SignInFlows> {
  const host = await detectHost();
  const msal =
    host.interaction === 'nested'
      ? await createNestablePublicClientApplication(msalConfiguration(config))
      : await createStandardPublicClientApplication(msalConfiguration(config));
  const scopes = graphScopes(config.graphBaseUrl, GRAPH_PERMISSIONS);
  const setupScopes = graphScopes(config.graphBaseUrl, [...GRAPH_PERMISSIONS, ...SETUP_PERMISSIONS]);
  const interact = interactively(msal, host);

  async function tokenFor(requested: string[], account: AccountInfo): Promise<string> {
    try {
      return (await msal.acquireTokenSilent({ scopes: requested, account })).accessToken;
    } catch (error) {
      if (!needsInteraction(error)) throw error;
      return (await interact({ scopes: requested, account })).accessToken;
    }
  }

  function sessionOf(account: AccountInfo): AuthSession {
    msal.setActiveAccount(account);
    return {
      person: personFromAccount(account),
      role: host.role,
      getToken: () => tokenFor(scopes, account),
      getTokenForSetup: () => tokenFor(setupScopes, account),
      signOut: async () => {
        signedOut.set();
        msal.setActiveAccount(null);
        // The host owns a nested app's account (MSAL cannot clear it there); a frame cannot redirect.
        if (host.interaction === 'popup') await msal.clearCache({ account });
        if (host.interaction === 'redirect') await msal.logoutRedirect({ account });
      },
    };
  }

  /** A token without asking the person: MSAL's cache, the host, or Entra ID's own session. */
  async function silently(): Promise<AuthenticationResult | null> {
    const account = msal.getActiveAccount() ?? msal.getAllAccounts()[0];
    if (account || host.interaction === 'nested') {
      try {
        return await msal.acquireTokenSilent({ scopes, ...(account && { account }) });
      } catch (error) {
        if (needsInteraction(error)) return null;
        throw error;
      }
    }
    if (!host.loginHint) return null;
    // In a frame with no broker, Entra ID's session may sign the Teams user in; when
    // the browser keeps its cookies from the frame, it fails, and the popup follows.
    return msal.ssoSilent({ scopes, loginHint: host.loginHint }).catch(() => null);
  }

  return {
    async restore() {
      if (host.interaction === 'redirect') {
        const returned = await msal.handleRedirectPromise();
        if (returned) return sessionOf(returned.account);
      }
      if (signedOut.get()) return null;
      const result = await silently();
      return result && sessionOf(result.account);
    },
    async choices() {
      return [
        {
          id: WORK_ACCOUNT_CHOICE,
          kind: 'account',
          name: 'Sign in with your work account',
          details: [`Microsoft Entra ID: ${tenantLabel(config.tenantId)}`],
          role: null,
        },
      ];
    },
    async signIn(choiceId) {
      if (choiceId !== WORK_ACCOUNT_CHOICE)
        throw new Error(`There is no way to sign in called "${choiceId}"`);
      signedOut.clear();
      const result =
        (await silently()) ??
        (await interact({ scopes, ...(host.loginHint && { loginHint: host.loginHint }) }));
      return sessionOf(result.account);
    },
  };
}

/**
 * Entra ID wants the person (consent, MFA, an expired session), or MSAL's hidden
 * frame got no answer in time (a browser keeping its cookies from frames): either
 * way only the person can go on.
 */
function needsInteraction(error: unknown): boolean {
  return (
    error instanceof InteractionRequiredAuthError ||
    (error instanceof BrowserAuthError && error.errorCode === BrowserAuthErrorCodes.timedOut)
  );
}

type InteractiveRequest = { scopes: string[]; account?: AccountInfo; loginHint?: string };

/**
 * The person's part: the host's prompt or a popup, one at a time however many
 * requests need it; in a browser, a redirect (the page leaves, so it never resolves).
 */
function interactively(msal: IPublicClientApplication, host: EntraHost) {
  let pending: Promise<AuthenticationResult> | null = null;
  return async (request: InteractiveRequest): Promise<AuthenticationResult> => {
    if (host.interaction === 'redirect') {
      await msal.acquireTokenRedirect({ ...request, redirectStartPage: window.location.href });
      return new Promise<never>(() => undefined);
    }
    pending ??= msal.acquireTokenPopup(request).finally(() => {
      pending = null;
    });
    return pending;
  };
}

function msalConfiguration(config: EntraConfig): Configuration {
  const page = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, window.location.origin).href;
  return {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      // MSAL's redirect bridge page (auth/redirect.html) hands popup, iframe and redirect answers back.
      redirectUri: page('auth/redirect.html'),
      postLogoutRedirectUri: page(''),
    },
    // A cross-site frame (a tab in Teams' web client) may be denied storage: MSAL then keeps
    // its cache in memory, and the host or Entra ID signs the person in again on a reload.
    cache: {
      cacheLocation: storage() ? BrowserCacheLocation.SessionStorage : BrowserCacheLocation.MemoryStorage,
    },
    system: {
      loggerOptions: {
        logLevel: LogLevel.Error,
        piiLoggingEnabled: false,
        loggerCallback: (_level, message, containsPii) => {
          if (!containsPii) console.error(`Sign-in (MSAL): ${message}`);
        },
      },
    },
  };
}

/**
 * Signing out inside a host cannot sign its account out: the tab remembers, for
 * this browser tab, not to sign in again by itself until the person asks.
 */
const signedOut = {
  key: 'wsoa.entra.signedOut',
  get(): boolean {
    return storage()?.getItem(this.key) === '1';
  },
  set(): void {
    storage()?.setItem(this.key, '1');
  },
  clear(): void {
    storage()?.removeItem(this.key);
  },
};

/** Session storage, when the browser allows it (a cross-site frame may not: then reading it throws). */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
