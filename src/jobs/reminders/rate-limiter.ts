/** Time, injectable so the limiter and the retries can be tested without waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface RateLimiter {
  /**
   * Resolves when a request to `key` may start, with a function to call when its
   * answer arrives. Requests to one key start in call order.
   */
  acquire(key: string): Promise<() => void>;
}

/**
 * At most `limit` requests per key in any window of `windowMs`, as the receiver
 * counts them. The receiver sees a request somewhere between its start and its
 * answer, so the window is measured from the answer (the latest it can have been
 * counted) and a delayed request can never bunch up with the next ones. A small
 * margin covers clock granularity.
 */
export function createRateLimiter(
  options: { limit?: number; windowMs?: number; marginMs?: number; clock?: Clock } = {},
): RateLimiter {
  const limit = options.limit ?? 4;
  const windowMs = (options.windowMs ?? 1000) + (options.marginMs ?? 10);
  const clock = options.clock ?? systemClock;
  const recent = new Map<string, number[]>();
  const queues = new Map<string, Promise<unknown>>();

  async function waitForRoom(key: string): Promise<() => void> {
    const times = recent.get(key) ?? [];
    recent.set(key, times);
    for (;;) {
      const now = clock.now();
      while (times.length > 0 && now - (times[0] ?? 0) >= windowMs) times.shift();
      if (times.length < limit) break;
      await clock.sleep((times[0] ?? now) + windowMs - now);
    }
    // Until the answer comes, the start time stands in (a request whose answer never comes still counts).
    const slot = times.push(clock.now()) - 1;
    const stamp = times[slot];
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      const at = times.indexOf(stamp ?? NaN);
      if (at !== -1) times.splice(at, 1);
      times.push(clock.now());
      times.sort((a, b) => a - b);
    };
  }

  return {
    acquire(key) {
      const turn = (queues.get(key) ?? Promise.resolve()).then(() => waitForRoom(key));
      queues.set(
        key,
        turn.catch(() => undefined),
      );
      return turn;
    },
  };
}
