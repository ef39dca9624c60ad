/**
 * A planned sheet as a whole worksheet part (`xl/worksheets/sheetN.xml`), written straight to
 * XML text. Strings go inline (`t="inlineStr"`), so the workbook's shared string table is never
 * touched, and a string is always text: nothing the plan writes is read as a formula unless it
 * is one. Elements follow CT_Worksheet's order, which Excel enforces.
 *
 * This runs over every planned cell (780k for a 1,000 × 50 matrix), so the cell loop builds one
 * string per row from precomputed column letters and cached style ids, without objects per cell.
 */
import type { PlanCell, PlannedSheet, PlannedValidation } from '../../core/plan/types';
import { columnName, MAX_COLUMNS, MAX_ROWS } from '../../core/a1';
import { escapeAttr } from '../package/xml';
import { cellText, dateSerial, fitCell, formulaText, MAX_CELL_TEXT, needsPreserve, numberText } from './cellText';
import { conditionalFormattingXml, sqref } from './conditionalFormatting';
import { argb, type StyleBook } from './styles';
import { tableColumns } from './tableXml';
import { ByteSink } from '../package/byteSink';

export { conditionalFormattingXml } from './conditionalFormatting';
export { tableXml } from './tableXml';

export interface WorksheetOptions {
  /** The tab shown when the workbook opens. */
  selected: boolean;
  /** Relationship ids of the sheet's table parts, one per table that `tableXml` gave a part for. */
  tableRelIds: string[];
  /** The workbook counts dates from 1904 (`workbookPr date1904`); default the 1900 system. */
  date1904?: boolean;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Excel's limits on a data validation's literal list, its prompt, and a hyperlink's display text. */
const MAX_LIST = 255;
const MAX_PROMPT = 255;
const MAX_DISPLAY = 255;

const letters: string[] = [];
/** `<c r="` and the column's letters, per column: the start every cell shares. */
const cellOpen: string[] = [];

/** Column letters by 0-based index, built once. */
function columnLetters(): string[] {
  if (letters.length === 0) {
    for (let c = 0; c < MAX_COLUMNS; c++) {
      const s = columnName(c);
      letters.push(s);
      cellOpen.push(`<c r="${s}`);
    }
  }
  return letters;
}

/** What follows a cell's reference, per kind of value, for one style id (built once per id). */
interface Fragments {
  /** ` s="N"` or ''. */
  s: string;
  str: string;
  strPreserve: string;
  num: string;
  empty: string;
}

function fragments(xf: number): Fragments {
  const s = xf === 0 ? '' : ` s="${xf}"`;
  return {
    s,
    str: `"${s} t="inlineStr"><is><t>`,
    strPreserve: `"${s} t="inlineStr"><is><t xml:space="preserve">`,
    num: `"${s}><v>`,
    empty: `"${s}/>`,
  };
}

const STR_END = '</t></is></c>';
const NUM_END = '</v></c>';

/** Attribute text needing more than copying (most link targets and labels need nothing). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ATTR_WORK = /[&<>"\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

function attrText(s: string): string {
  return ATTR_WORK.test(s) ? escapeAttr(s) : s;
}

/** Characters gathered as one string before it is flattened and set aside. */
const CHUNK = 1 << 16;

/**
 * A long text built a row at a time. A string built by `+=` is a tree of pieces until something
 * reads it; kept whole to the end, a big sheet's millions of pieces survive collection after
 * collection, and copying them was most of the time. Here every CHUNK characters the tree is
 * flattened (reading a character does that) and set aside, so the pieces die young.
 */
class ChunkedText {
  private readonly chunks: string[] = [];
  private pending = '';

  add(s: string): void {
    this.pending += s;
    if (this.pending.length >= CHUNK) {
      this.pending.charCodeAt(0);
      this.chunks.push(this.pending);
      this.pending = '';
    }
  }

  get empty(): boolean {
    return this.chunks.length === 0 && this.pending === '';
  }

  text(): string {
    if (this.chunks.length === 0) return this.pending;
    this.chunks.push(this.pending);
    return this.chunks.join('');
  }
}

/** Writes one worksheet's cells; holds what the cells add to the rest of the part (links). */
class CellWriter {
  private readonly frags: Fragments[] = [];
  /** `'Sheet'!` escaped for an attribute, per target sheet. */
  private readonly targets = new Map<string, string>();
  /** Gathered like the cells (a plain `+=` string would keep every link's pieces alive to the end). */
  readonly links = new ChunkedText();

  constructor(
    private readonly styles: StyleBook,
    private readonly date1904: boolean,
  ) {}

  frag(pc: PlanCell | undefined): Fragments {
    return this.fragOf(pc === undefined ? 0 : this.styles.cellXf(pc));
  }

  fragOf(xf: number): Fragments {
    return this.frags[xf] ?? (this.frags[xf] = fragments(xf));
  }

  /** A cell's XML after its reference (`<c r="B12`); '' for a cell with neither value nor style. */
  cell(col: number, rn: string, pc: PlanCell): string {
    const f = this.frag(pc);
    let value = pc.value;
    if (pc.formula !== undefined) {
      const formula = pc.formula.startsWith('=') ? pc.formula.slice(1) : pc.formula;
      const [t, v] = cachedValue(value, this.date1904);
      return `"${f.s}${t}><f>${formulaText(formula)}</f>${v}</c>`;
    }
    if (pc.link !== undefined) {
      // A link with nothing to show shows where it goes, so there is something to click.
      if (value === undefined || value === null || value === '') value = pc.link.address;
      this.link(letters[col] + rn, pc.link, typeof value === 'object' ? value.date : String(value));
    }
    switch (typeof value) {
      case 'string':
        return value === '' ? (f.s ? f.empty : '') : stringTail(f, value);
      case 'number': {
        const n = numberText(value);
        return n === undefined ? `"${f.s} t="e"><v>#NUM!</v></c>` : f.num + n + NUM_END;
      }
      case 'boolean':
        return `"${f.s} t="b"><v>${value ? 1 : 0}</v></c>`;
      case 'object':
        if (value !== null) {
          const serial = dateSerial(value.date, this.date1904);
          return serial === undefined ? stringTail(f, value.date) : f.num + serial + NUM_END;
        }
        return f.s ? f.empty : '';
      default:
        return f.s ? f.empty : '';
    }
  }

  private link(ref: string, to: { sheet: string; address: string }, display: string): void {
    let target = this.targets.get(to.sheet);
    if (target === undefined) this.targets.set(to.sheet, (target = escapeAttr(`'${to.sheet.replace(/'/g, "''")}'!`)));
    const address = to.address.indexOf('$') < 0 ? to.address : to.address.replace(/\$/g, '');
    const shown = display.length <= MAX_DISPLAY ? ` display="${attrText(display)}"/>` : '/>';
    this.links.add(`<hyperlink ref="${ref}" location="${target}${attrText(address)}"${shown}`);
  }
}

/** The rest of a string cell, from the closing quote of its reference. */
function stringTail(f: Fragments, text: string): string {
  const t = text.length <= MAX_CELL_TEXT ? text : fitCell(text);
  return (needsPreserve(t) ? f.strPreserve : f.str) + cellText(t) + STR_END;
}

/** The `t` attribute and `<v>` of a formula's cached value; ['', ''] when the plan gives none. */
function cachedValue(value: PlanCell['value'], date1904: boolean): [string, string] {
  if (value === undefined || value === null) return ['', ''];
  switch (typeof value) {
    case 'string':
      return [' t="str"', `<v>${cellText(fitCell(value))}</v>`];
    case 'number': {
      const n = numberText(value);
      return n === undefined ? [' t="e"', '<v>#NUM!</v>'] : ['', `<v>${n}</v>`];
    }
    case 'boolean':
      return [' t="b"', `<v>${value ? 1 : 0}</v>`];
    default: {
      const serial = dateSerial(value.date, date1904);
      return serial === undefined ? [' t="str"', `<v>${cellText(value.date)}</v>`] : ['', `<v>${serial}</v>`];
    }
  }
}

/** Header cells of the sheet's tables (row → column → name): they must read as the column names. */
function tableHeaders(sheet: PlannedSheet): { parts: number; headers: Map<number, Map<number, string>> } {
  const headers = new Map<number, Map<number, string>>();
  let parts = 0;
  for (const table of sheet.tables) {
    const layout = tableColumns(table, sheet);
    if (!layout) continue;
    parts++;
    const row = layout.range.start.row;
    let byCol = headers.get(row);
    if (!byCol) headers.set(row, (byCol = new Map()));
    for (let i = 0; i < layout.names.length; i++) byCol.set(layout.range.start.col + i, layout.names[i]);
  }
  return { parts, headers };
}

function sheetPrXml(sheet: PlannedSheet, visible: boolean): string {
  const tab = sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : '';
  const fit = visible ? '<pageSetUpPr fitToPage="1"/>' : '';
  return tab || fit ? `<sheetPr>${tab}${fit}</sheetPr>` : '';
}

function sheetViewsXml(sheet: PlannedSheet, selected: boolean): string {
  const cols = columnLetters();
  const open = `<sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  const fr = Math.max(0, Math.floor(sheet.freeze?.rows ?? 0));
  const fc = Math.max(0, Math.floor(sheet.freeze?.cols ?? 0));
  if (fr === 0 && fc === 0) return `<sheetViews>${open}/></sheetViews>`;
  if (fr >= MAX_ROWS || fc >= MAX_COLUMNS)
    throw new Error(`sheet "${sheet.name}" freezes more rows or columns than Excel has`);
  const topLeft = `${cols[fc]}${fr + 1}`;
  const pane = fr && fc ? 'bottomRight' : fr ? 'bottomLeft' : 'topRight';
  return (
    `<sheetViews>${open}>` +
    `<pane${fc ? ` xSplit="${fc}"` : ''}${fr ? ` ySplit="${fr}"` : ''} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function colsXml(widths: number[] | undefined): string {
  if (!widths) return '';
  let out = '';
  widths.forEach((w, c) => {
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || c >= MAX_COLUMNS) return;
    out += `<col min="${c + 1}" max="${c + 1}" width="${Math.min(w, 255)}" customWidth="1"/>`;
  });
  return out ? `<cols>${out}</cols>` : '';
}

function validationXml(v: PlannedValidation, sheet: string): string {
  const source = v.listSource.startsWith('=') ? v.listSource.slice(1) : v.listSource;
  if (source.startsWith('"') && source.length - 2 > MAX_LIST)
    throw new Error(`a drop-down list on sheet "${sheet}" is longer than Excel's ${MAX_LIST} characters`);
  const ref = sqref(v.range);
  if (!ref) throw new Error(`a drop-down list on sheet "${sheet}" has no range`);
  let attrs = 'type="list" allowBlank="1"';
  if (v.prompt) {
    const prompt = v.prompt.length <= MAX_PROMPT ? v.prompt : `${v.prompt.slice(0, MAX_PROMPT - 1)}…`;
    attrs += ` showInputMessage="1" prompt="${escapeAttr(prompt)}"`;
  }
  // "information" lets people keep a value that is not in the list (a parent they add later).
  attrs += v.allowOther
    ? ' showErrorMessage="1" errorStyle="information" error="This value is not in the list yet. Keep it?"'
    : ' showErrorMessage="1" error="Pick a value from the list."';
  return `<dataValidation ${attrs} sqref="${escapeAttr(ref)}"><formula1>${formulaText(source)}</formula1></dataValidation>`;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The whole worksheet part for a planned sheet. */
/** Where a sheet's rows go: a string (tests, small parts) or UTF-8 bytes (a ByteSink). */
interface RowSink {
  add(s: string): void;
}

/** The part around its rows: `head` runs to `<sheetData>` (or `<sheetData/>`), `tail` from `</sheetData>`. */
interface Frame {
  head: string;
  tail: string;
}

/** A planned sheet as one string of XML. */
export function worksheetXml(sheet: PlannedSheet, styles: StyleBook, options: WorksheetOptions): string {
  const rows = new ChunkedText();
  const { head, tail } = writeWorksheet(sheet, styles, options, rows);
  return head + rows.text() + tail;
}

/** The same part as UTF-8 chunks, ready for `Package.setBytes`. */
export function worksheetBytes(sheet: PlannedSheet, styles: StyleBook, options: WorksheetOptions): Uint8Array[] {
  const rows = new ByteSink(64 * 1024);
  const { head, tail } = writeWorksheet(sheet, styles, options, rows);
  const start = new ByteSink(head.length * 3);
  start.add(head);
  const end = new ByteSink(tail.length * 3);
  end.add(tail);
  return [...start.chunks(), ...rows.chunks(), ...end.chunks()];
}

/** Writes the sheet's rows to `data` and returns the XML around them. */
function writeWorksheet(sheet: PlannedSheet, styles: StyleBook, options: WorksheetOptions, data: RowSink): Frame {
  columnLetters();
  const date1904 = options.date1904 ?? false;
  const visible = sheet.visibility === 'visible';
  const { parts, headers } = tableHeaders(sheet);
  if (parts !== options.tableRelIds.length)
    throw new Error(
      `sheet "${sheet.name}" has ${parts} table part(s) but ${options.tableRelIds.length} relationship id(s)`,
    );
  const rows = sheet.rows;
  if (rows.length > MAX_ROWS)
    throw new Error(`sheet "${sheet.name}" has ${count(rows.length)} rows; Excel holds at most ${count(MAX_ROWS)}`);

  const writer = new CellWriter(styles, date1904);
  let minRow = -1;
  let maxRow = -1;
  let minCol = MAX_COLUMNS;
  let maxCol = -1;
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r];
    const head = headers.size > 0 ? headers.get(r) : undefined;
    let width = line ? line.length : 0;
    if (head) for (const c of head.keys()) width = Math.max(width, c + 1);
    if (width === 0) continue;
    if (width > MAX_COLUMNS)
      throw new Error(
        `sheet "${sheet.name}" row ${r + 1} has ${count(width)} columns; Excel holds at most ${count(MAX_COLUMNS)}`,
      );
    const rn = String(r + 1);
    let row = '';
    let first = -1;
    let last = -1;
    for (let c = 0; c < width; c++) {
      const pc = line ? line[c] : undefined;
      let tail: string;
      const name = head !== undefined ? head.get(c) : undefined;
      if (name !== undefined) {
        tail = stringTail(writer.frag(pc ?? undefined), name);
      } else if (pc === undefined || pc === null) {
        continue;
      } else {
        // Each property once: plan cells come in many shapes, so every read is a slow one.
        const v = pc.value;
        if (typeof v === 'string' && v !== '' && pc.link === undefined && pc.formula === undefined) {
          // The common case, inline: a plain string.
          tail = stringTail(writer.fragOf(styles.xfOf(pc.style, pc.numberFormat, pc.wrap, false, false)), v);
        } else {
          tail = writer.cell(c, rn, pc);
          if (tail === '') continue;
        }
      }
      row += cellOpen[c] + rn + tail;
      if (first < 0) first = c;
      last = c;
    }
    if (row === '') continue;
    data.add(`<row r="${rn}">${row}</row>`);
    if (minRow < 0) minRow = r;
    maxRow = r;
    if (first < minCol) minCol = first;
    if (last > maxCol) maxCol = last;
  }
  const dimension =
    minRow < 0
      ? 'A1'
      : minRow === maxRow && minCol === maxCol
        ? `${letters[minCol]}${minRow + 1}`
        : `${letters[minCol]}${minRow + 1}:${letters[maxCol]}${maxRow + 1}`;

  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    sheetPrXml(sheet, visible) +
    `<dimension ref="${dimension}"/>` +
    sheetViewsXml(sheet, options.selected) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(sheet.columnWidths) +
    (minRow < 0 ? '<sheetData/>' : '<sheetData>');
  let xml = minRow < 0 ? '' : '</sheetData>';
  if (sheet.conditionalFormats.length > 0) xml += conditionalFormattingXml(sheet.conditionalFormats, 1, styles);
  if (sheet.validations.length > 0) {
    xml += `<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => validationXml(v, sheet.name)).join('')}</dataValidations>`;
  }
  if (!writer.links.empty) xml += `<hyperlinks>${writer.links.text()}</hyperlinks>`;
  xml += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  // Printed for a meeting: one page wide, as long as it needs.
  if (visible) xml += '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
  if (parts > 0) {
    xml += `<tableParts count="${parts}">${options.tableRelIds.map((id) => `<tablePart r:id="${escapeAttr(id)}"/>`).join('')}</tableParts>`;
  }
  return { head, tail: `${xml}</worksheet>` };
}
