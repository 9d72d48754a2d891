import { describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makeMilestone,
  makePriority,
  makeWeakness,
  partsInUse,
  validate,
  type Action,
  type FocusArea,
  type Priority,
  type Validated,
} from '../../../src/domain';
import {
  checkFreeNumber,
  defaultPriorityLabel,
  followLabel,
  moveBy,
  moveTo,
  nextActionReference,
  nextFocusAreaReference,
  nextNumber,
  placeAmongSiblings,
  rebaseReference,
  renumber,
  type PlanStructure,
  type StructureChange,
} from '../../../src/domain/structure';
import {
  actionInputSchema,
  inspectionDateInputSchema,
  priorityInputSchema,
  weaknessInputSchema,
} from '../../../src/domain/structure-input';

const planId = 'plan';

/**
 * A small plan as the tests read it:
 *   areas of weakness 1, 2, 3 (3 archived)
 *   Priority 1 (answers 1): 1.1 [1.1.1, 1.1.2 archived, 1.1.3], 1.2 [1.2.1]
 *   Priority 2 (answers 2, 3): 2.1 [2.1.1], 2.2 archived [2.2.1], 2.3 [2.3.1]; own action 2.4
 *   Priority 3, archived (answers 1): 3.1 [3.1.1]
 *   Priority 4 (answers 2): 4.1 [4.1.1]
 */
function aPlan(): PlanStructure {
  const weaknesses = [1, 2, 3].map((number) =>
    makeWeakness({ id: `w${number}`, planId, number, finding: `Finding ${number}`, archived: number === 3 }),
  );
  const priorities: Priority[] = [
    makePriority({ id: 'p1', planId, number: 1, title: 'Joint commissioning', weaknessNumbers: [1] }),
    makePriority({ id: 'p2', planId, number: 2, title: 'EHC plans', weaknessNumbers: [2, 3] }),
    makePriority({ id: 'p3', planId, number: 3, title: 'Old', weaknessNumbers: [1], archived: true }),
    makePriority({ id: 'p4', planId, number: 4, title: 'Transitions', weaknessNumbers: [2] }),
  ];
  const focus = (priorityId: string, reference: string, archived = false): FocusArea =>
    makeFocusArea({
      id: `f${reference}`,
      planId,
      priorityId,
      reference,
      title: `Focus ${reference}`,
      archived,
    });
  const focusAreas = [
    focus('p1', '1.1'),
    focus('p1', '1.2'),
    focus('p2', '2.1'),
    focus('p2', '2.2', true),
    focus('p2', '2.3'),
    focus('p3', '3.1'),
    focus('p4', '4.1'),
  ];
  const action = (reference: string, focusAreaId: string | null, archived = false): Action => {
    const priorityId = `p${reference.split('.')[0]}`;
    return makeAction({
      id: `a${reference}`,
      planId,
      priorityId,
      focusAreaId,
      reference,
      text: `Action ${reference}`,
      archived,
    });
  };
  const actions = [
    action('1.1.1', 'f1.1'),
    action('1.1.2', 'f1.1', true),
    action('1.1.3', 'f1.1'),
    action('1.2.1', 'f1.2'),
    action('2.1.1', 'f2.1'),
    action('2.2.1', 'f2.2'),
    action('2.3.1', 'f2.3'),
    action('2.4', null),
    action('3.1.1', 'f3.1'),
    action('4.1.1', 'f4.1'),
  ];
  return { weaknesses, priorities, focusAreas, actions };
}

function changesOf(result: Validated<StructureChange[]>): Record<string, object> {
  if (!result.ok) throw new Error(`Expected changes, got ${JSON.stringify(result.issues)}`);
  const seen = new Set<string>();
  const byId: Record<string, object> = {};
  for (const change of result.value) {
    expect(seen.has(change.id), `${change.id} changed once`).toBe(false);
    seen.add(change.id);
    byId[change.id] = change.patch;
  }
  return byId;
}

describe('moving a part of the plan renumbers it and its siblings, and references follow', () => {
  it('a priority moved from 2 down past the archived 3 swaps numbers with 4, taking its focus areas and actions along', () => {
    const changes = changesOf(moveBy(aPlan(), { kind: 'priority', id: 'p2' }, 1));
    expect(changes).toEqual({
      p2: { number: 4, label: 'Priority 4' },
      p4: { number: 2, label: 'Priority 2' },
      // Priority 2's focus areas and actions, the archived ones too, become 4.x.
      'f2.1': { reference: '4.1' },
      'f2.2': { reference: '4.2' },
      'f2.3': { reference: '4.3' },
      'a2.1.1': { reference: '4.1.1' },
      'a2.2.1': { reference: '4.2.1' },
      'a2.3.1': { reference: '4.3.1' },
      'a2.4': { reference: '4.4' },
      // Priority 4's become 2.x.
      'f4.1': { reference: '2.1' },
      'a4.1.1': { reference: '2.1.1' },
    });
  });

  it('an action moved up within its focus area renumbers only the siblings whose place changes', () => {
    const changes = changesOf(moveBy(aPlan(), { kind: 'action', id: 'a1.1.3' }, -1));
    // 1.1.2 is archived: it keeps its number, and the two in use trade theirs.
    expect(changes).toEqual({ 'a1.1.3': { reference: '1.1.1' }, 'a1.1.1': { reference: '1.1.3' } });
  });

  it('a focus area moved down takes its actions with it; the archived focus area between keeps its reference', () => {
    const changes = changesOf(moveBy(aPlan(), { kind: 'focusArea', id: 'f2.1' }, 1));
    expect(changes).toEqual({
      'f2.1': { reference: '2.3' },
      'a2.1.1': { reference: '2.3.1' },
      'f2.3': { reference: '2.1' },
      'a2.3.1': { reference: '2.1.1' },
    });
  });

  it('an area of weakness moved is linked by its new number from the priorities that answer it', () => {
    const changes = changesOf(moveBy(aPlan(), { kind: 'weakness', id: 'w1' }, 1));
    expect(changes).toEqual({
      w1: { number: 2 },
      w2: { number: 1 },
      p1: { weaknessNumbers: [2] },
      p2: { weaknessNumbers: [1, 3] },
      // An archived priority's link follows too, so its record still names the right finding.
      p3: { weaknessNumbers: [2] },
      p4: { weaknessNumbers: [1] },
    });
  });

  it.each([
    ['the first up', 'p1', -1],
    ['the last in use down', 'p4', 1],
  ])('moving %s changes nothing', (_what, id, offset) => {
    expect(moveBy(aPlan(), { kind: 'priority', id }, offset)).toEqual({ ok: true, value: [] });
  });

  it('a move to an index past either end goes to that end', () => {
    const toEnd = changesOf(moveTo(aPlan(), { kind: 'priority', id: 'p1' }, 99));
    expect(toEnd).toMatchObject({ p1: { number: 4 }, p2: { number: 1 }, p4: { number: 2 } });
    const toStart = changesOf(moveTo(aPlan(), { kind: 'priority', id: 'p4' }, -5));
    expect(toStart).toMatchObject({ p4: { number: 1 }, p1: { number: 2 }, p2: { number: 4 } });
  });

  it('refuses to move an archived item, or one that is not in the plan', () => {
    expect(moveBy(aPlan(), { kind: 'priority', id: 'p3' }, -1)).toEqual({
      ok: false,
      issues: [{ field: '', message: 'Priority is archived: restore it before changing it' }],
    });
    const unknown = moveBy(aPlan(), { kind: 'action', id: 'nope' }, 1);
    expect(unknown.ok).toBe(false);
  });

  it('knows where an item stands among its siblings in use', () => {
    expect(placeAmongSiblings(aPlan(), { kind: 'priority', id: 'p4' })).toEqual({ index: 2, count: 3 });
    expect(placeAmongSiblings(aPlan(), { kind: 'action', id: 'a1.1.3' })).toEqual({ index: 1, count: 2 });
  });
});

describe('giving an area of weakness or a priority a number of its own', () => {
  it('a priority renumbered takes its references and its label with it', () => {
    const changes = changesOf(renumber(aPlan(), { kind: 'priority', id: 'p1' }, 7));
    expect(changes).toEqual({
      p1: { number: 7, label: 'Priority 7' },
      'f1.1': { reference: '7.1' },
      'f1.2': { reference: '7.2' },
      'a1.1.1': { reference: '7.1.1' },
      'a1.1.2': { reference: '7.1.2' },
      'a1.1.3': { reference: '7.1.3' },
      'a1.2.1': { reference: '7.2.1' },
    });
  });

  it('refuses a number an archived sibling holds: numbers are never reused', () => {
    expect(renumber(aPlan(), { kind: 'priority', id: 'p1' }, 3)).toEqual({
      ok: false,
      issues: [
        {
          field: 'number',
          message:
            'Priority 3 already exists (archived, and numbers are never reused): choose another number',
        },
      ],
    });
    expect(checkFreeNumber(aPlan(), 'weakness', 2)).toEqual({
      ok: false,
      issues: [{ field: 'number', message: 'Area of weakness 2 already exists: choose another number' }],
    });
    expect(checkFreeNumber(aPlan(), 'weakness', 4)).toEqual({ ok: true, value: 4 });
  });

  it('an area of weakness renumbered is relinked', () => {
    expect(changesOf(renumber(aPlan(), { kind: 'weakness', id: 'w2' }, 5))).toEqual({
      w2: { number: 5 },
      p2: { weaknessNumbers: [3, 5] },
      p4: { weaknessNumbers: [5] },
    });
  });
});

describe('numbers and references for new items never reuse an archived one', () => {
  it('gives the number after the highest held, archived ones included', () => {
    expect(nextNumber(aPlan(), 'weakness')).toBe(4);
    expect(nextNumber(aPlan(), 'priority')).toBe(5);
    expect(nextNumber({ ...aPlan(), priorities: [] }, 'priority')).toBe(1);
  });

  it('gives the next focus area reference past the priority’s own actions and archived focus areas', () => {
    const plan = aPlan();
    const p = (id: string) => plan.priorities.find((x) => x.id === id) as Priority;
    // 2.1, 2.2 (archived), 2.3 and the own action 2.4 are taken.
    expect(nextFocusAreaReference(plan, p('p2'))).toBe('2.5');
    expect(nextFocusAreaReference(plan, p('p1'))).toBe('1.3');
  });

  it('gives the next action reference in a focus area, or under the priority', () => {
    const plan = aPlan();
    const p1 = plan.priorities[0] as Priority;
    const f11 = plan.focusAreas[0] as FocusArea;
    expect(nextActionReference(plan, p1, f11)).toBe('1.1.4');
    expect(nextActionReference(plan, p1, null)).toBe('1.3');
    const empty = makeFocusArea({ id: 'x', planId, priorityId: 'p1', reference: '1.9', title: 'New' });
    expect(nextActionReference(plan, p1, empty)).toBe('1.9.1');
  });
});

describe('labels and references as plans write them', () => {
  it.each([
    [['Priority 1', 'Priority 2'], 3, 'Priority 3'],
    [['Area 1', 'Area 2'], 3, 'Area 3'],
    [['IP1', 'IP2'], 3, 'IP3'],
    [['Joint commissioning'], 2, 'Priority 2'],
    [[], 1, 'Priority 1'],
  ])('after %j a new priority %i is labelled %j', (labels, number, expected) => {
    const priorities = labels.map((label, i) => ({ number: i + 1, label }));
    expect(defaultPriorityLabel(priorities, number)).toBe(expected);
  });

  it.each([
    ['Priority 2', 2, 3, 'Priority 3'],
    ['IP2', 2, 5, 'IP5'],
    ['Crosscutting', 2, 3, 'Crosscutting'],
    ['Priority 12', 2, 3, 'Priority 12'],
  ])('label %j going from %i to %i reads %j', (label, from, to, expected) => {
    expect(followLabel(label, from, to)).toBe(expected);
  });

  it.each([
    ['2.1.3', '2', '3', '3.1.3'],
    ['2.1.3', '2.1', '2.4', '2.4.3'],
    ['2.10', '2.1', '2.4', '2.10'],
    ['2', '2', '3', '2'],
    ['7.1', '2', '3', '7.1'],
  ])('reference %s with %s becoming %s reads %s', (reference, from, to, expected) => {
    expect(rebaseReference(reference, from, to)).toBe(expected);
  });
});

describe('what of a plan is in use', () => {
  it('leaves out archived items, what sits inside them, and their milestones', () => {
    const plan = aPlan();
    const milestones = plan.actions.map((a) =>
      makeMilestone({
        id: `m${a.reference}`,
        planId,
        priorityId: a.priorityId,
        actionId: a.id,
        title: `Milestone of ${a.reference}`,
        dueDate: '2027-01-31',
      }),
    );
    const inUse = partsInUse({ ...plan, milestones });
    expect(inUse.priorities.map((p) => p.id)).toEqual(['p1', 'p2', 'p4']);
    expect(inUse.focusAreas.map((f) => f.reference)).toEqual(['1.1', '1.2', '2.1', '2.3', '4.1']);
    const kept = ['1.1.1', '1.1.3', '1.2.1', '2.1.1', '2.3.1', '2.4', '4.1.1'];
    expect(inUse.actions.map((a) => a.reference)).toEqual(kept);
    expect(inUse.milestones.map((m) => m.title)).toEqual(kept.map((r) => `Milestone of ${r}`));
  });

  it('keeps an action whose priority or focus area was not read: nothing says it is archived', () => {
    const plan = aPlan();
    const inUse = partsInUse({ priorities: [], focusAreas: [], actions: plan.actions, milestones: [] });
    expect(inUse.actions).toHaveLength(plan.actions.filter((a) => !a.archived).length);
  });
});

describe('what a person types for the structure', () => {
  it.each([
    ['', 'Area number is required'],
    ['two', 'Area number must be a whole number, such as 3'],
    ['2.5', 'Area number must be a whole number, such as 3'],
    ['0', 'Area number must be 1 or more'],
    ['10000', 'Area number must be at most 9999'],
  ])('an area number typed %j is refused: %s', (number, message) => {
    expect(validate(weaknessInputSchema, { number, finding: 'A finding' })).toEqual({
      ok: false,
      issues: [{ field: 'number', message }],
    });
  });

  it('reads numbers as typed, and requires the finding', () => {
    expect(validate(weaknessInputSchema, { number: ' 4 ', finding: ' Quoted ' })).toEqual({
      ok: true,
      value: { number: 4, finding: 'Quoted' },
    });
    expect(validate(weaknessInputSchema, { number: 4, finding: '  ' })).toEqual({
      ok: false,
      issues: [{ field: 'finding', message: 'Inspection finding is required' }],
    });
  });

  it('reads a priority with its linked areas as typed', () => {
    expect(
      validate(priorityInputSchema, { number: '3', title: 'Transitions', weaknessNumbers: ['2', 1] }),
    ).toEqual({ ok: true, value: { number: 3, label: '', title: 'Transitions', weaknessNumbers: [2, 1] } });
  });

  it.each([
    ['23 Nov 2026', { date: '2026-11-23', precision: 'day' }],
    ['Dec 2026', { date: '2026-12-31', precision: 'month' }],
    ['', null],
  ])('an action due %j is due %j', (dueDate, expected) => {
    const result = validate(actionInputSchema, { text: 'Publish the JSNA', dueDate });
    expect(result).toMatchObject({ ok: true, value: { dueDate: expected } });
  });

  it('names a due date it cannot read', () => {
    expect(validate(actionInputSchema, { text: 'Publish', dueDate: 'soon' })).toEqual({
      ok: false,
      issues: [
        {
          field: 'dueDate',
          message: '"soon" is not a date: write it as 23 Nov 2026, 23/11/2026 or Nov 2026',
        },
      ],
    });
  });

  it('wants the day of an inspection, not only its month', () => {
    expect(validate(inspectionDateInputSchema, '23/11/2026')).toEqual({ ok: true, value: '2026-11-23' });
    expect(validate(inspectionDateInputSchema, 'Nov 2026')).toEqual({
      ok: false,
      issues: [{ field: '', message: 'Give the day of the inspection, such as 23 Nov 2026' }],
    });
  });
});
