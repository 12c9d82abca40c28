// A clock the test moves: timeouts fire when the test says time has passed, never by waiting.
import type { Timer } from '../../scripts/core/timeout.ts';

export function manualClock() {
  const pending = new Map<number, { ms: number; fire: () => void }>();
  let next = 0;
  const timer: Timer = (ms, fire) => {
    const key = next++;
    pending.set(key, { ms, fire });
    return () => { pending.delete(key); };
  };
  return {
    timer,
    /** Time runs out for everything waiting now; returns the delays that fired. */
    elapse(): number[] {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.fire();
      return due.map((t) => t.ms);
    },
    get waiting() { return pending.size; },
  };
}
