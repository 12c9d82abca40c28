// The label decision of one document, made once and carried to every stage that asks (issue 24).
//
// Four stages of the reader ask whether a line or paragraph opens with a speaker label: line splitting
// (a label opens a paragraph), the page-furniture pass (furniture after a label alone), paragraph
// repair (never merge a label's paragraph into the one before) and structure (who speaks, in what
// role). None of them recognises a label itself: each asks this document's `DocumentLabels`, which
// runs the one recogniser (labels.ts `recogniseLabel`, with the context built once from all the
// lines) once for each distinct text and keeps the answer — the label's span [0, length), its kind,
// its name — in `decisions`. The reader builds it once per transcript and passes it along; what the
// stages decide is then one table, which a test can read and a caller can seed.
//
// A text is decided by its content, so a line the line splitter asked about and the paragraph it
// becomes (when normalisation leaves it unchanged) are one decision, not two.
import { labelContext, recogniseLabel, type LabelContext, type LabelMatch, type LabelRule } from './labels.ts';
import type { Conventions } from './convention.ts';

export class DocumentLabels {
  /** Every text decided so far: the label that opens it, or null when none does. */
  readonly decisions = new Map<string, LabelMatch | null>();

  constructor(readonly context: LabelContext) {}

  /** The label that opens `text` (a line or a normalised paragraph), decided once per document. */
  at(text: string): LabelMatch | null {
    let decision = this.decisions.get(text);
    if (decision === undefined) {
      decision = recogniseLabel(text, this.context);
      this.decisions.set(text, decision);
    }
    return decision;
  }

  /** The label conventions induced from the document's lines (for `inspect`). */
  get conventions(): Conventions['list'] {
    return this.context.conventions?.list ?? [];
  }
}

/**
 * The label decisions of a transcript: the context (principals, the labels that recur, the conventions
 * induced from all its lines, the editor's patterns) built once from its lines.
 */
export function documentLabels(lines: string[], principals: string[], rules: LabelRule[] = []): DocumentLabels {
  return new DocumentLabels(labelContext(lines, principals, rules));
}
