// Racing a promise against a clock: the work itself cannot be cancelled, so `onTimeout` makes the
// error (and may stop whatever the work waits on, such as killing a stuck browser).
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(onTimeout()), ms); }),
  ]).finally(() => clearTimeout(timer));
}
