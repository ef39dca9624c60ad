/**
 * A forward-only tag scanner for the reader's hot loops (sheet data, shared strings). It walks
 * the text with indexOf and charCodeAt and reports positions, never building a DOM or running a
 * regular expression per attribute, so a 50,000-cell sheet scans in a few milliseconds.
 * Namespace prefixes (`<x:c>`) are accepted everywhere: names are compared by local name.
 */
import { decodeEntities } from '../package/xml';

const GT = 62;
const SLASH = 47;
const COLON = 58;
const EQ = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const BANG = 33;
const QMARK = 63;

/** A scanning failure; the caller names the part in the message it shows. */
export class ScanError extends Error {}

/** The tag last read by `readTag`; one instance is reused across a whole part. */
export class Tag {
  /** Offset of `<`. */
  start = 0;
  /** The local name (after any prefix): `[localStart, localEnd)`. */
  localStart = 0;
  localEnd = 0;
  /** Offset just past the name, where attributes begin. */
  attrsStart = 0;
  /** Offset just past `>`. */
  end = 0;
  /** `</name>`. */
  closing = false;
  /** `<name/>`. */
  selfClosing = false;
  /** A comment, processing instruction, CDATA section or declaration: not an element. */
  special = false;
}

/** One attribute found by `nextAttr`; the value is raw (entities not decoded). */
export class Attr {
  localStart = 0;
  localEnd = 0;
  valueStart = 0;
  valueEnd = 0;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/** Reads the tag whose `<` is at `lt` into `tag`. Throws ScanError when it never closes. */
export function readTag(xml: string, lt: number, tag: Tag): void {
  tag.start = lt;
  let p = lt + 1;
  let ch = xml.charCodeAt(p);
  if (ch === BANG || ch === QMARK) {
    const close = xml.startsWith('<!--', lt)
      ? xml.indexOf('-->', lt + 4) + 3
      : xml.startsWith('<![CDATA[', lt)
        ? xml.indexOf(']]>', lt + 9) + 3
        : xml.indexOf('>', p) + 1;
    if (close <= 2) throw new ScanError(`an unterminated declaration at offset ${lt}`);
    tag.special = true;
    tag.closing = tag.selfClosing = false;
    tag.localStart = tag.localEnd = tag.attrsStart = p;
    tag.end = close;
    return;
  }
  tag.special = false;
  tag.closing = ch === SLASH;
  if (tag.closing) p++;
  let local = p;
  const n = xml.length;
  for (; p < n; p++) {
    ch = xml.charCodeAt(p);
    if (ch === COLON) local = p + 1;
    else if (isSpace(ch) || ch === SLASH || ch === GT) break;
  }
  if (p === local) throw new ScanError(`a tag without a name at offset ${lt}`);
  tag.localStart = local;
  tag.localEnd = p;
  tag.attrsStart = p;
  // Find `>`, skipping any inside quoted attribute values.
  let quote = 0;
  for (; p < n; p++) {
    ch = xml.charCodeAt(p);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === DQUOTE || ch === SQUOTE) quote = ch;
    else if (ch === GT) break;
  }
  if (p >= n) throw new ScanError(`an unterminated tag at offset ${lt}`);
  tag.selfClosing = xml.charCodeAt(p - 1) === SLASH;
  tag.end = p + 1;
}

/** Whether the tag's local name is `name`. */
export function isNamed(xml: string, tag: Tag, name: string): boolean {
  const len = name.length;
  if (tag.localEnd - tag.localStart !== len) return false;
  for (let i = 0; i < len; i++) if (xml.charCodeAt(tag.localStart + i) !== name.charCodeAt(i)) return false;
  return true;
}

/** Whether the attribute's local name is `name`. */
export function attrNamed(xml: string, a: Attr, name: string): boolean {
  const len = name.length;
  if (a.localEnd - a.localStart !== len) return false;
  for (let i = 0; i < len; i++) if (xml.charCodeAt(a.localStart + i) !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Reads the attribute at or after `from` (within the tag ending at `tag.end`) into `a`; returns
 * the offset after it, or -1 when the tag has no more attributes.
 */
export function nextAttr(xml: string, from: number, tag: Tag, a: Attr): number {
  const limit = tag.end - 1;
  let p = from;
  while (p < limit && isSpace(xml.charCodeAt(p))) p++;
  if (p >= limit) return -1;
  let ch = xml.charCodeAt(p);
  if (ch === SLASH) return -1;
  let local = p;
  for (; p < limit; p++) {
    ch = xml.charCodeAt(p);
    if (ch === COLON) local = p + 1;
    else if (ch === EQ || isSpace(ch)) break;
  }
  a.localStart = local;
  a.localEnd = p;
  while (p < limit && xml.charCodeAt(p) !== EQ) p++;
  p++;
  while (p < limit && isSpace(xml.charCodeAt(p))) p++;
  const quote = xml.charCodeAt(p);
  if (quote !== DQUOTE && quote !== SQUOTE) throw new ScanError(`an attribute without a quoted value at offset ${p}`);
  const close = xml.indexOf(quote === DQUOTE ? '"' : "'", p + 1);
  if (close < 0 || close > limit) throw new ScanError(`an unterminated attribute value at offset ${p}`);
  a.valueStart = p + 1;
  a.valueEnd = close;
  return close + 1;
}

/** An attribute's value as text (entities decoded). */
export function attrValue(xml: string, a: Attr): string {
  return decodeEntities(xml.slice(a.valueStart, a.valueEnd));
}

/** Whether the attribute's value is XML's true (`1` or `true`). */
export function attrTrue(xml: string, a: Attr): boolean {
  const len = a.valueEnd - a.valueStart;
  const c = xml.charCodeAt(a.valueStart);
  return (len === 1 && c === 49) || (len === 4 && xml.startsWith('true', a.valueStart));
}

/** A non-negative integer attribute value, or -1 when it is not one. */
export function attrInt(xml: string, a: Attr): number {
  return digits(xml, a.valueStart, a.valueEnd);
}

/** The non-negative integer written in `[from, to)` (spaces around it allowed), or -1. */
export function digits(xml: string, from: number, to: number): number {
  while (from < to && isSpace(xml.charCodeAt(from))) from++;
  while (to > from && isSpace(xml.charCodeAt(to - 1))) to--;
  if (from === to) return -1;
  let n = 0;
  for (let p = from; p < to; p++) {
    const d = xml.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Character data as a parser delivers it: line ends folded to `\n`, entities decoded. */
export function decodeText(raw: string): string {
  const folded = raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  return decodeEntities(folded);
}

/**
 * The text content of the element whose start tag was just read (`tag`), up to its end tag,
 * decoded; CDATA sections are taken as written. On return `tag` holds the end tag.
 */
export function readText(xml: string, tag: Tag): string {
  let p = tag.end;
  let out = '';
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) throw new ScanError(`an unterminated element at offset ${tag.start}`);
    if (lt > p) out += decodeText(xml.slice(p, lt));
    if (xml.startsWith('<![CDATA[', lt)) {
      const close = xml.indexOf(']]>', lt + 9);
      if (close < 0) throw new ScanError(`an unterminated CDATA section at offset ${lt}`);
      out += xml.slice(lt + 9, close);
      p = close + 3;
      continue;
    }
    readTag(xml, lt, tag);
    if (tag.special) {
      p = tag.end;
      continue;
    }
    if (tag.closing) return out;
    // An element inside text (not expected in <t>, <v> or <f>): skip it with its content.
    p = skipElement(xml, tag);
  }
}

/** Skips the element whose start tag was just read; returns the offset after its end. */
export function skipElement(xml: string, tag: Tag): number {
  if (tag.selfClosing || tag.special || tag.closing) return tag.end;
  let depth = 1;
  let p = tag.end;
  while (depth > 0) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) throw new ScanError(`an unterminated element at offset ${tag.start}`);
    readTag(xml, lt, tag);
    p = tag.end;
    if (tag.special || tag.selfClosing) continue;
    depth += tag.closing ? -1 : 1;
  }
  return p;
}

/** Reads the next tag at or after `from` into `tag`; throws when there is none. */
export function nextTag(xml: string, from: number, tag: Tag): void {
  const lt = xml.indexOf('<', from);
  if (lt < 0) throw new ScanError('the text ends before its elements close');
  readTag(xml, lt, tag);
}

/**
 * The text of a string item (`<si>` or `<is>`) whose start tag was just read: its `<t>` and rich
 * text runs' `<t>` concatenated, phonetic runs (`<rPh>`) left out. Returns with `tag` at the
 * item's end tag.
 */
export function readStringItem(xml: string, tag: Tag): string {
  if (tag.selfClosing) return '';
  let out = '';
  let depth = 1;
  let p = tag.end;
  while (depth > 0) {
    nextTag(xml, p, tag);
    p = tag.end;
    if (tag.special || tag.selfClosing) continue;
    if (tag.closing) {
      depth--;
      continue;
    }
    if (isNamed(xml, tag, 't')) {
      out += readText(xml, tag);
      p = tag.end;
    } else if (isNamed(xml, tag, 'rPh')) {
      p = skipElement(xml, tag);
    } else depth++;
  }
  return out;
}
