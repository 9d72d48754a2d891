import { makeAction, type Action, type PersonRef } from '../../../src/domain';

export const hannah: PersonRef = {
  entraId: 'a601063b-5771-42e1-9e5f-9cbc7e320f9e',
  upn: 'hannah.whitfield@demo.localarea.example',
  displayName: 'Hannah Whitfield',
  agency: 'Leicestershire County Council',
};

export const daniel: PersonRef = {
  entraId: '1bb8e678-d224-4dd6-a8d9-bf74539f58b9',
  upn: 'daniel.okafor@demo.localarea.example',
  displayName: 'Daniel Okafor',
  agency: 'Leicester, Leicestershire and Rutland ICB',
};

/** The action most tests start from: every field filled, a month-only due date. */
export function anAction(overrides: Partial<Action> = {}): Action {
  return makeAction({
    id: '42',
    planId: 'plan',
    priorityId: 'ip2',
    reference: '2.3.1',
    text: 'Audit a sample of EHC plans each month',
    successMeasures: '70% of audited plans rated good or better',
    lead: hannah,
    governanceForum: 'SEND and Inclusion Board',
    dueDate: '2026-12-31',
    dueDatePrecision: 'month',
    status: 'amber',
    impactRating: 'amber',
    sustainedRating: null,
    progressNarrative: 'Audit tool agreed with health partners.',
    evidenceLinks: [{ title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' }],
    updatedAt: '2026-11-02T09:30:00Z',
    ...overrides,
  });
}
