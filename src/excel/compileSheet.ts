/**
 * A planned sheet turned into queued Office.js operations, each with the request bytes it adds.
 * Build operations fill a temporary hidden sheet and only touch that sheet; swap operations
 * (formulas, tables, rules that may name other sheets) run once every sheet has its final name.
 */
import { columnName, quoteSheet, rangeToA1 } from '../core/a1';
import type { PlanCell, PlannedConditionalFormat, PlannedSheet } from '../core/plan/types';
import { LOOKS } from '../core/plan/looks';
import { toOfficeValue } from './officeValues';

/** One step queued on the request context; `bytes` is what it adds to the request. */
export interface Op {
  bytes: number;
  stage: string;
  queue(): void;
}

/** Rough size of an action's envelope in Office's request JSON (object path, ids, names). */
export const ACTION_OVERHEAD_BYTES = 160;
/** Rows are grouped into writes of about this many bytes; several fit in one request. */
export const VALUES_CHUNK_BYTES = 1_000_000;
/** Longest areas address passed to one getRanges call. */
const MAX_AREAS_ADDRESS = 2_000;
/** Excel's limit on a text literal inside a formula. */
const MAX_FORMULA_TEXT = 255;
/** Column widths in the plan are in characters (as in a file); Office.js wants points. */
const POINTS_PER_CHARACTER = 5.7;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const jsonBytes = (v: unknown): number => utf8Length(JSON.stringify(v) ?? '');

type SheetRef = () => Excel.Worksheet;

export interface CompiledSheet {
  build: Op[];
  swap: Op[];
}

/** `=HYPERLINK("#'Sheet'!B5","B5")`: a link written with the values, in one array write. */
function linkFormula(cell: PlanCell): string | null {
  if (!cell.link) return null;
  const text =
    cell.value === undefined || cell.value === null
      ? ''
      : String(typeof cell.value === 'object' ? cell.value.date : cell.value);
  if (text.length > MAX_FORMULA_TEXT || /[\r\n]/.test(text)) return null;
  const target = `#${quoteSheet(cell.link.sheet)}!${cell.link.address}`;
  if (target.length > MAX_FORMULA_TEXT) return null;
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(target)},${q(text)})`;
}

export function compileSheet(ps: PlannedSheet, sheet: SheetRef): CompiledSheet {
  const build: Op[] = [];
  const swap: Op[] = [];
  const stage = `Writing ${ps.name}`;
  const width = ps.rows.reduce((w, r) => Math.max(w, r.length), 0);

  // Values, number formats and link formulas, by row chunks; plan formulas wait for the swap.
  type Line = { values: unknown[]; formats: (string | null)[]; links: (string | null)[]; formulas: (string | null)[] };
  const lines: Line[] = ps.rows.map((row) => {
    const line: Line = { values: [], formats: [], links: [], formulas: [] };
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      let value: unknown = null;
      let format: string | null = null;
      let link: string | null = null;
      let formula: string | null = null;
      if (cell) {
        if (cell.formula !== undefined) {
          formula = `=${cell.formula.replace(/^=/, '')}`;
          format = cell.numberFormat ?? 'General';
        } else {
          link = linkFormula(cell);
          if (link) format = cell.numberFormat ?? 'General';
          else {
            const v = toOfficeValue(cell.value, cell.numberFormat);
            value = v.value;
            format = v.numberFormat ?? cell.numberFormat ?? null;
          }
        }
      }
      line.values.push(value);
      line.formats.push(format);
      line.links.push(link);
      line.formulas.push(formula);
    }
    return line;
  });

  const chunks = (pick: (l: Line) => boolean, size: (l: Line) => number) => {
    const out: { top: number; rows: Line[]; bytes: number }[] = [];
    let current: { top: number; rows: Line[]; bytes: number } | null = null;
    lines.forEach((l, r) => {
      if (!pick(l)) {
        current = null;
        return;
      }
      const b = size(l);
      if (!current || current.bytes + b > VALUES_CHUNK_BYTES) {
        current = { top: r, rows: [], bytes: 0 };
        out.push(current);
      }
      current.rows.push(l);
      current.bytes += b;
    });
    return out;
  };

  if (width > 0) {
    const anyValue = (l: Line) =>
      l.values.some((v) => v !== null) || l.formats.some((f) => f !== null) || l.links.some((f) => f !== null);
    for (const chunk of chunks(anyValue, (l) => jsonBytes(l.values) + jsonBytes(l.formats) + jsonBytes(l.links))) {
      const values = chunk.rows.map((l) => l.values);
      const formats = chunk.rows.map((l) => l.formats);
      const links = chunk.rows.some((l) => l.links.some((x) => x !== null)) ? chunk.rows.map((l) => l.links) : null;
      build.push({
        bytes: chunk.bytes + ACTION_OVERHEAD_BYTES * (links ? 3 : 2),
        stage,
        queue: () => {
          const range = sheet().getRangeByIndexes(chunk.top, 0, chunk.rows.length, width);
          // The format goes first, so text lands as text (never parsed as a number or formula).
          range.numberFormat = formats as string[][];
          range.values = values as (string | number | boolean)[][];
          if (links) range.formulas = links as string[][];
        },
      });
    }
    const hasFormula = (l: Line) => l.formulas.some((f) => f !== null);
    for (const chunk of chunks(hasFormula, (l) => jsonBytes(l.formulas))) {
      const formulas = chunk.rows.map((l) => l.formulas);
      swap.push({
        bytes: chunk.bytes + ACTION_OVERHEAD_BYTES,
        stage,
        queue: () => {
          sheet().getRangeByIndexes(chunk.top, 0, chunk.rows.length, width).formulas = formulas as string[][];
        },
      });
    }
  }

  // Hyperlinks whose text is too long for HYPERLINK(): one property write per cell.
  ps.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.link || lines[r].links[c] !== null) return;
      const textToDisplay = String(cell.value ?? '');
      const documentReference = `${quoteSheet(cell.link.sheet)}!${cell.link.address}`;
      build.push({
        bytes: jsonBytes([documentReference, textToDisplay]) + ACTION_OVERHEAD_BYTES,
        stage,
        queue: () => {
          sheet().getRangeByIndexes(r, c, 1, 1).hyperlink = { documentReference, textToDisplay };
        },
      });
    }),
  );

  // Cell styles and wrapping: one format write per style over all its areas.
  for (const [style, areas] of areasBy(ps.rows, (cell) => cell?.style)) {
    const look = LOOKS[style as keyof typeof LOOKS];
    if (!look) continue;
    for (const address of joinAreas(areas)) {
      build.push({
        bytes: utf8Length(address) + ACTION_OVERHEAD_BYTES * 6,
        stage,
        queue: () => {
          const format = sheet().getRanges(address).format;
          if (look.fill) format.fill.color = look.fill;
          if (look.font) format.font.color = look.font;
          if (look.bold) format.font.bold = true;
          if (look.size) format.font.size = look.size;
          if (look.bottomBorder) {
            const edge = format.borders.getItem('EdgeBottom');
            edge.style = 'Continuous';
            edge.color = look.bottomBorder;
          }
        },
      });
    }
  }
  for (const [, areas] of areasBy(ps.rows, (cell) => (cell?.wrap ? 'wrap' : undefined))) {
    for (const address of joinAreas(areas)) {
      build.push({
        bytes: utf8Length(address) + ACTION_OVERHEAD_BYTES,
        stage,
        queue: () => {
          sheet().getRanges(address).format.wrapText = true;
        },
      });
    }
  }

  (ps.columnWidths ?? []).forEach((chars, c) => {
    if (!(chars > 0)) return;
    const points = Math.round(chars * POINTS_PER_CHARACTER * 100) / 100;
    build.push({
      bytes: ACTION_OVERHEAD_BYTES,
      stage,
      queue: () => {
        sheet().getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = points;
      },
    });
  });

  if (ps.freeze && (ps.freeze.rows > 0 || ps.freeze.cols > 0)) {
    const { rows, cols } = ps.freeze;
    build.push({
      bytes: ACTION_OVERHEAD_BYTES,
      stage,
      queue: () => {
        const panes = sheet().freezePanes;
        if (rows > 0 && cols > 0) panes.freezeAt(sheet().getRangeByIndexes(0, 0, rows, cols));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(cols);
      },
    });
  }

  if (ps.tabColor) {
    const color = ps.tabColor;
    build.push({ bytes: ACTION_OVERHEAD_BYTES, stage, queue: () => void (sheet().tabColor = color) });
  }

  for (const v of ps.validations) {
    // A list on the same sheet can be set while the sheet has its temporary name.
    const target = v.listSource.includes('!') ? swap : build;
    target.push({
      bytes: jsonBytes(v) + ACTION_OVERHEAD_BYTES * 3,
      stage,
      queue: () => {
        const dv = sheet().getRange(v.range).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: listSource(v.listSource) } };
        dv.errorAlert = {
          showAlert: true,
          style: v.allowOther ? 'Information' : 'Stop',
          title: 'Interlock',
          message: v.allowOther
            ? 'This value is not in the list. Keep it if you will add the row it refers to.'
            : 'Choose a value from the list.',
        };
        if (v.prompt) dv.prompt = { showPrompt: true, title: 'Interlock', message: v.prompt.slice(0, 255) };
      },
    });
  }

  for (const t of ps.tables) {
    swap.push({
      bytes: jsonBytes(t) + ACTION_OVERHEAD_BYTES * 3,
      stage,
      queue: () => {
        // Values are already in place: the table is laid over them (never TableRowCollection.add).
        const table = sheet().tables.add(t.range, true);
        table.name = t.name;
        table.style = t.style;
      },
    });
  }

  ps.conditionalFormats.forEach((cf, i) => {
    swap.push({
      bytes: conditionalFormatBytes(cf),
      stage,
      queue: () => queueConditionalFormat(sheet().getRange(cf.range), cf, i),
    });
  });

  return { build, swap };
}

/**
 * Office wants a literal list as plain `a,b` and a range as a formula `=$A$2:$A$40`; the plan
 * writes a literal list the way the file format does, in double quotes.
 */
export function listSource(source: string): string {
  const s = source.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  return `=${s.replace(/^=/, '')}`;
}

export function conditionalFormatBytes(cf: PlannedConditionalFormat): number {
  return jsonBytes(cf) + ACTION_OVERHEAD_BYTES * 6;
}

/** Adds one rule at `priority` (0 is first), so rules keep the plan's order whatever is there. */
export function queueConditionalFormat(range: Excel.Range, cf: PlannedConditionalFormat, priority: number): void {
  if (cf.kind === 'expression') {
    const added = range.conditionalFormats.add('Custom');
    added.custom.rule.formula = `=${cf.formula.replace(/^=/, '')}`;
    added.custom.format.fill.color = cf.fill;
    if (cf.fontColor) added.custom.format.font.color = cf.fontColor;
    added.stopIfTrue = cf.stopIfTrue;
    added.priority = priority;
  } else {
    const added = range.conditionalFormats.add('ColorScale');
    added.colorScale.criteria = {
      minimum: { type: 'LowestValue', color: cf.min },
      ...(cf.mid ? { midpoint: { type: 'Percentile', formula: '50', color: cf.mid } } : {}),
      maximum: { type: 'HighestValue', color: cf.max },
    };
    added.priority = priority;
  }
}

/**
 * Cells grouped by a key into rectangles: runs along each row, stacked while the next row has the
 * same run. A findings sheet's severity column becomes a handful of areas, not one per cell.
 */
export function areasBy(
  rows: (PlanCell | undefined)[][],
  keyOf: (cell: PlanCell | undefined) => string | undefined,
): Map<string, string[]> {
  type Rect = { key: string; top: number; bottom: number; left: number; right: number };
  const out = new Map<string, string[]>();
  let open = new Map<string, Rect>();
  const close = (rect: Rect) => {
    const list = out.get(rect.key) ?? [];
    list.push(rangeToA1({ start: { row: rect.top, col: rect.left }, end: { row: rect.bottom, col: rect.right } }));
    out.set(rect.key, list);
  };
  rows.forEach((row, r) => {
    const next = new Map<string, Rect>();
    let c = 0;
    while (c < row.length) {
      const key = keyOf(row[c]);
      if (key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && keyOf(row[end + 1]) === key) end++;
      const id = `${key}\u0000${c}\u0000${end}`;
      const rect = open.get(id);
      if (rect) {
        rect.bottom = r;
        open.delete(id);
        next.set(id, rect);
      } else next.set(id, { key, top: r, bottom: r, left: c, right: end });
      c = end + 1;
    }
    for (const rect of open.values()) close(rect);
    open = next;
  });
  for (const rect of open.values()) close(rect);
  return out;
}

/** Areas joined into comma lists short enough for one getRanges call each. */
export function joinAreas(areas: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const a of areas) {
    if (current && current.length + 1 + a.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) out.push(current);
  return out;
}
