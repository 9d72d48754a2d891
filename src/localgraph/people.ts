import type { SiteRole } from './types';

export interface DemoPerson {
  /** Short name used by commands (`--as lead`) and the local sign-in screen. */
  alias: string;
  /** Entra object id (stable across data directories). */
  id: string;
  kind: 'user' | 'app';
  displayName: string;
  givenName: string | null;
  surname: string | null;
  /** null for the app principal: service principals have no UPN. */
  userPrincipalName: string | null;
  jobTitle: string;
  companyName: string;
  department: string | null;
  /** Role on both seeded sites (the app principal writes like Sites.Selected write). */
  siteRole: SiteRole;
}

const DOMAIN = 'demo.localarea.example';

function person(
  alias: string,
  id: string,
  givenName: string,
  surname: string,
  jobTitle: string,
  companyName: string,
  department: string | null,
  siteRole: SiteRole,
): DemoPerson {
  const local = `${givenName}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
  return {
    alias,
    id,
    kind: 'user',
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: `${local}@${DOMAIN}`,
    jobTitle,
    companyName,
    department,
    siteRole,
  };
}

const LCC = 'Leicestershire County Council';
const ICB = 'Leicester, Leicestershire and Rutland ICB';
const LPT = 'Leicestershire Partnership NHS Trust';
const UHL = 'University Hospitals of Leicester NHS Trust';
const PCF = 'Leicestershire Parent Carer Forum';
const SCHOOL = 'Meadowbrook Primary School';

/** The seeded directory. Every person is fictional; UPNs use a reserved-style demo domain. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  person(
    'officer',
    '1c0fccc6-076f-4a48-bdd1-88d88d152aef',
    'Priya',
    'Shah',
    'SEND Improvement Programme Officer',
    LCC,
    'SEND service',
    'owner',
  ),
  person(
    'priority-lead',
    '1bb8e678-d224-4dd6-a8d9-bf74539f58b9',
    'Daniel',
    'Okafor',
    'Priority Lead, Joint Commissioning',
    ICB,
    'Children and Young People Commissioning',
    'member',
  ),
  person(
    'lead',
    'a601063b-5771-42e1-9e5f-9cbc7e320f9e',
    'Hannah',
    'Whitfield',
    'SEND Service Manager (action lead)',
    LCC,
    'SEND service',
    'member',
  ),
  person(
    'chair',
    '944f4092-6999-45c0-ba16-d797850ad572',
    'Margaret',
    'Ellison',
    'Chair, SEND Improvement Board',
    LCC,
    'Children and Family Services',
    'visitor',
  ),
  person(
    'lead-send-1',
    '27cbad72-5ab6-4772-9207-b188948e1b0b',
    'Tom',
    'Hargreaves',
    'SEND Commissioning Lead',
    LCC,
    'SEND service',
    'member',
  ),
  person(
    'lead-send-2',
    '8934f0c1-8de4-423a-b522-0a1c106a863f',
    'Olivia',
    'Grant',
    'EHC Assessment Team Manager',
    LCC,
    'SEND service',
    'member',
  ),
  person(
    'lead-social-care-1',
    '690e49f8-899f-41fa-89ba-615f8f01f816',
    'Aisha',
    'Begum',
    "Head of Service, Children's Social Care",
    LCC,
    'Social care',
    'member',
  ),
  person(
    'lead-inclusion-1',
    '3f36bdd8-dc70-449b-97fa-10d7369c4da0',
    'Gareth',
    'Lloyd',
    'Inclusion Service Manager',
    LCC,
    'Inclusion',
    'member',
  ),
  person(
    'lead-health-1',
    '596eb2a4-69f9-4325-9be3-a607eff2b313',
    'Sarah',
    'Mitchell',
    'Designated Clinical Officer for SEND',
    ICB,
    'Quality and Safety',
    'member',
  ),
  person(
    'lead-health-2',
    'e3190302-34e7-430e-8622-2ae4ba61b926',
    'Rebecca',
    'Cole',
    "Head of Children's Commissioning",
    ICB,
    'Children and Young People Commissioning',
    'member',
  ),
  person(
    'lead-health-3',
    '2fd16a34-6fe1-4ca8-a4c6-1102d3212837',
    'James',
    'Patel',
    'Service Manager, Community Paediatrics',
    LPT,
    'Families, Young People and Children',
    'member',
  ),
  person(
    'lead-health-4',
    '23bd5990-92e0-4e9e-899a-daee9943e95a',
    'Emma',
    'Richardson',
    "Lead Nurse, Children's Community Services",
    LPT,
    'Families, Young People and Children',
    'member',
  ),
  person(
    'lead-health-5',
    'd80a57ee-e5bb-4b28-a8c2-87583c64c568',
    'Michael',
    'Turner',
    'Consultant Community Paediatrician',
    UHL,
    "Children's Hospital",
    'member',
  ),
  person(
    'lead-pcf-1',
    '1ef70918-f0bf-4fc5-a833-52a7137ce587',
    'Claire',
    'Dawson',
    'Co-chair, Parent Carer Forum',
    PCF,
    null,
    'member',
  ),
  person(
    'lead-school-1',
    '55c4cc47-e31d-4ae2-aaa7-b86473898a4d',
    'Helen',
    'Marsh',
    'Headteacher and SENCO',
    SCHOOL,
    null,
    'member',
  ),
  {
    alias: 'app',
    id: 'df92881d-c7d2-425e-a5c7-a5c82f9df8d3',
    kind: 'app',
    displayName: 'WSoA reminders (app-only)',
    givenName: null,
    surname: null,
    userPrincipalName: null,
    jobTitle: 'Unattended reminder job (application permissions)',
    companyName: LCC,
    department: null,
    siteRole: 'member',
  },
];

export function findPerson(aliasOrUpn: string): DemoPerson | undefined {
  const key = aliasOrUpn.trim().toLowerCase();
  return DEMO_PEOPLE.find((p) => p.alias === key || p.userPrincipalName === key || p.id === key);
}
