import { describe, expect, it } from 'vitest';
import { logEntriesOf, type ReminderLogItem } from '../../../src/domain/reminders';

function item(
  id: string,
  kind: ReminderLogItem['kind'],
  state: ReminderLogItem['state'],
  keys: string[],
): ReminderLogItem {
  return {
    id,
    key: kind === 'parcel' ? `parcel:run:${id}` : kind === 'lease' ? 'lease:plan-1' : (keys[0] ?? ''),
    planId: 'plan-1',
    kind,
    state,
    keys,
    channel: 'wsoa',
    claimedAt: null,
    sentAt: null,
    sentBy: 'reminder job',
    runId: 'run',
    leaseUntil: null,
  };
}

describe('the reminder log', () => {
  it('gives one state per reminder: sent once any parcel carrying it was sent, else sending', () => {
    const items = [
      item('1', 'parcel', 'sending', ['a', 'b']),
      item('2', 'parcel', 'sent', ['b', 'c']),
      item('3', 'parcel', 'sending', ['c']),
      // An item from before parcels stands for its own reminder.
      item('4', 'milestone-due', 'sent', ['d']),
      // The plan's lease carries no reminders, whatever its state.
      item('5', 'lease', 'running', []),
    ];
    expect(logEntriesOf(items)).toEqual([
      { key: 'a', state: 'sending' },
      { key: 'b', state: 'sent' },
      { key: 'c', state: 'sent' },
      { key: 'd', state: 'sent' },
    ]);
  });
});
