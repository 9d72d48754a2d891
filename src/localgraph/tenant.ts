/** Fixed identifiers of the seeded `contoso` tenant, so scripts and tests can rely on them. */
export const HOSTNAME = 'localhost';
export const SITE_ORIGIN = 'http://localhost';

export const DEMO_TENANT = {
  tenantId: '2362dfad-bcde-4404-b172-9acc7e948ef6',
  tenantName: 'contoso',
  rootSite: {
    id: `${HOSTNAME},36b0664f-c2c4-4704-bcd5-bb2cf59debcb,c9445959-e916-4e02-a4d0-d86ee41c1977`,
    name: 'root',
    displayName: 'Communication site',
    description: 'The tenant root site',
    webUrl: SITE_ORIGIN,
  },
  group: {
    id: '864f14c8-39d4-463e-9d58-dba7aaa077bb',
    displayName: 'SEND Local Area Partnership',
    description: 'Partners of the local area delivering the Written Statement of Action',
    mailNickname: 'SENDLocalAreaPartnership',
  },
  groupSite: {
    id: `${HOSTNAME},3d821a00-548a-4b0e-b538-3b26826ed50d,51c7e814-2b8c-4962-b346-de07b8155660`,
    name: 'SENDLocalAreaPartnership',
    displayName: 'SEND Local Area Partnership',
    description: 'Team site of the SEND Local Area Partnership',
    webUrl: `${SITE_ORIGIN}/sites/SENDLocalAreaPartnership`,
  },
  channels: [
    {
      id: '19:7317ff9c7f730dd1c793c8ae991828f2@thread.tacv2',
      displayName: 'General',
      description: 'General discussion',
    },
    {
      id: '19:68c72a10f016e28452287ddaa0464bd2@thread.tacv2',
      displayName: 'SEND Improvement Board',
      description: 'Board papers, decisions and exception reports',
    },
    {
      id: '19:4f645beb6d71927cdf3e20e40e6cba36@thread.tacv2',
      displayName: 'WSoA action leads',
      description: 'Reminders and updates for action leads',
    },
    {
      id: '19:4b50702aa0e35580e536cb0d8d133fd0@thread.tacv2',
      displayName: 'Priority 1 – Joint commissioning',
      description: 'Improvement priority 1',
    },
    {
      id: '19:ab327b7d65c74e22b3e3ab6c220bf668@thread.tacv2',
      displayName: 'Priority 2 – Co-production',
      description: 'Improvement priority 2',
    },
  ],
  /** The "Workflows" application that incoming-webhook posts are attributed to. */
  workflowsAppId: '2a369e5d-57e2-4eaf-8928-348d6bc6ef1d',
} as const;
