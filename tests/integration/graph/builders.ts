import { makeAction, type Action } from '../../../src/domain';

/** Deterministic actions for a plan of any size, spread over priorities and focus areas. */
export function manyActions(planId: string, count: number, priorities = 9): Omit<Action, 'id'>[] {
  return Array.from({ length: count }, (_, i) => {
    const priority = (i % priorities) + 1;
    const { id: _id, ...action } = makeAction({
      id: 'new',
      planId,
      priorityId: `p${priority}`,
      reference: `${priority}.${Math.floor(i / priorities / 10) + 1}.${(Math.floor(i / priorities) % 10) + 1}`,
      text: `Action ${i + 1} of a large plan`,
      status: ['purple', 'red', 'amber', 'green', 'blue'][i % 5] ?? 'purple',
      dueDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
      lead: {
        entraId: `lead-${i % 50}`,
        upn: `lead${i % 50}@demo.localarea.example`,
        displayName: `Lead ${i % 50}`,
        agency: 'Demo agency',
      },
    });
    return action;
  });
}
