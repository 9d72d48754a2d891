/** The tab's URLs, in one place, so every view links the same way (and deep links stay stable). */
export const paths = {
  overview: (planId?: string) => (planId ? `/?plan=${encodeURIComponent(planId)}` : '/'),
  board: (planId: string, priorityId: string) =>
    `/plans/${encodeURIComponent(planId)}/priorities/${encodeURIComponent(priorityId)}`,
  action: (actionId: string) => `/actions/${encodeURIComponent(actionId)}`,
  myWork: () => '/my-work',
  /** A channel tab's configuration page (the manifest's configurationUrl) and its removal page. */
  configure: () => '/config',
  remove: () => '/remove',
};

/** Route patterns for the router (and for starting a view's reads before it renders). */
export const routes = {
  board: '/plans/:planId/priorities/:priorityId',
  action: '/actions/:actionId',
  configure: '/config',
  remove: '/remove',
};
