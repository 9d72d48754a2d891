import { EMPTY_NARRATIVE, type PriorityNarrative } from '../../domain';

/**
 * What the demo's priority leads wrote for each cycle, newest first: the live
 * narrative (for the coming board), then the two boards before it. Drawn from the
 * Leicestershire highlight report's shape (seeds/leicestershire-wsoa-highlight-report-2021.txt).
 */
const NARRATIVES: Record<number, [PriorityNarrative, PriorityNarrative, PriorityNarrative]> = {
  1: [
    {
      headline: 'Joint Commissioning Strategy agreed by all partners; JSNA for SEND published.',
      impact:
        'Families can now see one local offer of short breaks and therapies; the parent carer forum reports fewer families passed between services.',
      achieved:
        'Strategy signed by the council and the ICB; SEND JSNA chapter published; joint commissioning group meeting monthly with an agreed work plan.',
      externalSupport:
        'DfE SEND adviser reviewed the strategy; NHS England peer review of the joint commissioning group.',
      barriers: [
        {
          concern: 'The Joint Working Agreement is still with partners’ legal teams.',
          response: 'Change control: signature moved to the February board; chief officers briefed.',
        },
      ],
      nextSteps:
        'Sign the Joint Working Agreement; commission the pooled speech and language therapy service.',
    },
    {
      headline: 'Strategy drafted with the parent carer forum; JSNA chapter in final review.',
      impact:
        'Too early to see a change for families: the work so far sets up how services will be bought together.',
      achieved:
        'Draft strategy co-produced in four workshops; data for the JSNA chapter gathered from all partners.',
      externalSupport: 'DfE SEND adviser attended two workshops.',
      barriers: [
        {
          concern: 'Health data for the JSNA came late from two providers.',
          response: 'Mitigation: the DCO escalated through the ICB; data received in full.',
        },
      ],
      nextSteps: 'Take the strategy to the council cabinet and the ICB board; publish the JSNA chapter.',
    },
    {
      headline: 'Commissioning priorities agreed; strategy work started late.',
      impact: 'No change for families yet.',
      achieved: 'Joint commissioning group set up with terms of reference.',
      externalSupport: '',
      barriers: [
        {
          concern: 'No joint commissioning lead in post for three months.',
          response: 'Mitigation: interim lead seconded from the ICB.',
        },
      ],
      nextSteps: 'Run the co-production workshops; gather the JSNA data.',
    },
  ],
  2: [
    {
      headline:
        'New EHC plan template in use; audit shows improving quality but timeliness remains a concern.',
      impact:
        'Six in ten plans audited are now good or better, so more children have outcomes their schools can work to; families still wait too long for a final plan.',
      achieved:
        'Template and quality standards in use across education, health and care; multi-agency audit of 40 plans each quarter; SENA team at full strength.',
      externalSupport: 'Council for Disabled Children training for plan writers; regional peer audit.',
      barriers: [
        {
          concern: 'Requests for assessment rose by a fifth this year.',
          response:
            'Mitigation: temporary SENA officers recruited; weekly backlog review at the operational group.',
        },
        {
          concern: 'Health advice returned late for a third of assessments.',
          response: 'Mitigation: DCO tracks requests weekly; escalation route agreed with providers.',
        },
      ],
      nextSteps:
        'Bring 20-week timeliness to 60%; train school SENCOs to contribute advice in the new format.',
    },
    {
      headline: 'Template launched; first audit shows a mixed picture.',
      impact:
        'Early audits show clearer outcomes in new plans; older plans are unchanged until their annual review.',
      achieved: 'Template launched with training for 60 plan writers; first multi-agency audit completed.',
      externalSupport: 'Council for Disabled Children training.',
      barriers: [
        {
          concern: 'Backlog of assessments after the summer.',
          response: 'Change control: timeliness milestone moved from October to January.',
        },
      ],
      nextSteps: 'Second audit; recruit temporary SENA officers.',
    },
    {
      headline: 'Quality standards agreed with partners.',
      impact: 'No change for families yet.',
      achieved: 'Quality standards for EHC plans agreed by education, health and care.',
      externalSupport: '',
      barriers: [],
      nextSteps: 'Launch the new template and train plan writers.',
    },
  ],
};

/** The live narrative and the two past ones of an area (blank past narratives where the demo has none). */
export function demoNarratives(area: number): [PriorityNarrative, PriorityNarrative, PriorityNarrative] {
  return NARRATIVES[area] ?? [EMPTY_NARRATIVE, EMPTY_NARRATIVE, EMPTY_NARRATIVE];
}
