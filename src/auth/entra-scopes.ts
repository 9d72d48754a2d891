/**
 * The delegated Microsoft Graph permissions the tab asks Entra ID for: the fewest
 * that cover what it does, named one by one rather than `.default` (nested app
 * authentication's documentation and the manifest's `nestedAppAuthInfo` both name
 * explicit scopes, and consent then says exactly what the tab may do).
 */
export const GRAPH_PERMISSIONS = [
  /** Read and write the plan's SharePoint lists (actions, milestones, updates, the reminder log). */
  'Sites.ReadWrite.All',
  /**
   * Find people by name for the action lead picker, with their organisation and job title
   * (companyName, jobTitle, department): outside the basic profile User.ReadBasic.All reads
   * (displayName, givenName, surname, mail, photo, userPrincipalName), and in a multi-agency
   * plan the agency is how leads are told apart. An administrator consents to it.
   */
  'User.Read.All',
  /** "Send now": post a reminder card into a team's channel as the signed-in person. */
  'ChannelMessage.Send',
  /** The channel preview: list a team's channels. */
  'Channel.ReadBasic.All',
  /** The channel preview: read a channel's recent messages (an administrator consents to it). */
  'ChannelMessage.Read.All',
] as const;

/**
 * Asked for only where the plan's site is set up (creating lists and columns), on
 * top of the rest, so nobody else is asked to consent to managing lists.
 */
export const SETUP_PERMISSIONS = ['Sites.Manage.All'] as const;

/**
 * Scopes for the configured Graph: a permission is named on its resource's origin,
 * https://graph.microsoft.com/Sites.ReadWrite.All in a tenant, or the local Graph's
 * origin when tests run MSAL against it.
 */
export function graphScopes(graphBaseUrl: string, permissions: readonly string[]): string[] {
  const origin = new URL(graphBaseUrl).origin;
  return permissions.map((permission) => `${origin}/${permission}`);
}
