/** One key factory for every cached read, so a write can invalidate exactly what it touched. */
export const queryKeys = {
  all: ['wsoa'] as const,
  overview: (planId: string | null) => [...queryKeys.all, 'overview', planId ?? 'default'] as const,
  board: (planId: string, priorityId: string) => [...queryKeys.all, 'board', planId, priorityId] as const,
};
