import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToday } from '../../../src/ui/use-today';

function Today() {
  return <p>{useToday()}</p>;
}

describe('today in a tab left open', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves on at London midnight, in summer time too', () => {
    vi.setSystemTime(new Date('2026-06-30T22:59:00Z')); // 23:59 BST
    render(<Today />);
    expect(screen.getByText('2026-06-30')).toBeDefined();
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByText('2026-06-30')).toBeDefined();
    act(() => vi.advanceTimersByTime(31_000));
    expect(screen.getByText('2026-07-01')).toBeDefined();
    // And again the next night, from the new day's own timer.
    act(() => vi.advanceTimersByTime(24 * 3_600_000));
    expect(screen.getByText('2026-07-02')).toBeDefined();
  });

  it('looks again when the tab is shown, as a background tab’s timers may not have run', () => {
    vi.setSystemTime(new Date('2026-12-03T09:00:00Z'));
    render(<Today />);
    expect(screen.getByText('2026-12-03')).toBeDefined();
    vi.setSystemTime(new Date('2026-12-05T08:00:00Z'));
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(screen.getByText('2026-12-05')).toBeDefined();
  });
});
