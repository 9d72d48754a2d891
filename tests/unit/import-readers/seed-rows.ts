/**
 * Text copied from the real documents in shared/seeds/: action texts, focus areas
 * and references of Leicestershire's WSoA Highlight Report 2 (March 2021, Section
 * 2), and areas of concern and actions of Lancashire's WSoA progress summary
 * (October 2019). Neither summary names a lead, a timescale or a rating per action,
 * so the fixtures take those from elsewhere in the same documents: leads are the
 * people and agencies of Leicestershire's Appendix 1 and Lancashire's partnership
 * bodies, timescales the months the documents give, ratings the BRAG(P) letters of
 * Leicestershire's Section 1 and the words of a typical tracker.
 */
export const LEICS = {
  title: 'Joint area SEND inspection in Leicestershire – Written Statement of Action – Highlight Report 2',
  area1: 'Absence of a Joint Commissioning Strategy',
  area2: 'AREA 2 – Quality of EHC plans',
  focus11: 'Joint Commissioning Strategy',
  action111: 'Co-produce an accountability, governance and responsibility structure',
  action112: 'Develop and agree a new Joint Commissioning Strategy',
  action113:
    'To produce a statement of purpose with a clear vision, framework and priorities for the development of joint commissioning of SEND in Leicestershire',
  focus12:
    'Identify new opportunities for joint commissioning of services across Education, Health and Care (mapping exercise)',
  action121:
    'Undertake a joint baseline assessment of current commissioned SEND services and identify any services or provision needs with an action plan prepared to address the gaps',
  action122: 'To produce an action plan to deliver effective integrated working',
  focus21: 'Statutory assessment processes',
  action211: 'Review of statutory assessment process',
  action212: 'Revised process and pathway',
  action213: 'New EHC plan template',
  action244: 'Define standards of health and social care advice for EHC plans',
  action1101: 'IT portal',
  monthly: 'Monthly',
  kpis: "KPI's",
  kpisHow:
    'Discussions and challenge held at LA Departmental Management Group and Education & SEND Senior Management Team and CCG SMT meetings',
  board: 'SEND and Inclusion Board',
  leads: {
    sumner: 'P Sumner (LCC)',
    west: 'C West (CCG)',
    common: 'T Common (LCC)',
    wile: 'B Wile (LCC)',
    rigby: 'S Rigby (PCF)',
    young: 'J Young (CCG)',
    davis: 'C Davis (LCC)',
  },
} as const;

export const LANCS = {
  area1:
    '1. Leaders from across the partnership are working together strategically to deliver a shared vision',
  action1a: 'Lancashire SEND Partnership was established in March 2018 and a new vision and strategy agreed.',
  action1b: 'An Operational Group drives progress and reports to the Partnership Board.',
  action1c:
    'Accountable officers lead the Partnership and report progress to the Health and Wellbeing Board.',
  area4: '4. Parent carers are part of the strategic governance and leadership arrangements.',
  action4a:
    "Local Area Partnership meetings take place, along with informal 'coffee and cake' events for parent carers.",
  area7: '7. The diagnostic pathway for ASD re-established in the North.',
  action7a:
    'High-level pan-Lancashire Neurodevelopmental Assessment and Diagnostic pathway has been designed and agreed with contributions from more than 100 professionals and 400 parent carers.',
  area12:
    '12. The Local Offer website has been reviewed and redesigned and is supported by a range of communication methods.',
  action12a:
    'External partner will host a directory of services to ensure Local Offer is easier to navigate.',
  board: 'SEND Partnership Board',
  pcf: 'Parent Carer Forum (PCF)',
  dco: 'Designated Clinical Officers',
} as const;
