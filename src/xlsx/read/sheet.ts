/**
 * A worksheet part's XML → the cell data of a SheetSnapshot: used-range values, formula cells,
 * merges, hidden rows and columns, protection, and the relationship ids of its tables.
 * One pass over the text with the tag scanner; the cells' values are typed as Excel shows them.
 */
import type { CellValue } from '../../core/snapshot';
import { MAX_COLUMNS, MAX_ROWS, parseRange, toA1, type RangeRef } from '../../core/a1';
import { decodeOoxml } from '../package/xml';
import { serialToIso } from './dates';
import {
  Attr,
  attrInt,
  attrNamed,
  attrTrue,
  attrValue,
  decodeText,
  digits,
  isNamed,
  nextAttr,
  nextTag,
  readStringItem,
  readTag,
  readText,
  ScanError,
  skipElement,
  Tag,
} from './scan';

export interface SheetContext {
  strings: readonly string[];
  /** 1 per cell format whose numbers are dates (styles.ts). */
  dateStyles: Uint8Array;
  date1904: boolean;
}

export interface SheetContent {
  origin: { row: number; col: number };
  values: CellValue[][];
  formulas: string[];
  merges: string[];
  hiddenRows: number[];
  hiddenColumns: number[];
  protected: boolean;
  /** `r:id` of each `<tablePart>`, in order. */
  tableRelIds: string[];
}

/** Cell types (`t`), as small numbers for the hot loop. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function cellType(xml: string, a: Attr): number {
  const len = a.valueEnd - a.valueStart;
  const c = xml.charCodeAt(a.valueStart);
  if (len === 1) {
    if (c === 115) return T_SHARED; // s
    if (c === 98) return T_BOOL; // b
    if (c === 101) return T_ERROR; // e
    if (c === 100) return T_DATE; // d
    return T_NUMBER; // n
  }
  if (len === 3 && c === 115) return T_STR; // str
  if (len === 9) return T_INLINE; // inlineStr
  return T_NUMBER;
}

/** Collected cells before the used range is known: parallel arrays, in file order. */
class Cells {
  rows: number[] = [];
  cols: number[] = [];
  values: CellValue[] = [];
  formulaRows: number[] = [];
  formulaCols: number[] = [];
}

/** Reads a cell's `r` (`AB12`) into [row, col] (0-based); returns false when it is not an address. */
function parseRef(xml: string, from: number, to: number, out: number[]): boolean {
  let col = 0;
  let p = from;
  for (; p < to; p++) {
    let ch = xml.charCodeAt(p);
    if (ch >= 97 && ch <= 122) ch -= 32;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (p === from || p - from > 3) return false;
  const row = digits(xml, p, to);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return false;
  out[0] = row - 1;
  out[1] = col - 1;
  return true;
}

/** Reads a worksheet part. Throws ScanError (the caller names the part) when it cannot. */
export function readSheetXml(xml: string, ctx: SheetContext): SheetContent {
  const tag = new Tag();
  const a = new Attr();
  let p = 0;
  // The root element: skip the declaration and comments.
  for (;;) {
    nextTag(xml, p, tag);
    p = tag.end;
    if (!tag.special) break;
  }
  if (tag.closing || !isNamed(xml, tag, 'worksheet'))
    throw new ScanError(`its root element is <${xml.slice(tag.localStart, tag.localEnd)}>, not <worksheet>`);
  const cells = new Cells();
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const mergeRanges: RangeRef[] = [];
  const tableRelIds: string[] = [];
  let isProtected = false;
  if (!tag.selfClosing) {
    for (;;) {
      nextTag(xml, p, tag);
      p = tag.end;
      if (tag.special) continue;
      if (tag.closing) break; // </worksheet>
      if (isNamed(xml, tag, 'sheetData')) {
        if (!tag.selfClosing) p = readSheetData(xml, p, tag, a, ctx, cells, hiddenRows);
      } else if (isNamed(xml, tag, 'cols')) {
        p = readCols(xml, tag, a, hiddenColumns);
      } else if (isNamed(xml, tag, 'mergeCells')) {
        p = readChildren(xml, tag, a, 'mergeCell', 'ref', (ref) => {
          const range = parseRange(ref.replace(/\$/g, ''));
          if (range) mergeRanges.push(range);
        });
      } else if (isNamed(xml, tag, 'tableParts')) {
        p = readChildren(xml, tag, a, 'tablePart', 'id', (id) => tableRelIds.push(id));
      } else if (isNamed(xml, tag, 'sheetProtection')) {
        isProtected = false;
        for (let q = nextAttr(xml, tag.attrsStart, tag, a); q >= 0; q = nextAttr(xml, q, tag, a))
          if (attrNamed(xml, a, 'sheet')) isProtected = attrTrue(xml, a);
        p = skipElement(xml, tag);
      } else {
        p = skipElement(xml, tag);
      }
    }
  }
  if (mergeRanges.length > 0) dropMergedCells(cells, mergeRanges);
  return {
    ...usedRange(cells),
    formulas: formulaAddresses(cells),
    merges: mergeRanges.map((m) => `${toA1(m.start.row, m.start.col)}:${toA1(m.end.row, m.end.col)}`),
    hiddenRows: sortedUnique(hiddenRows),
    hiddenColumns: sortedUnique(hiddenColumns),
    protected: isProtected,
    tableRelIds,
  };
}

/** `<cols>`: every column of a `<col min max hidden="1">` span is hidden. */
function readCols(xml: string, tag: Tag, a: Attr, hidden: number[]): number {
  return eachChild(xml, tag, 'col', () => {
    let min = -1;
    let max = -1;
    let isHidden = false;
    for (let q = nextAttr(xml, tag.attrsStart, tag, a); q >= 0; q = nextAttr(xml, q, tag, a)) {
      if (attrNamed(xml, a, 'min')) min = attrInt(xml, a);
      else if (attrNamed(xml, a, 'max')) max = attrInt(xml, a);
      else if (attrNamed(xml, a, 'hidden')) isHidden = attrTrue(xml, a);
    }
    if (isHidden && min >= 1) {
      const last = Math.min(max >= min ? max : min, MAX_COLUMNS);
      for (let c = min; c <= last; c++) hidden.push(c - 1);
    }
  });
}

/** Children named `child` of the element just read, calling `each` with one attribute's value. */
function readChildren(
  xml: string,
  tag: Tag,
  a: Attr,
  child: string,
  attribute: string,
  each: (value: string) => void,
): number {
  return eachChild(xml, tag, child, () => {
    for (let q = nextAttr(xml, tag.attrsStart, tag, a); q >= 0; q = nextAttr(xml, q, tag, a))
      if (attrNamed(xml, a, attribute)) each(attrValue(xml, a));
  });
}

/**
 * Walks the children of the element just read in `tag`, calling `visit` (which reads `tag`) on
 * each one named `child`; returns the offset after the element.
 */
function eachChild(xml: string, tag: Tag, child: string, visit: () => void): number {
  if (tag.selfClosing) return tag.end;
  let p = tag.end;
  for (;;) {
    nextTag(xml, p, tag);
    p = tag.end;
    if (tag.special) continue;
    if (tag.closing) return p;
    if (isNamed(xml, tag, child)) visit();
    p = skipElement(xml, tag);
  }
}

/** `<sheetData>` from just after its start tag; returns the offset after `</sheetData>`. */
function readSheetData(
  xml: string,
  from: number,
  tag: Tag,
  a: Attr,
  ctx: SheetContext,
  cells: Cells,
  hiddenRows: number[],
): number {
  const ref = [0, 0];
  let p = from;
  let row = -1;
  let col = -1;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) throw new ScanError('its cell data never closes');
    readTag(xml, lt, tag);
    p = tag.end;
    if (tag.special) continue;
    if (tag.closing) {
      if (isNamed(xml, tag, 'sheetData')) return p;
      continue; // </row>
    }
    if (isNamed(xml, tag, 'c')) {
      let style = 0;
      let type = T_NUMBER;
      let hasRef = false;
      for (let q = nextAttr(xml, tag.attrsStart, tag, a); q >= 0; q = nextAttr(xml, q, tag, a)) {
        if (a.localEnd - a.localStart !== 1) continue;
        const n = xml.charCodeAt(a.localStart);
        if (n === 114) {
          // r
          if (!parseRef(xml, a.valueStart, a.valueEnd, ref))
            throw new ScanError(`a cell has the reference "${attrValue(xml, a)}", which is not a cell address`);
          hasRef = true;
        } else if (n === 115)
          style = attrInt(xml, a); // s
        else if (n === 116) type = cellType(xml, a); // t
      }
      // A cell without `r` follows the previous one in its row.
      if (hasRef) {
        row = ref[0];
        col = ref[1];
      } else {
        if (row < 0) row = 0;
        col++;
      }
      if (!tag.selfClosing) p = readCell(xml, tag, a, ctx, cells, row, col, style, type);
      continue;
    }
    if (isNamed(xml, tag, 'row')) {
      let r = -1;
      let isHidden = false;
      for (let q = nextAttr(xml, tag.attrsStart, tag, a); q >= 0; q = nextAttr(xml, q, tag, a)) {
        if (attrNamed(xml, a, 'r')) r = attrInt(xml, a);
        else if (attrNamed(xml, a, 'hidden')) isHidden = attrTrue(xml, a);
      }
      if (r > MAX_ROWS) throw new ScanError(`a row is numbered ${r}, past Excel's last row`);
      // A row without `r` follows the previous one.
      row = r >= 1 ? r - 1 : row + 1;
      col = -1;
      if (isHidden) hiddenRows.push(row);
      continue;
    }
    p = skipElement(xml, tag);
  }
}

/** The `<v>` text, decoded: from offsets (fast path) or as read. */
function valueText(xml: string, start: number, end: number, read: string | undefined): string {
  return read ?? decodeText(xml.slice(start, end));
}

/** A cell's content from just after its start tag; records its value; returns the offset after `</c>`. */
function readCell(
  xml: string,
  tag: Tag,
  a: Attr,
  ctx: SheetContext,
  cells: Cells,
  row: number,
  col: number,
  style: number,
  type: number,
): number {
  let p = tag.end;
  let hasFormula = false;
  let vStart = -1;
  let vEnd = -1;
  let vText: string | undefined;
  let inline: string | undefined;
  // Fast path for the usual `<v>text</v></c>`, unprefixed: no tag scanning.
  if (xml.charCodeAt(p) === 60 && xml.charCodeAt(p + 1) === 118 && xml.charCodeAt(p + 2) === 62) {
    const e = xml.indexOf('<', p + 3);
    if (e >= 0 && xml.startsWith('</v></c>', e)) {
      vStart = p + 3;
      vEnd = e;
      p = e + 8;
    }
  }
  for (let open = vStart < 0; open;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) throw new ScanError(`cell ${toA1(row, col)} never closes`);
    readTag(xml, lt, tag);
    p = tag.end;
    if (tag.special) continue;
    if (tag.closing) {
      open = !isNamed(xml, tag, 'c');
      continue;
    }
    if (isNamed(xml, tag, 'v')) {
      if (tag.selfClosing) continue;
      const end = xml.indexOf('<', p);
      if (end >= 0 && xml.charCodeAt(end + 1) === 47) {
        // The usual case, plain text then `</v>`: keep offsets, decode only if needed.
        vStart = p;
        vEnd = end;
        readTag(xml, end, tag);
      } else {
        vText = readText(xml, tag);
      }
      p = tag.end;
    } else if (isNamed(xml, tag, 'f')) {
      hasFormula = true;
      p = skipElement(xml, tag);
    } else if (isNamed(xml, tag, 'is')) {
      inline = decodeOoxml(readStringItem(xml, tag));
      p = tag.end;
    } else {
      p = skipElement(xml, tag);
    }
  }
  let value: CellValue = null;
  if (type === T_INLINE) {
    value = inline ?? null;
  } else if (vStart >= 0 || vText !== undefined) {
    switch (type) {
      case T_SHARED: {
        const i = vText !== undefined ? digits(vText, 0, vText.length) : digits(xml, vStart, vEnd);
        if (i < 0 || i >= ctx.strings.length)
          throw new ScanError(
            `cell ${toA1(row, col)} refers to shared string ${i < 0 ? `"${valueText(xml, vStart, vEnd, vText)}"` : i}, but the workbook has ${ctx.strings.length}`,
          );
        value = ctx.strings[i];
        break;
      }
      case T_STR:
        value = decodeOoxml(valueText(xml, vStart, vEnd, vText));
        break;
      case T_BOOL: {
        const t = valueText(xml, vStart, vEnd, vText).trim();
        value = t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : null;
        break;
      }
      case T_ERROR:
        value = { error: valueText(xml, vStart, vEnd, vText).trim() };
        break;
      case T_DATE: {
        // ISO 8601 text; a time-only value has no day to show.
        const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(valueText(xml, vStart, vEnd, vText));
        value = m ? { date: m[1] } : null;
        break;
      }
      default: {
        const t = vText ?? xml.slice(vStart, vEnd);
        const n = t.trim() === '' ? NaN : Number(t);
        if (Number.isNaN(n)) {
          value = null;
        } else if (style >= 0 && style < ctx.dateStyles.length && ctx.dateStyles[style] === 1) {
          const iso = serialToIso(n, ctx.date1904);
          value = iso === null ? n : { date: iso };
        } else {
          value = n;
        }
      }
    }
  }
  if (hasFormula) {
    cells.formulaRows.push(row);
    cells.formulaCols.push(col);
  }
  if (value !== null) {
    cells.rows.push(row);
    cells.cols.push(col);
    cells.values.push(value);
  }
  return p;
}

/**
 * A cell covered by a merge, other than the merge's top-left, is not read (what Excel shows
 * there is the top-left's value): its value and its formula are dropped.
 */
function dropMergedCells(cells: Cells, merges: RangeRef[]): void {
  const covered = (r: number, c: number) => {
    for (const m of merges) {
      if (r < m.start.row || r > m.end.row || c < m.start.col || c > m.end.col) continue;
      if (r !== m.start.row || c !== m.start.col) return true;
    }
    return false;
  };
  // Few merges is the usual case; with many, index them by row first.
  let test = covered;
  if (merges.length > 16) {
    const byRow = new Map<number, RangeRef[]>();
    const rowsWithCells = sortedUnique([...cells.rows, ...cells.formulaRows]);
    for (const m of merges) {
      for (
        let i = lowerBound(rowsWithCells, m.start.row);
        i < rowsWithCells.length && rowsWithCells[i] <= m.end.row;
        i++
      ) {
        const list = byRow.get(rowsWithCells[i]);
        if (list) list.push(m);
        else byRow.set(rowsWithCells[i], [m]);
      }
    }
    test = (r, c) => {
      const list = byRow.get(r);
      if (!list) return false;
      for (const m of list) {
        if (c < m.start.col || c > m.end.col) continue;
        if (r !== m.start.row || c !== m.start.col) return true;
      }
      return false;
    };
  }
  let k = 0;
  for (let i = 0; i < cells.rows.length; i++) {
    if (test(cells.rows[i], cells.cols[i])) continue;
    cells.rows[k] = cells.rows[i];
    cells.cols[k] = cells.cols[i];
    cells.values[k] = cells.values[i];
    k++;
  }
  cells.rows.length = cells.cols.length = cells.values.length = k;
  k = 0;
  for (let i = 0; i < cells.formulaRows.length; i++) {
    if (test(cells.formulaRows[i], cells.formulaCols[i])) continue;
    cells.formulaRows[k] = cells.formulaRows[i];
    cells.formulaCols[k] = cells.formulaCols[i];
    k++;
  }
  cells.formulaRows.length = cells.formulaCols.length = k;
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedUnique(xs: number[]): number[] {
  let ordered = true;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] <= xs[i - 1]) {
      ordered = false;
      break;
    }
  }
  if (ordered) return xs;
  return [...new Set(xs)].sort((x, y) => x - y);
}

/** The rectangle of non-empty values (not null, not ''), top-left first. */
function usedRange(cells: Cells): { origin: { row: number; col: number }; values: CellValue[][] } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const n = cells.rows.length;
  for (let i = 0; i < n; i++) {
    if (cells.values[i] === '') continue;
    const r = cells.rows[i];
    const c = cells.cols[i];
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  if (bottom < 0) return { origin: { row: 0, col: 0 }, values: [] };
  const width = right - left + 1;
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) values.push(new Array<CellValue>(width).fill(null));
  for (let i = 0; i < n; i++) {
    const v = cells.values[i];
    if (v !== '') values[cells.rows[i] - top][cells.cols[i] - left] = v;
  }
  return { origin: { row: top, col: left }, values };
}

/** Formula cells as A1 addresses, in row then column order. */
function formulaAddresses(cells: Cells): string[] {
  const n = cells.formulaRows.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let ordered = true;
  for (let i = 1; i < n; i++) {
    const dr = cells.formulaRows[i] - cells.formulaRows[i - 1];
    if (dr < 0 || (dr === 0 && cells.formulaCols[i] <= cells.formulaCols[i - 1])) {
      ordered = false;
      break;
    }
  }
  if (!ordered)
    order.sort((x, y) => cells.formulaRows[x] - cells.formulaRows[y] || cells.formulaCols[x] - cells.formulaCols[y]);
  const out: string[] = [];
  for (const i of order) {
    const address = toA1(cells.formulaRows[i], cells.formulaCols[i]);
    if (out[out.length - 1] !== address) out.push(address);
  }
  return out;
}
