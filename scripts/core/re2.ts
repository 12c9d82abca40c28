// RE2 (re2js), loaded on first use: label patterns (config/label-pattern.ts) and regular-expression
// aliases (index/match.ts) need it, most books and every bare `normalize` do not, and evaluating the
// package (its Unicode tables) cost some 35 ms of every start.
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';

let engine: typeof RE2JS | undefined;

/** The RE2JS class (re2js's CommonJS build), required the first time it is asked for. */
export function re2(): typeof RE2JS {
  return (engine ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);
}
