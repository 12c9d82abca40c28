// Racing a promise against a clock: the work itself cannot be cancelled, so `onTimeout` makes the
// error (and may stop whatever the work waits on, such as killing a stuck browser).

/** Calls `fire` after `ms` and returns a function that cancels it. Tests pass a clock they advance. */
export type Timer = (ms: number, fire: () => void) => () => void;

export const realTimer: Timer = (ms, fire) => {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
};

export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error, timer: Timer = realTimer): Promise<T> {
  let cancel = () => {};
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => { cancel = timer(ms, () => reject(onTimeout())); }),
  ]).finally(() => cancel());
}
