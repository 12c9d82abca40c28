// Page geometry and the generated part of the print stylesheet. print.css holds the look; what
// depends on the book (trim, the section titles in the running heads) is generated here, because
// Chromium has no string-set: each section gets its own named page whose right-hand head is that
// section's title (`#s3 { page: s3 }`, `@page s3:right { @top-center { content: "…" } }`).

/** Trim size and mirrored margins in millimetres (inner = binding side). */
export interface Trim { width: number; height: number; top: number; bottom: number; inner: number; outer: number }

export const TRIMS: Record<'A5' | 'B5' | 'A4' | '6x9', Trim> = {
  A5: { width: 148, height: 210, top: 18, bottom: 20, inner: 20, outer: 15 },
  B5: { width: 176, height: 250, top: 20, bottom: 22, inner: 22, outer: 17 },
  A4: { width: 210, height: 297, top: 25, bottom: 27, inner: 27, outer: 20 },
  '6x9': { width: 152.4, height: 228.6, top: 19, bottom: 21, inner: 21, outer: 16 },
};

export const MM = 72 / 25.4;
/** Print-shop bleed and the slug around it where crop marks go. */
export const BLEED_MM = 3;
export const SLUG_MM = 10;

export interface PageCssInput {
  trim: Trim;
  bookTitle: string;
  /** Sections in reading order; each becomes a named page with its title as the right-hand head. */
  sections: { id: string; heading: string }[];
  /** Other named parts of the back matter with their own right-hand head (index, editorial note). */
  parts: { id: string; heading: string }[];
}

/**
 * A CSS string literal that is safe in a `<style>` element of an HTML page: text from book.yaml and
 * the transcript (titles, section headings) becomes the running heads. Everything that could end the
 * string, the declaration, the rule or the `<style>` element itself is written as a CSS escape
 * (`<` → `\3C `): quotes, backslashes, `<`, `>`, `&`, braces, semicolons, control characters and line
 * separators. The HTML parser only looks for `</style`, which can then never occur; CSS decodes the
 * escapes back into the very characters, so the running head prints the text as written. Line breaks
 * become spaces (a running head is one line); a lone surrogate becomes U+FFFD.
 */
export function cssString(s: string): string {
  const flat = s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return `"${flat.replace(/[^\p{L}\p{M}\p{N} .,:!?()\-+*/#%@=~^|_\u00A0-\uFFFF]|[\u007F-\u009F\u2028\u2029\uFEFF]/gu,
    (c) => `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `)}"`;
}

/** A CSS identifier the layout makes from a node id (`s3`, `back-index`); anything else is a bug. */
function cssIdent(id: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`not a safe CSS identifier: ${JSON.stringify(id.slice(0, 40))}`);
  return id;
}

const folio = 'counter(page)';

/** CSS pixels Chromium's print gives a page area of `mm` millimetres: whole pixels, rounded up (A5's 172 mm type height is 651 px, not 650.08). */
export const printPx = (mm: number): number => Math.ceil(mm * 96 / 25.4 - 1e-6);

/** Millimetres between the inner and outer margins: the width of a line of the body. */
export const typeWidth = (t: Trim): number => Math.round((t.width - t.inner - t.outer) * 1000) / 1000;

export function pageCss(input: PageCssInput): string {
  const t = input.trim;
  const out: string[] = [];
  out.push(`@page { size: ${t.width}mm ${t.height}mm; margin: ${t.top}mm ${t.outer}mm ${t.bottom}mm ${t.inner}mm; }`);
  // Mirrored margins: the inner (binding) margin is on the right of a left-hand page. Folios sit at the
  // outer foot; the book title heads every left-hand page.
  out.push(`@page :left { margin-left: ${t.outer}mm; margin-right: ${t.inner}mm;
  @top-center { content: ${cssString(input.bookTitle)}; }
  @bottom-left { content: ${folio}; } }`);
  out.push(`@page :right { margin-left: ${t.inner}mm; margin-right: ${t.outer}mm;
  @bottom-right { content: ${folio}; } }`);
  // On screen the body is as wide as the type area, so the page as loaded sets every paragraph in the
  // lines it prints in: the writer counts a section end's lines there (render/ends.ts endKeeps).
  out.push(`@media screen { body { width: ${printPx(typeWidth(t))}px; } }`);
  for (const part of [...input.sections, ...input.parts]) {
    const id = cssIdent(part.id);
    out.push(`#${id} { page: ${id}; }`);
    out.push(`@page ${id}:right { @top-center { content: ${cssString(part.heading)}; } }`);
  }
  // Front matter and blank pages carry neither heads nor folios. Named-page rules outrank :left/:right.
  // (One rule per selector: this Chromium ignores a comma-separated @page selector list.)
  for (const name of ['front', 'blank']) {
    for (const side of ['', ':left', ':right']) {
      out.push(`@page ${name}${side} { @top-center { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }`);
    }
  }
  const css = out.join('\n');
  // The whole point of cssString: nothing the book wrote can close the <style> element.
  if (/[<>&]/.test(css)) throw new Error('page CSS holds a character that was not escaped');
  return css;
}
