import { describe, expect, it } from 'vitest';
import { resolveScale, type Action } from '../../../src/domain';
import { conflictRows } from '../../../src/features/action/conflict-diff';
import { toFormValues, type ActionFormValues } from '../../../src/features/action/form-model';
import { anAction, daniel } from './builders';

const scale = resolveScale('bragp');
const base = anAction();

function rows(theirs: Partial<Action>, mine: Partial<ActionFormValues>) {
  return conflictRows(base, anAction(theirs), { ...toFormValues(base), ...mine }, scale).map((r) => [
    r.label,
    r.stored,
    r.yours,
    r.changedByThem,
    r.changedByYou,
  ]);
}

describe('what changed since you opened the action', () => {
  it.each<[string, Partial<Action>, Partial<ActionFormValues>, unknown[][]]>([
    ['nothing on either side', {}, {}, []],
    [
      'different fields',
      { governanceForum: 'WSOA Group' },
      { text: 'Audit every plan' },
      [
        ['Action', 'Audit a sample of EHC plans each month', 'Audit every plan', false, true],
        ['Governance forum', 'WSOA Group', 'WSOA Group', true, false],
      ],
    ],
    [
      'the same field, with words for ratings, people and dates',
      { status: 'green', lead: daniel, dueDate: '2027-01-31', dueDatePrecision: 'day' },
      { status: 'red', lead: null, dueDate: 'Feb 2027' },
      [
        ['Lead', 'Daniel Okafor, Leicester, Leicestershire and Rutland ICB', 'No lead', true, true],
        ['Due date', '31 Jan 2027', 'Feb 2027', true, true],
        ['Current rating', 'Good progress', 'Little or no progress', true, true],
      ],
    ],
    ['both made the same change: no difference', { impactRating: 'green' }, { impactRating: 'green' }, []],
    [
      'evidence and blank values',
      { evidenceLinks: [], successMeasures: '' },
      { sustainedRating: 'red' },
      [
        ['Success measures', 'Empty', 'Empty', true, false],
        ['Sustained', 'Not rated', 'Not sustained', false, true],
        ['Evidence', 'None', 'None', true, false],
      ],
    ],
  ])('%s', (_what, theirs, mine, expected) => {
    expect(rows(theirs, mine)).toEqual(expected);
  });
});
