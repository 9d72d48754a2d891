import { localAuthenticator } from './local-signin';
import type { Authenticator } from './session';

/** How the tab signs people in, chosen once from its configuration. */
export type AuthConfig = { kind: 'local-graph'; origin: string } | { kind: 'none' };

export function createAuthenticator(config: AuthConfig): Authenticator {
  if (config.kind === 'local-graph') return localAuthenticator(config.origin);
  return unconfigured;
}

const NOT_CONFIGURED = 'Sign-in with Microsoft Entra ID is not configured in this build; see the README.';

/** A build pointed at a tenant before its Entra sign-in is set up: it says so on the sign-in page. */
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
