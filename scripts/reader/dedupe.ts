// Placeholder replaced below in this session.
import type { TrackedText } from './tracked-text.ts';
import type { ChangeLog } from './changes.ts';
export interface DedupeOptions { style: 'edited' | 'verbatim' }
export function dedupeParagraph(text: TrackedText, _log: ChangeLog, _o: DedupeOptions): TrackedText { return text; }
