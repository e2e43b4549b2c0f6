/**
 * A small XML writer for feeds and sitemaps: elements, attributes and text, every value
 * escaped, characters XML 1.0 forbids removed. (The `feed` package was tried first and fell
 * short: its XML library un-escapes "&amp;" in text, leaves "&" and "<" raw in attributes and
 * splits only the first "]]>" of a CDATA section, so a headline could break the feed.)
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly children?: readonly XmlChild[];
}
export type XmlChild = XmlElement | string | null | undefined | false;

// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXmlText(value: string): string {
  return value.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export function el(name: string, attrs?: XmlElement['attrs'], ...children: XmlChild[]): XmlElement {
  return { name, ...(attrs ? { attrs } : {}), children };
}

/** One element with text, or nothing when the text is missing. */
export function textEl(name: string, text: string | number | null | undefined, attrs?: XmlElement['attrs']): XmlElement | null {
  return text === null || text === undefined ? null : el(name, attrs, String(text));
}

function write(node: XmlChild, out: string[]): void {
  if (node === null || node === undefined || node === false) return;
  if (typeof node === 'string') {
    out.push(escapeXmlText(node));
    return;
  }
  out.push('<', node.name);
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === null || value === undefined) continue;
    out.push(' ', key, '="', escapeXmlAttr(String(value)), '"');
  }
  const children = (node.children ?? []).filter((c) => c !== null && c !== undefined && c !== false);
  if (children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) write(child, out);
  out.push('</', node.name, '>');
}

export function renderXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
