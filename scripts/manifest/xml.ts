/** A small element tree over saxes, enough for checking a manifest: names, attributes, text, lines. */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** Local name without prefix (`Image` for `bt:Image`). */
  name: string;
  /** Name as written, with its prefix. */
  qname: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const qname = tag.name;
    const el: XmlElement = {
      name: qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname,
      qname,
      attrs: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
      text: '',
      line: parser.line,
      parent: stack[stack.length - 1],
    };
    if (el.parent) el.parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('the file has no root element');
  return root;
}

export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** `OfficeApp > VersionOverrides > Hosts` style path, for messages. */
export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const id = e.attrs.id ? `[id=${e.attrs.id}]` : '';
    parts.unshift(`${e.qname}${id}`);
  }
  return parts.join(' > ');
}
