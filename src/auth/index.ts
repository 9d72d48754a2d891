import { tenantLabel, type EntraConfig } from './entra-account';
import type { Authenticator, SignInFlows } from './session';

/** How the tab signs people in, chosen once from its configuration. */
export type AuthConfig =
  | ({ kind: 'entra' } & EntraConfig)
  | { kind: 'local-graph'; origin: string }
  /** No way in: what a tenant build makes of a local configuration. */
  | { kind: 'none' };

/**
 * The local branch is compiled only into builds for the local Graph
 * (`__LOCAL_SIGN_IN__`, see vite.config.ts): a tenant bundle holds no trace of
 * the demo people's sign-in. Either implementation loads on first use, so
 * neither weighs on the first paint of a copy that does not use it.
 */
export function createAuthenticator(config: AuthConfig): Authenticator {
  if (__LOCAL_SIGN_IN__ && config.kind === 'local-graph') {
    const { origin } = config;
    return loadedOnFirstUse(
      `This copy runs against the local Graph at ${origin}. Choose who to be; each person has the rights their role gives them on the plan's SharePoint site.`,
      () => import('./local-signin').then((m) => m.localSignIn(origin)),
    );
  }
  if (config.kind === 'entra') {
    return loadedOnFirstUse(
      `This copy signs in with work accounts of ${tenantLabel(config.tenantId)} (Microsoft Entra ID). Inside Teams, the account you use in Teams signs you in.`,
      () => import('./entra-signin').then((m) => m.entraSignIn(config)),
    );
  }
  return unconfigured;
}

function loadedOnFirstUse(description: string, load: () => Promise<SignInFlows>): Authenticator {
  let flows: Promise<SignInFlows> | null = null;
  const loaded = () =>
    (flows ??= load().catch((error: unknown) => {
      flows = null; // a failed load (a dropped connection) is tried again next time
      throw error;
    }));
  return {
    description,
    restore: async () => (await loaded()).restore(),
    choices: async () => (await loaded()).choices(),
    signIn: async (choiceId) => (await loaded()).signIn(choiceId),
  };
}

const NOT_CONFIGURED = 'Sign-in with Microsoft Entra ID is not configured in this build; see the README.';

/** A build with no way in: it says so on the sign-in page. */
const unconfigured: Authenticator = {
  description: NOT_CONFIGURED,
  restore: async () => null,
  choices: async () => {
    throw new Error(NOT_CONFIGURED);
  },
  signIn: async () => {
    throw new Error(NOT_CONFIGURED);
  },
};
