/**
 * The workbook's stylesheet (`xl/styles.xml`) as Interlock extends it: the looks its cells and
 * conditional formats need are appended to the user's fonts, fills, borders, number formats,
 * cell formats and differential formats; everything else in the part stays byte for byte.
 * An identical entry already present (from the user, or from a previous run) is reused, so a
 * re-run does not grow the file.
 */
import type { CellStyle, PlanCell } from '../../core/plan/types';
import { LOOKS, type Look } from '../../core/plan/looks';
import {
  attributes,
  element,
  elements,
  escapeAttr,
  prefixOf,
  setAttribute,
  tagClose,
  type Found,
} from '../package/xml';

const STYLE_NAMES = Object.keys(LOOKS) as CellStyle[];
const STYLE_INDEX = new Map<string, number>(STYLE_NAMES.map((s, i) => [s, i + 1]));

const LINK_COLOR = '#0563C1';
const DATE_FORMAT = 'yyyy-mm-dd';

/** Formats Excel knows by id in every locale (14–17 and 22 vary by locale, so they are not used). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const MINIMAL =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** CT_Stylesheet's children, in the order the schema requires. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;
type BlockName = (typeof ORDER)[number];

/** What a block holds when the user's stylesheet lacks it: index 0 must mean "the default". */
const SEED: Partial<Record<BlockName, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

const ITEM: Record<string, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
  dxfs: 'dxf',
};

/** `#RRGGBB` → `FFRRGGBB`, or a clear error for a colour the plan got wrong. */
export function argb(color: string): string {
  const hex = color.startsWith('#') ? color.slice(1) : color;
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`"${color}" is not a colour of the form #RRGGBB`);
  return `FF${hex.toUpperCase()}`;
}

/**
 * A fragment with element prefixes dropped, attributes sorted, white space between tags removed
 * and `<a></a>` folded to `<a/>`: two entries that mean the same compare equal, whoever wrote them.
 */
export function canonicalXml(fragment: string): string {
  let out = '';
  let i = 0;
  while (i < fragment.length) {
    const lt = fragment.indexOf('<', i);
    const text = fragment.slice(i, lt < 0 ? fragment.length : lt);
    if (text.trim()) out += text;
    if (lt < 0) break;
    const gt = tagClose(fragment, lt);
    if (gt < 0) break;
    const tag = fragment.slice(lt, gt + 1);
    if (tag[1] === '/') {
      out += `</${localName(tag.slice(2, -1).trim())}>`;
    } else {
      const name = tag.slice(1).split(/[\s/>]/, 1)[0];
      const attrs = attributes(tag);
      const keys = Object.keys(attrs)
        .filter((k) => k !== 'xmlns' && !k.startsWith('xmlns:'))
        .sort();
      out += `<${localName(name)}${keys.map((k) => ` ${k}="${escapeAttr(attrs[k])}"`).join('')}${tag.endsWith('/>') ? '/' : ''}>`;
    }
    i = gt + 1;
  }
  return out.replace(/<([\w.-]+)([^<>]*[^/<>])?><\/\1>/g, (_, n: string, a: string | undefined) => `<${n}${a ?? ''}/>`);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** One of the stylesheet's lists (`<fonts>`, `<cellXfs>`...), and what this run appends to it. */
class Block {
  /** The block's element in the original text; undefined when the stylesheet lacks it. */
  readonly found: Found | undefined;
  private items: Found[] | undefined;
  private index: Map<string, number> | undefined;
  readonly appended: string[] = [];

  constructor(
    private readonly xml: string,
    readonly name: BlockName,
    found: Found | undefined,
  ) {
    this.found = found;
  }

  /** The entries present in the user's text (a seeded block counts its seed as appended). */
  existing(): Found[] {
    if (!this.items) {
      const f = this.found;
      this.items = f ? elements(this.xml, ITEM[this.name], f.contentStart, f.contentEnd) : [];
      // A missing or empty list gets its defaults first: index 0 is what unstyled cells use.
      if (this.items.length === 0) for (const s of SEED[this.name] ?? []) this.add(s);
    }
    return this.items;
  }

  itemText(i: number): string {
    const f = this.existing()[i];
    return f ? this.xml.slice(f.start, f.end) : this.appended[i - this.existing().length];
  }

  /** The index of an entry equal to `xml` (canonically), appending it when there is none. */
  intern(xml: string): number {
    const items = this.existing();
    if (!this.index) {
      this.index = new Map();
      for (let i = items.length - 1; i >= 0; i--)
        this.index.set(canonicalXml(this.xml.slice(items[i].start, items[i].end)), i);
      this.appended.forEach((a, i) => this.index?.set(canonicalXml(a), items.length + i));
    }
    const key = canonicalXml(xml);
    const hit = this.index.get(key);
    if (hit !== undefined) return hit;
    return this.add(xml, key);
  }

  private add(xml: string, key?: string): number {
    const n = (this.items?.length ?? 0) + this.appended.length;
    this.appended.push(xml);
    if (this.index && key !== undefined) this.index.set(key, n);
    return n;
  }

  count(): number {
    return this.existing().length + this.appended.length;
  }
}

export class StyleBook {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly blocks = new Map<BlockName, Block>();
  /** The stylesheet's own children by local name (nested look-alikes, such as an xf's extLst, excluded). */
  private readonly children: Map<string, Found>;
  /** cellXfs index by look code, for cells without their own number format. */
  private readonly plain: number[] = [];
  /** The same, per number format. */
  private readonly formatted = new Map<string, number[]>();
  private readonly dxfs = new Map<string, number>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId: number | undefined;
  private defaultFont: string | undefined;

  constructor(xml: string | undefined) {
    this.xml = xml && element(xml, 'styleSheet') ? xml : MINIMAL;
    const root = element(this.xml, 'styleSheet') as Found;
    this.prefix = prefixOf(root.name);
    this.children = topLevel(this.xml, root);
  }

  /** The cellXfs index for a plan cell's look; 0 (the workbook's default) for a plain cell. */
  cellXf(cell: PlanCell): number {
    const v = cell.value;
    return this.xfOf(
      cell.style,
      cell.numberFormat,
      cell.wrap,
      cell.link !== undefined,
      v !== null && typeof v === 'object',
    );
  }

  /**
   * The same from the cell's parts, for a caller that has read them already: plan cells come
   * in many shapes, so each property read costs, and the sheet writer reads each once.
   */
  xfOf(
    style: CellStyle | undefined,
    numberFormat: string | undefined,
    wrap: boolean | undefined,
    link: boolean,
    dated: boolean,
  ): number {
    // The look as a small integer: style (0 = none) × 8 + wrap × 4 + link × 2 + date.
    const code =
      (style === undefined ? 0 : (STYLE_INDEX.get(style) ?? 0) * 8) +
      (wrap ? 4 : 0) +
      (link && style === undefined ? 2 : 0) +
      (dated ? 1 : 0);
    if (numberFormat === undefined) {
      if (code === 0) return 0;
      const hit = this.plain[code];
      return hit !== undefined ? hit : (this.plain[code] = this.makeXf(code, undefined));
    }
    let byCode = this.formatted.get(numberFormat);
    if (!byCode) this.formatted.set(numberFormat, (byCode = []));
    const hit = byCode[code];
    return hit !== undefined ? hit : (byCode[code] = this.makeXf(code, numberFormat));
  }

  /** The dxfs index of a conditional format's look: a solid fill and, optionally, a font colour. */
  dxf(fill: string, fontColor?: string): number {
    const key = `${fill}|${fontColor ?? ''}`;
    const hit = this.dxfs.get(key);
    if (hit !== undefined) return hit;
    const bg = argb(fill);
    // Excel reads a differential solid fill's colour from bgColor, some readers from fgColor: give both.
    const xml =
      `<dxf>${fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : ''}` +
      `<fill><patternFill patternType="solid"><fgColor rgb="${bg}"/><bgColor rgb="${bg}"/></patternFill></fill></dxf>`;
    const id = this.block('dxfs').intern(xml);
    this.dxfs.set(key, id);
    return id;
  }

  /** True when something was appended: the part needs writing. */
  get changed(): boolean {
    for (const b of this.blocks.values()) if (b.appended.length > 0) return true;
    return false;
  }

  /** The stylesheet with what was appended and the counts updated; the rest as it was. */
  toXml(): string {
    const edits: { at: number; end: number; text: string; order: number }[] = [];
    for (const b of this.blocks.values()) {
      if (b.appended.length === 0) continue;
      const added = b.appended.map((a) => this.prefixed(a)).join('');
      if (b.found) {
        const f = b.found;
        const open = f.tag.endsWith('/>') ? `${f.tag.slice(0, -2).trimEnd()}>` : f.tag;
        const tag = setAttribute(open, 'count', String(b.count()));
        const content = this.xml.slice(f.contentStart, f.contentEnd);
        // After any block inserted at the same place (those go before it).
        edits.push({ at: f.start, end: f.end, text: `${tag}${content}${added}</${f.name}>`, order: ORDER.length });
      } else {
        const at = this.insertionPoint(b.name);
        const text = this.prefixed(`<${b.name} count="${b.count()}">`) + added + this.prefixed(`</${b.name}>`);
        edits.push({ at, end: at, text, order: ORDER.indexOf(b.name) });
      }
    }
    if (edits.length === 0) return this.xml;
    edits.sort((a, b) => a.at - b.at || a.order - b.order);
    let out = '';
    let from = 0;
    for (const e of edits) {
      out += this.xml.slice(from, e.at) + e.text;
      from = e.end;
    }
    return out + this.xml.slice(from);
  }

  private block(name: BlockName): Block {
    let b = this.blocks.get(name);
    if (!b) this.blocks.set(name, (b = new Block(this.xml, name, this.children.get(name))));
    return b;
  }

  /** Where a missing block goes: before the first later block present, else before the end tag. */
  private insertionPoint(name: BlockName): number {
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const f = this.children.get(later);
      if (f) return f.start;
    }
    return this.xml.lastIndexOf('</');
  }

  private prefixed(xml: string): string {
    return this.prefix ? xml.replace(/<(\/?)(?=[A-Za-z])/g, `<$1${this.prefix}`) : xml;
  }

  private makeXf(code: number, numberFormat: string | undefined): number {
    this.block('cellStyleXfs').existing(); // xfId="0" needs a cell style format 0
    const style = code >> 3 === 0 ? undefined : STYLE_NAMES[(code >> 3) - 1];
    const wrap = (code & 4) !== 0;
    const link = (code & 2) !== 0;
    const dated = (code & 1) !== 0;
    const look: Look = style ? LOOKS[style] : {};
    const format = numberFormat ?? (dated ? DATE_FORMAT : undefined);
    const numFmtId = format === undefined ? 0 : this.numFmt(format);
    const fontId =
      look.bold || look.size || look.font ? this.font(look) : link ? this.font({ font: LINK_COLOR }, true) : 0;
    const fillId = look.fill ? this.block('fills').intern(solidFill(look.fill)) : 0;
    const borderId = look.bottomBorder
      ? this.block('borders').intern(
          `<border><left/><right/><top/><bottom style="thin"><color rgb="${argb(look.bottomBorder)}"/></bottom><diagonal/></border>`,
        )
      : 0;
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (fontId) xf += ' applyFont="1"';
    if (fillId) xf += ' applyFill="1"';
    if (borderId) xf += ' applyBorder="1"';
    xf += wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : '/>';
    return this.block('cellXfs').intern(xf);
  }

  /** A font: the workbook's default font (size, name, family, scheme) with the look's changes. */
  private font(look: Look, underline = false): number {
    const base = this.baseFont();
    const size = look.size !== undefined ? `<sz val="${look.size}"/>` : base.sz;
    const xml =
      `<font>${look.bold ? '<b/>' : ''}${underline ? '<u/>' : ''}${size}` +
      `${look.font ? `<color rgb="${argb(look.font)}"/>` : base.color}${base.rest}</font>`;
    return this.block('fonts').intern(xml);
  }

  private baseFont(): { sz: string; color: string; rest: string } {
    if (this.defaultFont === undefined) this.defaultFont = this.block('fonts').itemText(0) ?? '';
    const font = this.defaultFont;
    const child = (local: string) => {
      const f = element(font, local);
      return f ? canonicalXml(font.slice(f.start, f.end)) : '';
    };
    return {
      sz: child('sz') || '<sz val="11"/>',
      color: child('color'),
      rest: (child('name') || '<name val="Calibri"/>') + child('family') + child('charset') + child('scheme'),
    };
  }

  /** The id of a number format: built in, already defined, or a new custom one from 164 up. */
  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const block = this.block('numFmts');
    let id: number | undefined;
    let highest = 163;
    for (const f of block.existing()) {
      const n = Number(f.attrs.numFmtId);
      if (Number.isFinite(n)) highest = Math.max(highest, n);
      if (f.attrs.formatCode === code && id === undefined) id = n;
    }
    if (id === undefined) {
      id = Math.max(highest, (this.nextNumFmtId ?? 164) - 1) + 1;
      this.nextNumFmtId = id + 1;
      block.intern(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    this.numFmtIds.set(code, id);
    return id;
  }
}

/** The root's child elements by local name (the first of each), skipping comments and text. */
function topLevel(xml: string, root: Found): Map<string, Found> {
  const out = new Map<string, Found>();
  let i = root.contentStart;
  while (i < root.contentEnd) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= root.contentEnd) break;
    if (xml.startsWith('<!--', lt)) {
      const close = xml.indexOf('-->', lt);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    if (xml[lt + 1] === '/' || xml[lt + 1] === '?') {
      const close = xml.indexOf('>', lt);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    const gt = tagClose(xml, lt);
    if (gt < 0) break;
    const tag = xml.slice(lt, gt + 1);
    const name = tag.slice(1).split(/[\s/>]/, 1)[0];
    let contentEnd = gt + 1;
    let end = gt + 1;
    if (!tag.endsWith('/>')) {
      contentEnd = xml.indexOf(`</${name}`, gt + 1);
      if (contentEnd < 0) break;
      end = xml.indexOf('>', contentEnd) + 1;
    }
    const local = localName(name);
    if (!out.has(local))
      out.set(local, { start: lt, end, contentStart: gt + 1, contentEnd, name, attrs: attributes(tag), tag });
    i = end;
  }
  return out;
}

function solidFill(color: string): string {
  const c = argb(color);
  return `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor indexed="64"/></patternFill></fill>`;
}
