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
