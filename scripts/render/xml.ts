// The one gate every string passes on its way into an XML document (EPUB content documents, package
// document, NCX, navigation, SVG cover): valid by construction.
//
// Escaping is the serialisers' job (hast-util-to-html for text, Mustache with escapeXml for
// templates) and they escape `<` and `&`. Two things they leave that XML 1.0 forbids:
// - characters outside XML's Char production: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and
//   lone surrogates (the reader removes them from the transcript; book.yaml can still hold them, as
//   YAML escapes such as "\x01" or "\uFFFF");
// - the sequence `]]>` in text (XML 1.0 §2.4): hast-util-to-html escapes only `<` and `&` in text.
// Our documents hold no CDATA sections, so `]]>` anywhere is text or an attribute value, where
// `]]&gt;` means the same.

import type { Nodes as XastNodes } from 'xast';

/** Markup already checked as XML (core/markup.ts), written as it is: an SVG placed in a page. */
export interface XmlRaw { type: 'raw'; value: string }
declare module 'xast' {
  interface ElementContentMap { raw: XmlRaw }
  interface RootContentMap { raw: XmlRaw }
}

// eslint-disable-next-line no-control-regex
export const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A string with only characters XML 1.0 allows (the others removed). */
export function xmlChars(value: string): string {
  return value.replace(XML_INVALID, '');
}

/** The final form of a serialised XML document: XML-invalid characters removed, `]]>` escaped. */
export function xmlDocument(markup: string): string {
  return xmlChars(markup).replaceAll(']]>', ']]&gt;');
}

/** Files in an EPUB that are XML. */
export const isXmlPath = (path: string): boolean => /\.(xhtml|opf|ncx|xml|svg)$/.test(path);

/** HTML elements that have no end tag: written `<br/>`; every other element gets its end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

// Text as hast-util-to-html writes it (`&#x26;`, `&#x3C;`), so print and EPUB markup read alike; `>`
// only where it would end `]]>`.
const escapeText = (s: string) => s.replace(/[&<]/g, (c) => (c === '&' ? '&#x26;' : '&#x3C;')).replaceAll(']]>', ']]&gt;');
const escapeAttribute = (s: string) => s.replace(/[&<>"\t\n\r]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);

export interface XmlOptions {
  /** Every empty element closes itself (`<rootfile …/>`): for XML that no HTML parser reads (the OCF
   * container); XHTML keeps an end tag on all but the void elements. */
  closeEmpty?: boolean;
}

/**
 * XML text of an xast tree (from hast-util-to-xast, which maps hast's properties onto XML names):
 * text escapes `&` and `<` (and the `>` of `]]>`), attribute values `& < > "` and the characters an XML
 * parser would normalise away. Void HTML elements close themselves, others always have an end tag
 * (XHTML served to HTML parsers reads `<span/>` as an open tag).
 */
export function serializeXml(node: XastNodes, options: XmlOptions = {}): string {
  const children = (n: { children: XastNodes[] }) => n.children.map((c) => serializeXml(c, options)).join('');
  switch (node.type) {
    case 'root': return children(node);
    case 'raw': return node.value;
    // The XML declaration and processing instructions: `<?xml version="1.0" encoding="UTF-8"?>`.
    case 'instruction': return `<?${node.name}${node.value ? ` ${node.value}` : ''}?>`;
    case 'text': return escapeText(xmlChars(node.value));
    case 'element': {
      const attributes = Object.entries(node.attributes ?? {}).filter(([, v]) => v !== undefined && v !== null)
        .map(([k, v]) => ` ${k}="${escapeAttribute(xmlChars(String(v)))}"`).join('');
      if (node.children.length === 0 && (options.closeEmpty || VOID.has(node.name))) return `<${node.name}${attributes}/>`;
      return `<${node.name}${attributes}>${children(node)}</${node.name}>`;
    }
    case 'comment': return `<!--${xmlChars(node.value).replace(/--/g, '- -').replace(/-$/, '- ')}-->`;
    default: return '';
  }
}
