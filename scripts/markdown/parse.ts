// Editor-written Markdown (preface, afterword, editorial note, note bodies) into the document model:
// unified + remark-parse (+ remark-gfm for autolinks and strikethrough) give mdast, and one plain
// function maps mdast onto our own node kinds, so both editions render it with the same handlers as
// the transcript (scripts/render/html.ts).
//
// Safe by construction: the model has no node for markup. Raw HTML (`<script>`, `<img src=…>`) becomes
// the text it was written as; images are never fetched or embedded (their description is printed);
// only http(s) and mailto links survive. Each of these is reported with the Markdown file's line:column.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type * as Md from 'mdast';
import type { Block, Inline, ListItem, Paragraph, Position } from '../model/types.ts';
import { diagnostic, fail, type Diagnostic, type Where } from '../core/diagnostics.ts';

/**
 * Deepest nesting of block quotes and lists an editor's Markdown may have (issue #22): far above any
 * real preface, and low enough that the parser and every recursive step after it stay fast. 20,000
 * nested `>` took 86 s to overflow the stack; a list nested 3,000 deep ran for minutes at 1.9 GB.
 */
export const MAX_MARKDOWN_DEPTH = 32;
/** Deepest mdast node of any kind (emphasis in links in emphasis…): a bound on every recursion. */
const MAX_NODE_DEPTH = 200;

/**
 * Before parsing, in one pass over the lines: how deep each line's prefix nests at least (`>` markers
 * and list markers) and at most (with its indentation counted as a level per two columns). A line far
 * deeper than the limit is refused here, before the parser spends minutes on it; the exact depth is
 * checked on the tree (checkTreeDepth).
 */
export function precheckMarkdownDepth(text: string, where: MarkdownOptions['where']): void {
  // The first place past the limit is where the editor looks; the refusal comes only when some line
  // is past twice the limit, so an estimate that counts a code block's indentation never refuses a legal text.
  let first: { line: number; column: number } | undefined;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let depth = 0;
    let indent = 0;
    for (let i = start; ;) {
      const c = text.charCodeAt(i);
      if (c === 0x20) { indent++; i++; continue; }
      if (c === 0x09) { indent += 4; i++; continue; }
      if (c === 0x3e /* > */) { depth++; i++; }
      else {
        const m = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/m.exec(text.slice(i, Math.min(end, i + 11)));
        if (!m) break;
        depth++;
        i += m[0].length;
      }
      const estimate = depth + Math.floor(indent / 2);
      if (estimate > MAX_MARKDOWN_DEPTH && !first) first = { line, column: i - start };
      if (estimate > 2 * MAX_MARKDOWN_DEPTH) {
        fail('TP125', { depth: `at least ${MAX_MARKDOWN_DEPTH + 1}`, limit: MAX_MARKDOWN_DEPTH }, { ...where(first ?? { line, column: i - start }), excerpt: undefined });
      }
    }
    start = end + 1;
  }
}

/** The exact depth on the parsed tree, without recursion: block quotes and lists, and nodes of any kind. */
function checkTreeDepth(root: Md.Root, where: MarkdownOptions['where']): void {
  const stack: { node: Md.Node; containers: number; depth: number }[] = [{ node: root, containers: 0, depth: 0 }];
  while (stack.length) {
    const { node, containers, depth } = stack.pop()!;
    const c = containers + (node.type === 'blockquote' || node.type === 'list' ? 1 : 0);
    if (c > MAX_MARKDOWN_DEPTH || depth > MAX_NODE_DEPTH) {
      fail('TP125', { depth: c > MAX_MARKDOWN_DEPTH ? c : `${depth} (nodes)`, limit: MAX_MARKDOWN_DEPTH }, where(node.position?.start));
    }
    for (const child of (node as Md.Parent).children ?? []) stack.push({ node: child, containers: c, depth: depth + 1 });
  }
}

export interface MarkdownOptions {
  /** Prefix of the ids given to paragraphs and headings (`m-preface` → `m-preface-p1`). */
  idPrefix: string;
  /** Where a point of the Markdown text is, for diagnostics (a file of its own, or a place in book.yaml). */
  where: (point: { line: number; column: number } | undefined) => Where;
}

export interface MarkdownResult {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Markdown text → mdast (no plugins run beyond the syntax extensions). */
export function parseMdast(text: string): Md.Root {
  return parser.parse(text) as Md.Root;
}

/** Link targets kept as links; anything else (javascript:, data:, file:, relative paths) prints as text. */
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/**
 * A link target as a valid URI (RFC 3986; epubcheck RSC-020 refuses others): characters a URI may not
 * hold (`<`, `"`, spaces, non-ASCII) are percent-encoded as UTF-8, a `%` that starts no escape
 * becomes `%25`, and what is already encoded stays as it is.
 */
export function normalizeUrl(url: string): string {
  return url.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => {
    try { return encodeURIComponent(c); } catch { return '%EF%BF%BD'; } // a lone surrogate
  });
}

export function markdownToBlocks(text: string, options: MarkdownOptions): MarkdownResult {
  precheckMarkdownDepth(text, options.where);
  const root = parseMdast(text);
  checkTreeDepth(root, options.where);
  return mdastToBlocks(root, options);
}

/** The state of one conversion: the options, the diagnostics found and the running paragraph and heading numbers. */
interface Conversion { options: MarkdownOptions; diagnostics: Diagnostic[]; paragraphs: number; headings: number }

export function mdastToBlocks(root: Md.Root, options: MarkdownOptions): MarkdownResult {
  const conversion: Conversion = { options, diagnostics: [], paragraphs: 0, headings: 0 };
  levelHeadings(root);
  return { blocks: blocks(conversion, root.children), diagnostics: conversion.diagnostics };
}

/**
 * The shallowest heading the editor used sits one level below the matter's title, whether the text
 * starts its sections with `#` or with `##` (a skipped level is an accessibility fault).
 */
function levelHeadings(root: Md.Root): void {
  let top = 6;
  visitHeadings(root, (h) => { top = Math.min(top, h.depth); });
  const shift = top - 1;
  visitHeadings(root, (h) => { h.depth = Math.max(1, h.depth - shift) as Md.Heading['depth']; });
}

function warn(c: Conversion, code: Parameters<typeof diagnostic>[0], params: Record<string, string>, node: Md.Node): void {
  c.diagnostics.push(diagnostic(code, params, c.options.where(node.position?.start)));
}

const pos = (node: Md.Node): { position?: Position } => (node.position ? { position: node.position } : {});
const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function paragraph(c: Conversion, children: Inline[], node: Md.Node): Paragraph {
  return { type: 'paragraph', id: `${c.options.idPrefix}-p${++c.paragraphs}`, children, ...pos(node) };
}

/** Phrasing content: what the model has is kept; links to unsafe places, images and raw HTML are reported and kept as text. */
function inlines(c: Conversion, nodes: Md.PhrasingContent[]): Inline[] {
  return nodes.flatMap((n): Inline[] => {
    switch (n.type) {
      case 'text': return [{ type: 'text', value: n.value, ...pos(n) }];
      case 'emphasis': return [{ type: 'emphasis', children: inlines(c, n.children), ...pos(n) }];
      case 'strong': return [{ type: 'strong', children: inlines(c, n.children), ...pos(n) }];
      case 'delete': return inlines(c, n.children);
      case 'inlineCode': return [{ type: 'inlineCode', value: n.value, ...pos(n) }];
      case 'break': return [{ type: 'break', ...pos(n) }];
      case 'link':
        if (SAFE_URL.test(n.url)) return [{ type: 'link', url: normalizeUrl(n.url), children: inlines(c, n.children), ...pos(n) }];
        warn(c, 'TP084', { url: shorten(n.url) }, n);
        return inlines(c, n.children);
      case 'linkReference': return inlines(c, n.children);
      case 'image': case 'imageReference': {
        const url = n.type === 'image' ? n.url : `[${n.identifier}]`;
        warn(c, 'TP083', { url: shorten(url), alt: n.alt ?? '' }, n);
        return n.alt ? [{ type: 'text', value: n.alt, ...pos(n) }] : [];
      }
      case 'html':
        warn(c, 'TP082', { html: shorten(n.value) }, n);
        return [{ type: 'text', value: n.value, ...pos(n) }];
      case 'footnoteReference': return [{ type: 'text', value: `[^${n.label ?? n.identifier}]`, ...pos(n) }];
      default: return [];
    }
  });
}

/** Flow content: paragraphs, headings, quotes and lists as the model's blocks; the rest read as paragraphs or dropped. */
function blocks(c: Conversion, nodes: Md.RootContent[]): Block[] {
  return nodes.flatMap((n): Block[] => {
    switch (n.type) {
      case 'paragraph': return [paragraph(c, inlines(c, n.children), n)];
      case 'heading': return [{ type: 'heading', depth: Math.min(n.depth, 5) as 1 | 2 | 3 | 4 | 5, id: `${c.options.idPrefix}-h${++c.headings}`, children: inlines(c, n.children), ...pos(n) }];
      case 'blockquote': return [{ type: 'blockquote', children: blocks(c, n.children), ...pos(n) }];
      case 'list': return [{
        type: 'list', ordered: !!n.ordered, ...(n.start !== null && n.start !== undefined ? { start: n.start } : {}),
        children: n.children.map((item): ListItem => ({ type: 'listItem', children: blocks(c, item.children), ...pos(item) })), ...pos(n),
      }];
      case 'thematicBreak': return [{ type: 'container', name: 'rule', attributes: {}, children: [], ...pos(n) }];
      case 'code': return [{ type: 'container', name: 'code-block', attributes: {}, children: [paragraph(c, [{ type: 'inlineCode', value: n.value }], n)], ...pos(n) }];
      case 'html':
        warn(c, 'TP082', { html: shorten(n.value) }, n);
        return [paragraph(c, [{ type: 'text', value: n.value, ...pos(n) }], n)];
      // A table reads row by row; GFM footnote definitions keep their text where they were written.
      case 'table': return n.children.map((row) => paragraph(c, row.children.flatMap((cell, i) =>
        [...(i ? [{ type: 'text', value: ' | ' } as Inline] : []), ...inlines(c, cell.children)]), row));
      case 'footnoteDefinition': return blocks(c, n.children);
      default: return [];
    }
  });
}

function visitHeadings(node: Md.Node, f: (h: Md.Heading) => void): void {
  if (node.type === 'heading') f(node as Md.Heading);
  for (const child of (node as Md.Parent).children ?? []) visitHeadings(child, f);
}
