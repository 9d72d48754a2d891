import {
  makeAction,
  makeFocusArea,
  makeMilestone,
  makePlan,
  type Action,
  type Milestone,
} from '../../../src/domain';
import type { Stored } from '../../../src/domain';

/** Deterministic builders for the board's and My work's tables. */
export const TODAY = '2026-11-23';

export function action(overrides: Partial<Action> & { reference: string }): Stored<Action> {
  return {
    ...makeAction({
      id: `a-${overrides.reference}`,
      planId: 'plan-1',
      priorityId: 'p1',
      text: `Action ${overrides.reference}`,
      ...overrides,
    }),
    etag: '"1"',
  };
}

export function milestone(
  actionId: string,
  dueDate: string,
  overrides: Partial<Milestone> = {},
): Stored<Milestone> {
  return {
    ...makeMilestone({
      id: `m-${actionId}-${dueDate}`,
      planId: 'plan-1',
      priorityId: 'p1',
      actionId,
      title: `Milestone due ${dueDate}`,
      dueDate,
      ...overrides,
    }),
    etag: '"1"',
  };
}

export const hannah = {
  entraId: 'e-hannah',
  upn: 'hannah.whitfield@demo.localarea.example',
  displayName: 'Hannah Whitfield',
  agency: 'Leicestershire County Council',
};
export const aisha = {
  entraId: 'e-aisha',
  upn: 'aisha.begum@demo.localarea.example',
  displayName: 'Aisha Begum',
  agency: 'Leicester, Leicestershire and Rutland ICB',
};

export const plan = makePlan({ id: 'plan-1', title: 'Demo plan', localArea: 'Demo' });
export const focusArea = (id: string, reference: string, title: string) =>
  makeFocusArea({ id, planId: 'plan-1', priorityId: 'p1', reference, title });
