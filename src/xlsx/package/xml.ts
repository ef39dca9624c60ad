/**
 * Just enough XML for the package parts Interlock edits: escaping for what it writes, and a
 * scanner for the few elements it reads or splices (`<sheet>`, `<Relationship>`, `<cfRule>`...).
 * Producers differ in namespace prefixes (`<x:sheet>`), quoting and entity use; the scanner
 * accepts all of those rather than one writer's habits.
 */

// XML 1.0 forbids most control characters and lone surrogates even escaped; OOXML spells them
// `_xHHHH_`, and a literal `_xHHHH_` in text is protected by escaping its underscore.
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const ILLEGAL =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const NEEDS_WORK = /[&<>\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const OOXML_LOOKALIKE = /_x[0-9A-Fa-f]{4}_/;

/* eslint-enable no-control-regex */
function ooxmlEscape(ch: string): string {
  if (ch === '_') return '_x005F_';
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/**
 * Text content (a cell's string). Called per cell: plain text costs one character-class test,
 * and the `_xHHHH_` pattern is looked for only where `_x` occurs. A carriage return is written
 * as a reference: XML readers turn a bare one into a line feed.
 */
export function escapeText(s: string): string {
  if (!NEEDS_WORK.test(s) && (s.indexOf('_x') < 0 || !OOXML_LOOKALIKE.test(s))) return s;
  return s
    .replace(ILLEGAL, ooxmlEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** An attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entities to characters (attribute values and text). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e],
  );
}

/** `_xHHHH_` escapes in shared strings and inline text, back to characters. */
export function decodeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag (its text from `<` to `>`), names as written (with prefix). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  // Skip the element name so `<x:sheet` is not read as an attribute.
  const nameEnd = tag.search(/[\s/>]/);
  ATTR.lastIndex = nameEnd < 0 ? tag.length : nameEnd;
  for (let m = ATTR.exec(tag); m; m = ATTR.exec(tag)) out[m[1]] = decodeEntities(m[2] ?? m[3]);
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `ns1:id`). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const k of Object.keys(attrs)) if (k.endsWith(`:${local}`)) return attrs[k];
  return undefined;
}

/** One element found by `elements`: offsets into the text, and its start tag's attributes. */
export interface Found {
  /** Offset of `<`. */
  start: number;
  /** Offset just past the element (past `/>` or its end tag). */
  end: number;
  /** Offset just past the start tag's `>`. */
  contentStart: number;
  /** Offset of the end tag's `<` (equals `end` for an empty element). */
  contentEnd: number;
  /** The name as written, with prefix. */
  name: string;
  attrs: Record<string, string>;
  tag: string;
}

/**
 * Every element with this local name, in document order, for elements that do not nest inside
 * themselves (true of every element this project looks for). `from`/`to` bound the search.
 */
export function elements(xml: string, local: string, from = 0, to = xml.length): Found[] {
  const out: Found[] = [];
  const open = new RegExp(`<((?:[\\w.-]+:)?${local})(?=[\\s/>])`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(xml); m && m.index < to; m = open.exec(xml)) {
    const start = m.index;
    const name = m[1];
    const tagEnd = tagClose(xml, start);
    if (tagEnd < 0) break;
    const tag = xml.slice(start, tagEnd + 1);
    let contentStart = tagEnd + 1;
    let contentEnd = contentStart;
    let end = contentStart;
    if (xml[tagEnd - 1] === '/') {
      contentStart = contentEnd = end = tagEnd + 1;
    } else {
      const close = xml.indexOf(`</${name}`, contentStart);
      if (close < 0) break;
      contentEnd = close;
      end = xml.indexOf('>', close) + 1;
    }
    out.push({ start, end, contentStart, contentEnd, name, attrs: attributes(tag), tag });
    open.lastIndex = end;
  }
  return out;
}

/** The first element with this local name, or undefined. */
export function element(xml: string, local: string, from = 0, to = xml.length): Found | undefined {
  return elements(xml, local, from, to)[0];
}

/** Offset of the `>` closing the tag that starts at `start`, skipping `>` inside quoted values. */
export function tagClose(xml: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
  }
  return -1;
}

/** The namespace prefix of an element name as written (`x:sheet` → `x:`), or ''. */
export function prefixOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i + 1);
}

/** Replaces a start tag's attribute value, or adds the attribute; returns the new tag. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeAttr(value)}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

/** Removes an attribute from a start tag, if present. */
export function removeAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`), '');
}

/** The attributes of the first start tag with this local name (its element need not end). */
export function startTag(xml: string, local: string): Record<string, string> | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])`).exec(xml);
  if (!m) return undefined;
  const close = tagClose(xml, m.index);
  return close < 0 ? undefined : attributes(xml.slice(m.index, close + 1));
}
