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
  action: (actionId: string) => [...queryKeys.all, 'action', actionId] as const,
  myWork: () => [...queryKeys.all, 'my-work'] as const,
};
