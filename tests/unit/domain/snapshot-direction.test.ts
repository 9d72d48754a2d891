import { describe, expect, it } from 'vitest';
import { resolveScale } from '../../../src/domain';
import { freezeSnapshot, joinSnapshot, splitSnapshot, type Snapshot } from '../../../src/domain/snapshot';
import { describeDirection, measureDirection, priorityDirection } from '../../../src/domain/direction';
import { planGlance } from '../../../src/domain/glance';
import { action, milestone, priority } from '../reminders/builders';

const bragp = resolveScale('bragp');
const TODAY = '2026-11-23';

function snapshotOf(statuses: Record<string, string>, takenAt = `${TODAY}T17:00:00Z`): Snapshot {
  return freezeSnapshot({
    cycleId: 'c1',
    planId: 'plan-1',
    scaleId: 'bragp',
    takenAt,
    takenBy: 'Priya Shah',
    asOf: takenAt.slice(0, 10),
    priorities: [priority({ id: 'p1' })],
    actions: Object.entries(statuses).map(([id, status], i) =>
      action({ id, reference: `1.${i + 1}`, status, dueDate: null }),
    ),
    milestones: [],
    measures: [],
    readings: [],
    risks: [],
  });
}

describe('direction of travel', () => {
  it('nets the rank changes of the actions rated both times; new actions do not drag a priority down', () => {
    const before = new Map([
      ['a', 'red'],
      ['b', 'amber'],
      ['c', 'green'],
    ]);
    const now = [
      { id: 'a', status: 'green' }, // +2
      { id: 'b', status: 'red' }, // -1
      { id: 'c', status: 'green' },
      { id: 'd', status: 'purple' }, // new
    ];
    expect(priorityDirection(bragp, now, before)).toEqual({
      direction: 'improved',
      up: 1,
      down: 1,
      held: 1,
      added: 1,
    });
    expect(priorityDirection(bragp, now.slice(1), before).direction).toBe('worse');
    expect(priorityDirection(bragp, now, null).direction).toBe('new');
    expect(describeDirection({ direction: 'improved', up: 1, down: 1 })).toBe('↑ Improved (1 up, 1 down)');
  });

  it('reads a measure by its polarity', () => {
    expect(measureDirection({ higherIsBetter: true }, 60, 52)).toBe('improved');
    expect(measureDirection({ higherIsBetter: false }, 60, 52)).toBe('worse');
    expect(measureDirection({ higherIsBetter: false }, 52, 52)).toBe('same');
    expect(measureDirection({ higherIsBetter: true }, 52, null)).toBe('new');
  });
});

describe('snapshots stored in parts', () => {
  const snapshot = snapshotOf(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`a${i}`, 'amber'])));

  it('come back whole from their parts, in any order', () => {
    const payloads = splitSnapshot(snapshot, 500);
    expect(payloads.length).toBeGreaterThan(3);
    const parts = payloads.map((payload, i) => ({ part: i + 1, parts: payloads.length, payload })).reverse();
    expect(joinSnapshot(parts)).toEqual({ ok: true, snapshot });
  });

  it('name what is wrong when a part is missing or was edited outside the app', () => {
    const payloads = splitSnapshot(snapshot, 500);
    const parts = payloads.map((payload, i) => ({ part: i + 1, parts: payloads.length, payload }));
    expect(joinSnapshot(parts.slice(1))).toEqual({
      ok: false,
      reason: `its parts are ${parts
        .slice(1)
        .map((p) => p.part)
        .join(',')} of ${parts.length}`,
    });
    const edited = parts.map((p, i) => (i === 0 ? { ...p, payload: `x${p.payload}` } : p));
    expect(joinSnapshot(edited)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not the JSON'),
    });
    expect(joinSnapshot([])).toEqual({ ok: false, reason: 'it has no parts' });
  });
});

describe('the board view of a snapshot', () => {
  it('lists exceptions in the scale’s own words, with escalation and milestones moved since the last cycle', () => {
    const previous = snapshotOf({ a: 'green', b: 'amber', c: 'green' }, '2026-10-12T17:00:00Z');
    const late = milestone({ id: 'm1', actionId: 'b', dueDate: '2026-10-01' });
    const moved = milestone({
      id: 'm2',
      actionId: 'c',
      dueDate: '2027-01-15',
      dateChanges: [
        {
          from: '2026-12-01',
          to: '2027-01-15',
          reason: 'Board moved',
          changedBy: 'Priya Shah',
          changedAt: '2026-11-01T10:00:00Z',
        },
      ],
    });
    const current = freezeSnapshot({
      ...previous,
      cycleId: 'c2',
      takenAt: `${TODAY}T17:00:00Z`,
      asOf: TODAY,
      priorities: [priority({ id: 'p1' })],
      actions: [
        action({ id: 'a', reference: '1.1', status: 'red', dueDate: null }),
        action({ id: 'b', reference: '1.2', status: 'amber', dueDate: null }),
        action({ id: 'c', reference: '1.3', status: 'green', dueDate: null }),
      ],
      milestones: [late, moved],
      measures: [],
      readings: [],
      risks: [],
    });
    const glance = planGlance(current, previous, bragp, { escalateAfterDays: 14, milestones: [late, moved] });
    expect(glance.exceptions.map((e) => [e.action.reference, e.reasons, e.direction])).toEqual([
      ['1.1', ['red'], 'worse'],
      ['1.2', ['amber', 'overdue', 'escalated'], 'same'],
      ['1.3', ['moved'], 'same'],
    ]);
    expect(glance.reasonLabels.red).toBe('Little or no progress');
    expect(glance.priorities[0]).toMatchObject({ overdue: 1, overdueMilestones: 1 });
    expect(glance.priorities[0]?.direction).toMatchObject({ direction: 'worse', up: 0, down: 1 });
  });
});
