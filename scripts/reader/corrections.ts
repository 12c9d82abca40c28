// Editorial corrections from book.yaml, applied after the automatic pass. A correction whose find
// text does not occur exactly once stops the build: a stale correction must never misfire silently.
import type { TrackedText } from './tracked-text.ts';
import type { ChangeLog } from './changes.ts';
import type { Correction } from '../config/schema.ts';
import { fail } from '../core/diagnostics.ts';

export function applyCorrections(blocks: TrackedText[], corrections: Correction[], log: ChangeLog, configFile: string): TrackedText[] {
  let result = blocks;
  corrections.forEach((c, index) => {
    const hits: { block: number; at: number }[] = [];
    result.forEach((b, block) => {
      for (let at = b.text.indexOf(c.find); at !== -1; at = b.text.indexOf(c.find, at + 1)) hits.push({ block, at });
    });
    if (hits.length !== 1) fail('TP020', { index: index + 1, find: c.find, count: hits.length }, { file: configFile });
    const { block, at } = hits[0];
    const b = result[block];
    log.record('correction', b, at, at + c.find.length, c.replace, { confidence: 1, note: c.note });
    result = result.map((x, i) => (i === block ? b.apply([{ start: at, end: at + c.find.length, insert: c.replace }]) : x));
  });
  return result;
}
