// The print document as a tree (hast), not a string: the template (Mustache, data only) is parsed
// once per pass with empty slots, the book's parts are put into the slots, blank pages and the
// measuring pass's style are tree operations, and one serialiser runs at the end (issue #12).
//
// The body is the bulk of a book and the same on every pass, so each of its top-level blocks is
// serialised once and carried as a raw node made from our own hast; blank pages go between blocks.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Element, ElementContent, Nodes, Parent, Root, RootContent } from 'hast';

const SLOT = 'tp-slot';

/** What a template prints where a part of the book goes: an empty element the writer replaces. */
export function slot(name: string): string {
  return `<${SLOT} data-name="${name}"></${SLOT}>`;
}

/** A raw node: markup that our own serialiser made from hast (never text from a book). */
interface Raw { type: 'raw'; value: string }

/** A top-level body block, serialised once, with the id a blank page may have to go before. */
export interface BodyBlock { id?: string; raw: Raw }

export function bodyBlocks(body: Root): BodyBlock[] {
  // Serialised when first read (a pass that patches the loaded page reads only the blocks that changed).
  // Once serialised, a block lets its tree go (the trees of a 600-page book are some 50 MB).
  return body.children.map((c) => {
    let [value, node] = [undefined as string | undefined, c as RootContent | undefined];
    return { id: idOf(c), raw: { type: 'raw', get value() { if (value === undefined) { value = toHtml(node!); node = undefined; } return value; } } };
  });
}

/** True when two hast nodes are alike (type, name, properties, text and children), without serialising either. */
export function sameNode(a: Nodes, b: Nodes): boolean {
  if (a === b) return true;
  if (a.type !== b.type) return false;
  if ('value' in a || 'value' in b) return (a as { value?: string }).value === (b as { value?: string }).value;
  if (a.type === 'element' && (a.tagName !== (b as Element).tagName || !sameProperties(a.properties, (b as Element).properties))) return false;
  const [x, y] = ['children' in a ? a.children : [], 'children' in b ? b.children : []] as Nodes[][];
  return x.length === y.length && x.every((c, i) => sameNode(c, y[i]!));
}

function sameProperties(a: Element['properties'], b: Element['properties']): boolean {
  const keys = Object.keys(a ?? {});
  if (keys.length !== Object.keys(b ?? {}).length) return false;
  return keys.every((k) => {
    const [u, v] = [a[k], b[k]];
    return Array.isArray(u) && Array.isArray(v) ? u.length === v.length && u.every((e, i) => e === v[i]) : u === v;
  });
}

/**
 * Where each body block stands among the element children of the element `containerId` (the page's
 * `children` of the transcript's `<main>`), by block index; undefined for a block that is not an element
 * (text between blocks). Also that count of element children.
 */
export function blockPlaces(doc: Root, containerId: string, blocks: BodyBlock[], tree: Root): { places: (number | undefined)[]; count: number } | undefined {
  let container: Element | undefined;
  visit(doc, (e) => { if (!container && idOf(e) === containerId) container = e; });
  if (!container) return undefined;
  const index = new Map<unknown, number>(blocks.map((b, i) => [b.raw, i]));
  const places: (number | undefined)[] = [];
  let count = 0;
  for (const child of container.children as unknown[]) {
    const i = index.get(child);
    if (i !== undefined) { if (tree.children[i]?.type === 'element') places[i] = count++; }
    else if ((child as Nodes).type === 'element') count++;
  }
  return { places, count };
}

function idOf(node: Nodes): string | undefined {
  const id = node.type === 'element' ? node.properties?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Every element id in `nodes`, in document order. */
export function idsIn(nodes: Nodes | Nodes[]): string[] {
  const out: string[] = [];
  visit(nodes, (e) => { const id = idOf(e); if (id) out.push(id); });
  return out;
}

/** The ids `href="#id"` links in `nodes` point at. */
export function linkTargets(nodes: Nodes | Nodes[]): string[] {
  const out: string[] = [];
  visit(nodes, (e) => {
    const href = e.tagName === 'a' ? e.properties?.href : undefined;
    if (typeof href === 'string' && href.startsWith('#')) out.push(href.slice(1));
  });
  return out;
}

function visit(nodes: Nodes | Nodes[], f: (e: Element) => void) {
  for (const n of Array.isArray(nodes) ? nodes : [nodes]) {
    if (n.type === 'element') f(n);
    if ('children' in n) visit(n.children as Nodes[], f);
  }
}

export interface PrintParts {
  /** The body's blocks (bodyBlocks), put into the `body` slot. */
  body: BodyBlock[];
  /** Other slots by name: their content as hast. */
  slots: Record<string, ElementContent[]>;
  /** Element ids a blank page goes before (right-hand starts). */
  blanks: Set<string>;
}

const blankPage = (): Element => h('div', { className: ['blank-page'], ariaHidden: 'true' });

/** The template's output with the parts in its slots and blank pages placed: a hast root. */
export function assemble(templateOutput: string, parts: PrintParts): Root {
  const doc = fromHtml(templateOutput);
  const fill = (parent: Parent) => {
    const out: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'element' && child.tagName === SLOT) {
        const name = String(child.properties?.dataName ?? '');
        if (name === 'body') {
          for (const b of parts.body) {
            if (b.id && parts.blanks.has(b.id)) out.push(blankPage());
            out.push(b.raw as unknown as ElementContent);
          }
        } else out.push(...(parts.slots[name] ?? []));
        continue;
      }
      if (child.type === 'element') {
        if (parts.blanks.has(idOf(child) ?? '')) out.push(blankPage());
        fill(child);
      }
      out.push(child);
    }
    parent.children = out as Parent['children'];
  };
  fill(doc);
  return doc;
}

function element(doc: Root, tagName: string): Element | undefined {
  let found: Element | undefined;
  visit(doc, (e) => { if (!found && e.tagName === tagName) found = e; });
  return found;
}

/** Adds children at the end of the document's `<head>` or `<body>`. */
export function append(doc: Root, where: 'head' | 'body', ...nodes: ElementContent[]): void {
  element(doc, where)?.children.push(...nodes);
}

export function serialize(doc: Root): string {
  return toHtml(doc, { allowDangerousHtml: true });
}

/**
 * The markup of each element directly inside `<body>` (the page's `document.body.children`, in order),
 * except the one whose id is `skip` (the transcript, whose blocks are the same on every pass): what a
 * pass that changed only page numbers sets anew on the loaded page, part by part.
 */
export function topBlocks(doc: Root, skip: string): string[] {
  const body = element(doc, 'body');
  return (body?.children ?? []).filter((c): c is Element => c.type === 'element')
    .map((c) => (idOf(c) === skip ? '' : toHtml(c, { allowDangerousHtml: true })));
}

/** The markup inside `<body>`, for a later pass that swaps the body of the loaded page. */
export function bodyMarkup(doc: Root): string {
  const body = element(doc, 'body');
  return body ? toHtml({ type: 'root', children: body.children }, { allowDangerousHtml: true }) : '';
}
