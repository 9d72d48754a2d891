/** The tab's URLs, in one place, so every view links the same way (and deep links stay stable). */
export const paths = {
  overview: (planId?: string) => (planId ? `/?plan=${encodeURIComponent(planId)}` : '/'),
  board: (planId: string, priorityId: string) =>
    `/plans/${encodeURIComponent(planId)}/priorities/${encodeURIComponent(priorityId)}`,
  action: (actionId: string) => `/actions/${encodeURIComponent(actionId)}`,
  /** A plan's areas of weakness, priorities, focus areas and actions, archived ones too, to edit. */
  structure: (planId: string) => `/plans/${encodeURIComponent(planId)}/structure`,
  newPlan: () => '/plans/new',
  myWork: () => '/my-work',
  /** Bringing a plan's actions in from its Word document, workbook, CSV file or a paste. */
  importPlan: (planId: string) => `/plans/${encodeURIComponent(planId)}/import`,
  /** The plan's measures: readings over time against baseline, target and trajectory. */
  measures: (planId: string) => `/plans/${encodeURIComponent(planId)}/measures`,
  /** The joint risk register and its heat map. */
  risks: (planId: string) => `/plans/${encodeURIComponent(planId)}/risks`,
  /** Each area of significant weakness with what addresses it, ahead of a revisit. */
  revisit: (planId: string) => `/plans/${encodeURIComponent(planId)}/revisit`,
  /** Reporting cycles, their snapshots and report packs. */
  cycles: (planId: string) => `/plans/${encodeURIComponent(planId)}/cycles`,
  /** A priority's narrative for the coming cycle, written by its lead. */
  narrative: (planId: string, priorityId: string) =>
    `/plans/${encodeURIComponent(planId)}/priorities/${encodeURIComponent(priorityId)}/narrative`,
  /** A channel tab's configuration page (the manifest's configurationUrl) and its removal page. */
  configure: () => '/config',
  remove: () => '/remove',
};

/** Route patterns for the router (and for starting a view's reads before it renders). */
export const routes = {
  board: '/plans/:planId/priorities/:priorityId',
  action: '/actions/:actionId',
  importPlan: '/plans/:planId/import',
  structure: '/plans/:planId/structure',
  newPlan: '/plans/new',
  measures: '/plans/:planId/measures',
  risks: '/plans/:planId/risks',
  revisit: '/plans/:planId/revisit',
  cycles: '/plans/:planId/cycles',
  narrative: '/plans/:planId/priorities/:priorityId/narrative',
  configure: '/config',
  remove: '/remove',
};
