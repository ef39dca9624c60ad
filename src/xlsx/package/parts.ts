/**
 * The two index parts every package has: `[Content_Types].xml` and a part's `_rels`. Edits keep
 * the entries nobody touches as they were written (their text, their order) and add or drop
 * whole entries.
 */
import { attr, elements, escapeAttr } from './xml';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** `[Content_Types].xml`: part names compare without case, and are written with a leading `/`. */
export class ContentTypes {
  private readonly defaults: string[];
  private readonly overrides = new Map<string, string>();

  constructor(xml: string) {
    this.defaults = elements(xml, 'Default').map((d) => d.tag);
    for (const o of elements(xml, 'Override')) {
      const part = (attr(o.attrs, 'PartName') ?? '').replace(/^\//, '');
      if (part) this.overrides.set(part.toLowerCase(), o.tag);
    }
  }

  /** Every part with this content type (names as written in the overrides, without `/`). */
  partsOf(type: string): string[] {
    const out: string[] = [];
    for (const tag of this.overrides.values()) {
      if (tag.includes(`"${type}"`) || tag.includes(`'${type}'`)) {
        const m = /PartName\s*=\s*["']\/?([^"']*)/.exec(tag);
        if (m) out.push(m[1]);
      }
    }
    return out;
  }

  set(part: string, type: string): void {
    this.overrides.set(part.toLowerCase(), `<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`);
  }

  remove(part: string): void {
    this.overrides.delete(part.toLowerCase());
  }

  toXml(): string {
    return `${XML_HEAD}<Types xmlns="${TYPES_NS}">${this.defaults.join('')}${[...this.overrides.values()].join('')}</Types>`;
  }
}

/** A `_rels` part: relationships by id, in their order, new ones after. */
export class Relationships {
  private readonly tags = new Map<string, string>();
  private readonly targets = new Map<string, { type: string; target: string }>();
  /** The next `rIdN` to hand out: past every numbered id ever seen here. */
  private next = 1;

  constructor(xml: string | undefined) {
    for (const r of elements(xml ?? '', 'Relationship')) {
      const id = attr(r.attrs, 'Id') ?? '';
      this.tags.set(id, r.tag);
      this.targets.set(id, { type: attr(r.attrs, 'Type') ?? '', target: attr(r.attrs, 'Target') ?? '' });
      const m = /^rId(\d+)$/.exec(id);
      if (m) this.next = Math.max(this.next, Number(m[1]) + 1);
    }
  }

  get size(): number {
    return this.tags.size;
  }

  ids(): string[] {
    return [...this.tags.keys()];
  }

  get(id: string): { type: string; target: string } | undefined {
    return this.targets.get(id);
  }

  /** Adds a relationship under a fresh id (`rIdN`, N past every numbered id) and returns it. */
  add(type: string, target: string): string {
    let id = `rId${this.next++}`;
    while (this.tags.has(id)) id = `rId${this.next++}`;
    this.tags.set(id, `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"/>`);
    this.targets.set(id, { type, target });
    return id;
  }

  remove(id: string): void {
    this.tags.delete(id);
    this.targets.delete(id);
  }

  toXml(): string {
    return `${XML_HEAD}<Relationships xmlns="${RELS_NS}">${[...this.tags.values()].join('')}</Relationships>`;
  }
}
