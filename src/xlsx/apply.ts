/**
 * Carries out a WritePlan on an ExcelJS workbook: removes what the previous run owned, then
 * writes the planned sheets and the matrix rules. It never writes a cell on a sheet it does not
 * own; on the matrix it only swaps its own conditional-format rules.
 */
import type ExcelJS from 'exceljs';
import type {
  CellStyle,
  PlanCell,
  PlannedConditionalFormat,
  PlannedSheet,
  PlanValue,
  WritePlan,
} from '../core/plan/types';
import { parseRange, quoteSheet, rangeToA1, type RangeRef } from '../core/a1';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

/** What each plan style looks like. */
const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14, color: { argb: argb('#1F3864') } } },
  header: {
    font: { bold: true },
    fill: solid('#D9E1F2'),
    border: { bottom: { style: 'thin', color: { argb: argb('#8EA9DB') } } },
  },
  error: { font: { color: { argb: argb('#9C0006') } }, fill: solid('#FFC7CE') },
  warning: { font: { color: { argb: argb('#9C5700') } }, fill: solid('#FFEB9C') },
  info: { font: { color: { argb: argb('#1F4E78') } }, fill: solid('#DDEBF7') },
  pass: { font: { color: { argb: argb('#006100') } }, fill: solid('#C6EFCE') },
  changed: { font: { color: { argb: argb('#3F3151') } }, fill: solid('#D9D2E9') },
  muted: { font: { color: { argb: argb('#595959') } }, fill: solid('#F2F2F2') },
  input: { fill: solid('#FFFFFF') },
};

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** Rows and unstyled cells share this one empty style (a row's own style object is serialised too). */
const NO_STYLE: Partial<ExcelJS.Style> = {};

/**
 * One style object per combination, shared by every cell that has it. ExcelJS keeps a cell's
 * style by reference and, when writing, serialises each style object it has not seen before:
 * a fresh object per cell made that the largest part of writing a big plan. Nothing mutates
 * these afterwards (apply never uses the cell's style setters, which write into the object).
 */
class StyleCache {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(pc: PlanCell): Partial<ExcelJS.Style> {
    const dated = pc.value !== null && typeof pc.value === 'object';
    if (!pc.style && !pc.numberFormat && !pc.wrap && !pc.link && !dated) return NO_STYLE;
    const numFmt = pc.numberFormat ?? (dated ? 'yyyy-mm-dd' : undefined);
    const link = Boolean(pc.link) && !pc.style;
    const key = `${pc.style ?? ''}|${numFmt ?? ''}|${pc.wrap ? 1 : 0}|${link ? 1 : 0}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = { ...(pc.style ? STYLES[pc.style] : {}) };
      if (link) style.font = LINK_FONT;
      if (numFmt) style.numFmt = numFmt;
      if (pc.wrap) style.alignment = WRAP;
      this.byKey.set(key, style);
    }
    return style;
  }
}

function dateOf(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** A plan value as ExcelJS stores it. Strings stay strings: ExcelJS never parses them as formulas. */
function excelValue(v: PlanValue | undefined): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object') return dateOf(v.date) ?? v.date;
  return v;
}

function internalLink(sheet: string, address: string): string {
  return `#${quoteSheet(sheet)}!${address}`;
}

/** What a plan cell holds, as an ExcelJS value: data, a formula, or a link to a cell. */
function cellValue(pc: PlanCell): ExcelJS.CellValue {
  const value = excelValue(pc.value);
  if (pc.formula !== undefined) {
    return { formula: pc.formula, result: value ?? undefined } as ExcelJS.CellFormulaValue;
  }
  if (!pc.link) return value;
  const text =
    value === null ? pc.link.address : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const target = internalLink(pc.link.sheet, pc.link.address);
  // A HYPERLINK formula costs no relationship part per link (thousands of findings stay cheap)
  // and carries a plain in-document target every reader understands. Excel caps a text
  // constant in a formula at 255 characters: longer ones get a hyperlink object instead.
  return text.length <= 255 && target.length <= 255
    ? ({
        formula: `HYPERLINK("${target.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`,
        result: text,
      } as ExcelJS.CellFormulaValue)
    : { text, hyperlink: target };
}

/** What ExcelJS 4.4 has at run time but leaves out of its type declarations. */
type Sheet = ExcelJS.Worksheet & {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

type CfRule = ExcelJS.ConditionalFormattingRule & { formulae?: string[]; priority?: number };

function cfRule(cf: PlannedConditionalFormat, priority: number): CfRule {
  if (cf.kind === 'expression') {
    return {
      type: 'expression',
      priority,
      formulae: [cf.formula],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } },
        ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor) } } } : {}),
      },
    } as CfRule;
  }
  const point = (type: 'min' | 'max' | 'percentile', value: number | undefined, fallback?: number) =>
    value !== undefined ? { type: 'num', value } : fallback !== undefined ? { type, value: fallback } : { type };
  const cfvo = [
    point('min', cf.minValue),
    ...(cf.mid ? [point('percentile', cf.midValue, 50)] : []),
    point('max', cf.maxValue),
  ];
  const color = [cf.min, ...(cf.mid ? [cf.mid] : []), cf.max].map((c) => ({ argb: argb(c) }));
  return { type: 'colorScale', priority, cfvo, color } as unknown as CfRule;
}

function maxPriority(ws: Sheet): number {
  let max = 0;
  for (const cf of ws.conditionalFormattings ?? []) {
    for (const rule of cf.rules as CfRule[]) max = Math.max(max, rule.priority ?? 0);
  }
  return max;
}

/** Adds rules after the sheet's existing ones (which keep their priorities untouched). */
function addRules(ws: Sheet, rules: PlannedConditionalFormat[]): void {
  let priority = maxPriority(ws);
  for (const cf of rules) {
    ws.addConditionalFormatting({ ref: cf.range, rules: [cfRule(cf, ++priority)] });
  }
}

/** Removes, from one sheet, every rule whose formula carries Interlock's marker; returns how many. */
export function removeOwnedRules(ws: Sheet, marker: string): number {
  let removed = 0;
  const kept: ExcelJS.ConditionalFormattingOptions[] = [];
  for (const cf of ws.conditionalFormattings ?? []) {
    const rules = (cf.rules as CfRule[]).filter((rule) => {
      const owned = (rule.formulae ?? []).some((f) => typeof f === 'string' && f.includes(marker));
      if (owned) removed++;
      return !owned;
    });
    if (rules.length > 0) kept.push(rules.length === cf.rules.length ? cf : { ...cf, rules });
  }
  if (removed > 0) ws.conditionalFormattings = kept;
  return removed;
}

/** A planned table with its data rows, gathered while the sheet's cells are written. */
interface TableData {
  table: PlannedSheet['tables'][number];
  range: RangeRef;
  /** The header row's values as planned (ExcelJS writes them into the cells as column names). */
  header: PlanValue[];
  rows: ExcelJS.CellValue[][];
}

/** Tables with at least one data row (Excel needs one), each with an empty block for its rows. */
function tableData(sheet: PlannedSheet): TableData[] {
  const out: TableData[] = [];
  for (const table of sheet.tables) {
    const range = parseRange(table.range);
    if (!range || range.end.row <= range.start.row) continue;
    const width = range.end.col - range.start.col + 1;
    const rows = Array.from({ length: range.end.row - range.start.row }, () =>
      new Array<ExcelJS.CellValue>(width).fill(null),
    );
    const planned = sheet.rows[range.start.row] ?? [];
    const header = Array.from({ length: width }, (_, i) => planned[range.start.col + i]?.value ?? null);
    out.push({ table, range, header, rows });
  }
  return out;
}

/** The table whose data rows hold this cell, if any. */
function tableAt(tables: TableData[], r: number, c: number): TableData | undefined {
  for (const t of tables) {
    const { start, end } = t.range;
    if (r > start.row && r <= end.row && c >= start.col && c <= end.col) return t;
  }
  return undefined;
}

/** ExcelJS writes a table's header and rows into the cells itself: its data goes only through here. */
function addTable(ws: ExcelJS.Worksheet, { table, range, header, rows }: TableData): void {
  const columns: ExcelJS.TableColumnProperties[] = [];
  for (let c = range.start.col; c <= range.end.col; c++) {
    const v = header[c - range.start.col];
    const name = v === null || v === undefined ? `Column ${c + 1}` : typeof v === 'object' ? v.date : String(v);
    columns.push({ name, filterButton: true });
  }
  ws.addTable({
    name: table.name,
    ref: rangeToA1({ start: range.start, end: range.start }),
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns,
    rows,
  });
}

function writeSheet(wb: ExcelJS.Workbook, sheet: PlannedSheet, styles: StyleCache): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility,
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, showGridLines: true }]
      : [{ showGridLines: true }],
  }) as Sheet;
  const tables = tableData(sheet);
  sheet.rows.forEach((line, r) => {
    if (!line || line.length === 0) return;
    const row = ws.getRow(r + 1);
    (row as unknown as { style: Partial<ExcelJS.Style> }).style = NO_STYLE;
    line.forEach((pc, c) => {
      if (!pc) return;
      const cell = row.getCell(c + 1);
      const table = tables.length > 0 ? tableAt(tables, r, c) : undefined;
      if (table) table.rows[r - table.range.start.row - 1][c - table.range.start.col] = cellValue(pc);
      else cell.value = cellValue(pc);
      cell.style = styles.get(pc);
    });
  });
  if (sheet.visibility === 'visible') {
    // Printed for a meeting: one page wide, as long as it needs.
    Object.assign(ws.pageSetup, { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  }
  sheet.columnWidths?.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  for (const t of tables) addTable(ws, t);
  for (const v of sheet.validations) {
    ws.dataValidations.add(v.range, {
      type: 'list',
      allowBlank: true,
      formulae: [v.listSource],
      showInputMessage: Boolean(v.prompt),
      ...(v.prompt ? { prompt: v.prompt } : {}),
      // "information" lets people keep a value that is not in the list (a parent they add later).
      showErrorMessage: true,
      errorStyle: v.allowOther ? 'information' : 'stop',
      error: v.allowOther ? 'This value is not in the list yet. Keep it?' : 'Pick a value from the list.',
    });
  }
  addRules(ws, sheet.conditionalFormats);
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): void {
  const replacing = new Set([...plan.removeSheets, ...plan.sheets.map((s) => s.name)]);
  for (const ws of [...wb.worksheets]) {
    if (replacing.has(ws.name)) wb.removeWorksheet(ws.id);
  }
  // The matrix may have moved since the last run: take Interlock's rules off every sheet.
  for (const ws of wb.worksheets) removeOwnedRules(ws as Sheet, plan.ownerMarker);
  const styles = new StyleCache();
  for (const sheet of plan.sheets) writeSheet(wb, sheet, styles);
  if (plan.matrix.sheet && plan.matrix.conditionalFormats.length > 0) {
    const ws = wb.getWorksheet(plan.matrix.sheet);
    if (!ws) throw new Error(`the matrix sheet "${plan.matrix.sheet}" is not in the workbook`);
    addRules(ws as Sheet, plan.matrix.conditionalFormats);
  }
}
