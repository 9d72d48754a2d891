/**
 * One key factory for every cached read, so a write can invalidate exactly what
 * it touched. Everything about one plan sits under `planScope(planId)`.
 */
export const queryKeys = {
  all: ['wsoa'] as const,
  planScope: (planId: string) => [...queryKeys.all, 'plan', planId] as const,
  /** The overview of the plan chosen by default (no plan in the URL yet). */
  defaultOverview: () => [...queryKeys.all, 'default-overview'] as const,
  overview: (planId: string | null) =>
    planId ? ([...queryKeys.planScope(planId), 'overview'] as const) : queryKeys.defaultOverview(),
  board: (planId: string, priorityId: string) =>
    [...queryKeys.planScope(planId), 'board', priorityId] as const,
  /** Every action's detail sits under `actions()`, so a renumbering can refresh them all. */
  actions: () => [...queryKeys.all, 'action'] as const,
  action: (actionId: string) => [...queryKeys.actions(), actionId] as const,
  /** A plan's whole structure, archived items included (the structure page). */
  structure: (planId: string) => [...queryKeys.planScope(planId), 'structure'] as const,
  /** The plan as an import matches rows against it (archived items and the remembered mapping too). */
  importTarget: (planId: string) => [...queryKeys.planScope(planId), 'import-target'] as const,
  myWork: () => [...queryKeys.all, 'my-work'] as const,
  /** One person's work: under `myWork()`, so invalidating that covers everyone's. */
  myWorkOf: (upn: string) => [...queryKeys.myWork(), upn.toLowerCase()] as const,
  /** People whose name starts with the prefix (choosing a lead); not tied to a plan. */
  people: (prefix: string) => [...queryKeys.all, 'people', prefix.trim().toLowerCase()] as const,
  /** A plan's reminder policy with its priorities (the settings form). */
  reminderSettings: (planId: string) => [...queryKeys.planScope(planId), 'reminder-settings'] as const,
  /** What a reminder run reads: the plan, its milestones and the reminder log (preview, "Send now"). */
  reminderRun: (planId: string) => [...queryKeys.planScope(planId), 'reminder-run'] as const,
  teamChannels: (teamId: string) => [...queryKeys.all, 'team-channels', teamId] as const,
  /** Every channel's messages sit under `channelMessages()`, so one post can refresh them all. */
  channelMessages: () => [...queryKeys.all, 'channel-messages'] as const,
  channelMessagesOf: (teamId: string, channelId: string) =>
    [...queryKeys.channelMessages(), teamId, channelId] as const,
  /** What the local Workflows receiver could not post in a channel: refreshed with its messages. */
  flowFailuresIn: (channelId: string) =>
    [...queryKeys.channelMessages(), 'flow-failures', channelId] as const,
};
