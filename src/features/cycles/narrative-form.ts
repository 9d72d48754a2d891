import { EMPTY_NARRATIVE, type Barrier, type Priority } from '../../domain';
import type { NarrativeInput } from '../../plan/narrative';

/** The narrative form's fields, as typed: barriers as rows that may still be half-filled. */
export type NarrativeValues = Omit<Required<NarrativeInput>, 'barriers'> & { barriers: Barrier[] };

export const TEXT_FIELDS = [
  {
    name: 'headline',
    label: 'Improvement headline',
    hint: 'One or two sentences the board reads first',
    rows: 2,
  },
  { name: 'impact', label: 'Impact on children and families ("so what?")', hint: '', rows: 4 },
  { name: 'achieved', label: 'Achieved this period', hint: '', rows: 4 },
  {
    name: 'externalSupport',
    label: 'External support',
    hint: 'DfE and NHS England advisers, peer reviews…',
    rows: 3,
  },
] as const;

export function valuesOf(priority: Priority): NarrativeValues {
  return {
    inspectionConcern: priority.inspectionConcern,
    headline: priority.headline,
    impact: priority.impact,
    achieved: priority.achieved,
    externalSupport: priority.externalSupport,
    barriers: priority.barriers.map((b) => ({ ...b })),
    nextSteps: priority.nextSteps,
  };
}

/** Rows left wholly empty are dropped: an "Add a barrier" pressed by mistake is not an error. */
export function toInput(values: NarrativeValues): NarrativeInput {
  return {
    ...values,
    barriers: values.barriers.filter((b) => b.concern.trim() !== '' || b.response.trim() !== ''),
  };
}

export const EMPTY_VALUES: NarrativeValues = { ...EMPTY_NARRATIVE, inspectionConcern: '' };
