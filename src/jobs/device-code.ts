import {
  AuthError,
  AuthErrorCodes,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type DeviceCodeRequest,
  type SilentFlowRequest,
} from '@azure/msal-node';
import { ConfigError } from './config';

/** The two MSAL calls the sign-in makes (PublicClientApplication's), so tests can stand in for Entra ID. */
export interface DeviceCodeClient {
  acquireTokenByDeviceCode(request: DeviceCodeRequest): Promise<AuthenticationResult | null>;
  acquireTokenSilent(request: SilentFlowRequest): Promise<AuthenticationResult>;
}

export interface DeviceCodeSignIn {
  tenantId: string;
  clientId: string;
  /** `https://graph.microsoft.com/v1.0`: the scope is asked of its origin. */
  graphBaseUrl: string;
  /** Shows Entra ID's instructions ("To sign in, use a web browser to open … and enter the code …"). */
  tell: (message: string) => void;
  client?: DeviceCodeClient;
}

/**
 * The one delegated scope provisioning needs. Creating a list (POST /sites/{id}/lists) and a column
 * (POST …/lists/{id}/columns) both list Sites.Manage.All as least privileged for delegated access
 * (https://learn.microsoft.com/graph/api/list-create, …/list-post-columns); reading sites, lists and
 * columns accepts it too (…/list-list-columns: "Higher privileged permissions: Sites.Manage.All").
 * What the person can do on the site still bounds what the token can do.
 */
export const PROVISIONING_SCOPE = 'Sites.Manage.All';

/**
 * A site owner's token through the OAuth 2.0 device authorization grant
 * (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code): the person opens the
 * page Entra ID names on any device, enters the code, and signs in. Signs in once, on first use,
 * then renews silently from MSAL's in-memory cache for the rest of the run.
 */
export function deviceCodeTokenSource(options: DeviceCodeSignIn): () => Promise<string> {
  const client =
    options.client ??
    new PublicClientApplication({
      auth: {
        clientId: options.clientId,
        authority: `https://login.microsoftonline.com/${options.tenantId}`,
      },
    });
  const scopes = [`${new URL(options.graphBaseUrl).origin}/${PROVISIONING_SCOPE}`];
  let account: AccountInfo | null = null;
  let signingIn: Promise<string> | null = null;

  async function signIn(): Promise<string> {
    const result = await client.acquireTokenByDeviceCode({
      scopes,
      deviceCodeCallback: (response) => {
        // Entra ID answers an unknown tenant or client id with an error body, which MSAL passes on as
        // a device code without a code; throwing here ends the sign-in before it polls.
        if (!response.userCode || !response.message) {
          throw new ConfigError(
            `Entra ID gave no sign-in code for app ${options.clientId} in tenant ${options.tenantId}: check AZURE_TENANT_ID and the client id`,
          );
        }
        options.tell(response.message);
      },
    });
    if (!result?.accessToken || !result.account)
      throw new ConfigError('Entra ID returned no token for the sign-in');
    account = result.account;
    return result.accessToken;
  }

  return async () => {
    try {
      if (account) return (await client.acquireTokenSilent({ account, scopes })).accessToken;
      signingIn ??= signIn().finally(() => {
        signingIn = null;
      });
      return await signingIn;
    } catch (error) {
      throw explainSignInError(error, options.clientId);
    }
  };
}

/**
 * Entra ID's answers while polling come back from MSAL as `post_request_failed` carrying the OAuth
 * error code. Besides the device flow's own (authorization_declined, bad_verification_code,
 * expired_token, per the page above), `invalid_client` is what an app registration that does not
 * allow public client flows answers (AADSTS7000218 "The request body must contain … 'client_assertion'
 * or 'client_secret'"; MSAL.NET names the cause in AzureAD/microsoft-authentication-library-for-dotnet#1407,
 * the fix is "Allow public client flows", microsoftgraph/msgraph-sdk-go#401).
 */
export function explainSignInError(error: unknown, clientId: string): Error {
  if (error instanceof ConfigError) return error;
  if (!(error instanceof AuthError)) return error instanceof Error ? error : new Error(String(error));
  if (error.errorCode === AuthErrorCodes.postRequestFailed) {
    switch (error.errorMessage) {
      case 'invalid_client':
        return new ConfigError(
          `Entra ID refused the device code sign-in for app ${clientId}: the app registration must allow public client flows (Authentication › Advanced settings › Allow public client flows: Yes), or run with --app-only`,
        );
      case 'authorization_declined':
        return new ConfigError('The sign-in was declined: nothing was changed');
      case 'expired_token':
        return new ConfigError(
          'The code was not entered in time (Entra ID allows 15 minutes): run the command again',
        );
      case 'bad_verification_code':
        return new ConfigError('Entra ID did not recognise the sign-in code: run the command again');
    }
  }
  return new ConfigError(`Signing in failed (${error.errorCode}): ${error.errorMessage.split('\n')[0]}`);
}
