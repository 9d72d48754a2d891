import { describe, expect, it } from 'vitest';
import { currentRecords, logEntriesOf, type ReminderLogRecord } from '../../../src/domain/reminders';

function record(id: string, key: string, state: 'sending' | 'sent'): ReminderLogRecord {
  return {
    id,
    key,
    planId: 'plan-1',
    state,
    kind: 'milestone-due',
    recipientUpn: '',
    channel: 'wsoa',
    claimedAt: null,
    sentAt: null,
    sentBy: 'reminder job',
    attempts: 1,
  };
}

describe('the reminder log', () => {
  it('gives one state per key: sent wins, else the earliest claim (item ids as numbers)', () => {
    const records = [
      record('10', 'a', 'sending'),
      record('9', 'a', 'sending'),
      record('11', 'b', 'sending'),
      record('12', 'b', 'sent'),
      record('2', 'c', 'sent'),
    ];
    expect(currentRecords(records).get('a')?.id).toBe('9');
    expect(currentRecords(records).get('b')?.id).toBe('12');
    expect(logEntriesOf(records)).toEqual([
      { key: 'a', state: 'sending' },
      { key: 'b', state: 'sent' },
      { key: 'c', state: 'sent' },
    ]);
  });
});
