// Side effects through one context (STYLE.md §12): the clock comes from SOURCE_DATE_EPOCH when set,
// so builds are reproducible and tests are pure.
export interface Context {
  /** The build's notion of "now". */
  now(): Date;
  /** The date stamped into every file of a build (PDF dates, EPUB dcterms:modified, zip entries):
   * SOURCE_DATE_EPOCH when set, else `edition` (book.yaml `modified`), else the clock. */
  stamp(edition?: Date): Date;
  log(line: string): void;
  debug: boolean;
}

export function defaultContext(overrides: Partial<Context> = {}): Context {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const fixed = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : null;
  return {
    now: () => fixed ?? new Date(),
    stamp: (edition) => fixed ?? edition ?? new Date(),
    log: (line) => process.stderr.write(line + '\n'),
    debug: false,
    ...overrides,
  };
}
