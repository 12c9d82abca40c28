// Text that remembers where each character came from in the raw transcript, so that every change
// and every node can report `transcript.txt:line:column` however many edits came before
// (STYLE.md §3). `origin[i]` is the source offset (UTF-16 index) of character i.
export interface Edit {
  /** Start and end in the current text. */
  start: number;
  end: number;
  insert: string;
}

export class TrackedText {
  constructor(readonly text: string, readonly origin: Int32Array) {
    if (origin.length !== text.length) throw new Error('origin map length must equal text length');
  }

  static fromSource(source: string, start: number, end: number): TrackedText {
    const origin = new Int32Array(end - start);
    for (let i = 0; i < origin.length; i++) origin[i] = start + i;
    return new TrackedText(source.slice(start, end), origin);
  }

  get length(): number {
    return this.text.length;
  }

  /** Source offset of position `i` (the end of the text maps just past its last character). */
  sourceOffset(i: number): number {
    if (this.length === 0) return 0;
    if (i >= this.length) return this.origin[this.length - 1] + 1;
    return this.origin[Math.max(0, i)];
  }

  slice(start: number, end = this.length): TrackedText {
    // A view, not a copy: origins are never written after construction.
    return new TrackedText(this.text.slice(start, end), this.origin.subarray(start, end));
  }

  concat(...parts: (TrackedText | string)[]): TrackedText {
    let result: TrackedText = this;
    for (const part of parts) {
      const other = typeof part === 'string'
        ? new TrackedText(part, new Int32Array(part.length).fill(result.sourceOffset(result.length)))
        : part;
      const origin = new Int32Array(result.length + other.length);
      origin.set(result.origin, 0);
      origin.set(other.origin, result.length);
      result = new TrackedText(result.text + other.text, origin);
    }
    return result;
  }

  /** Applies non-overlapping edits (any order). Inserted characters take the origin of what they replace. */
  apply(edits: Edit[]): TrackedText {
    if (edits.length === 0) return this;
    // Edits made from left to right (the usual case) need no sorting.
    let inOrder = true;
    for (let k = 1; k < edits.length && inOrder; k++) inOrder = edits[k - 1]!.start <= edits[k]!.start;
    const sorted = inOrder ? edits : [...edits].sort((a, b) => a.start - b.start);
    // One typed array of the final length, filled by block copies (a number[] grown by push per
    // character made the normaliser's whole-process throughput mostly garbage collection).
    let length = this.length;
    let sameLengths = true;
    for (const e of sorted) {
      length += e.insert.length - (e.end - e.start);
      sameLengths &&= e.insert.length === e.end - e.start;
    }
    // Replacements of the same length (a punctuation mark made full-width) keep every origin where it
    // was: the text is new, its origin map the same array (never written after construction).
    if (sameLengths) return new TrackedText(spliced(this.text, sorted), this.origin);
    const origin = new Int32Array(length);
    const parts: string[] = [];
    let pos = 0, at = 0;
    const from = this.origin;
    // Copied element by element: a subarray view per piece cost more than the copy of a paragraph's few.
    const copy = (start: number, end: number, to: number) => { for (let k = start; k < end; k++) origin[to++] = from[k]!; };
    for (const e of sorted) {
      if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
      parts.push(this.text.slice(pos, e.start), e.insert);
      copy(pos, e.start, at);
      at += e.start - pos;
      const anchor = this.sourceOffset(e.start);
      // Keep a one-to-one origin where the replacement has the same length (a punctuation swap).
      if (e.end - e.start === e.insert.length) copy(e.start, e.end, at);
      else origin.fill(anchor, at, at + e.insert.length);
      at += e.insert.length;
      pos = e.end;
    }
    parts.push(this.text.slice(pos));
    copy(pos, this.length, at);
    return new TrackedText(parts.join(''), origin);
  }
}

/** `text` with each edit's span replaced by its insert (edits in order, not overlapping). */
function spliced(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    parts.push(text.slice(pos, e.start), e.insert);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Maps source offsets to 1-based line/column. */
export class LineIndex {
  /** Source offset where each line starts. */
  readonly starts: number[] = [0];
  /** Index in `starts` of the line found last. */
  private hint = 0;
  constructor(readonly source: string) {
    // LF, CRLF and a lone CR (classic Mac) each end a line. Without a CR, the line feeds are found by
    // indexOf (a loop over every character of a 4 MB transcript ran cold, once per process).
    if (!source.includes('\r')) {
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  point(offset: number): { line: number; column: number; offset: number } {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line - 1] + 1, offset };
  }

  /** The 1-based line of a source offset (point's line, without making an object: asked per character). */
  line(offset: number): number {
    // Callers mostly walk forward through the text: the line found last, or the next, holds most offsets.
    const starts = this.starts;
    const h = this.hint;
    if (starts[h]! <= offset) {
      if (h + 1 >= starts.length || offset < starts[h + 1]!) return h + 1;
      if (h + 2 >= starts.length || offset < starts[h + 2]!) { this.hint = h + 1; return h + 2; }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    this.hint = lo;
    return lo + 1;
  }

  lineText(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    const end = this.starts[line] !== undefined ? this.starts[line] - 1 : this.source.length;
    return this.source.slice(start, end).replace(/\r?\n?$/, '');
  }
}
