/**
 * Conditional-format warnings on the matrix: four expression rules over the body range, never
 * one per cell. They stay true while people type:
 * - a blank cell (warning) or a cell with no digit in it (error) is flagged by the formula itself
 *   once the cell differs from what was checked;
 * - a verdict only the engine can give (the severity of the cell's findings) applies while the
 *   cell still holds the text that was checked, kept at the same address on a hidden sheet;
 * - any other edit shows as "changed since validation", not as a stale red.
 * The hidden sheet's name appears in every formula: that is how a re-run finds and replaces its
 * own rules and leaves the user's alone.
 */
import type { CellValue } from '../snapshot';
import { isErrorValue } from '../snapshot';
import type { Finding, Report, Severity } from '../report';
import type { PlanCell, PlannedConditionalFormat, PlannedSheet, PlanValue } from './types';
import { toA1 } from '../a1';

export const WARNING_COLOURS = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  changed: { fill: '#D9D2E9', font: '#3F3151' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
} as const;

const CODE: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const SEVERITY_RANK: Record<Severity, number> = CODE;

/** The value the checked sheet keeps for a matrix cell (errors are flagged live, nothing to keep). */
export function checkedValue(v: CellValue): PlanValue | undefined {
  if (v === null || v === '' || isErrorValue(v)) return undefined;
  return v;
}

/**
 * Worst severity per matrix cell: the cell's own findings and matrix findings pinned to it. Cells
 * are keyed by address; a finding on a cell usually repeats that cell's severity, so most
 * findings cost one lookup and no write.
 */
export function severityByAddress(report: Report): Map<string, Severity> {
  const worst = new Map<string, Severity>();
  for (const c of report.cells) if (c.severity) worst.set(c.address, c.severity);
  const sheet = report.matrix.sheet;
  for (const f of report.findings as Finding[]) {
    if (f.sheet !== sheet || !f.address || f.address.includes(':')) continue;
    const cur = worst.get(f.address);
    if (!cur || SEVERITY_RANK[f.severity] > SEVERITY_RANK[cur]) worst.set(f.address, f.severity);
  }
  return worst;
}

/** Rows between the checked text and the severity codes on the hidden sheet. */
export function severityOffset(report: Report): number {
  return report.matrix.body.bottom + 2;
}

/**
 * The severity codes of one matrix row as text, one digit per body column (0 nothing found,
 * 1 info, 2 warning, 3 error); undefined when the row has nothing to flag. One cell per row
 * rather than one per matrix cell: a large matrix has tens of thousands of flagged cells, and
 * every cell written costs time in every host.
 */
function codeLine(line: Report['matrix']['cells'][number], left: number, width: number, worst: Map<string, Severity>) {
  let codes: string[] | undefined;
  for (const cell of line) {
    const s = worst.get(cell.address);
    if (!s) continue;
    codes ??= new Array<string>(width).fill('0');
    codes[cell.col - left] = String(CODE[s]);
  }
  return codes?.join('');
}

export function checkedSheet(
  name: string,
  report: Report,
  worst: Map<string, Severity> = severityByAddress(report),
): PlannedSheet {
  const { body } = report.matrix;
  const offset = severityOffset(report);
  const width = body.right - body.left + 1;
  const rows: (PlanCell | undefined)[][] = [];
  rows[0] = [
    {
      value:
        'Interlock: matrix cells as they were checked (same addresses), and below them, in column A, the severity found in each cell of the row, one digit per column (3 error, 2 warning, 1 info, 0 none). The warnings on the matrix compare against this sheet.',
    },
  ];
  for (const line of report.matrix.cells) {
    for (const cell of line) {
      const kept = checkedValue(cell.value);
      if (kept !== undefined) {
        (rows[cell.row] ??= [])[cell.col] = { value: kept };
      }
    }
    const codes = line.length > 0 ? codeLine(line, body.left, width, worst) : undefined;
    if (codes) (rows[line[0].row + offset] ??= [])[0] = { value: codes };
  }
  // Dense block: fill the holes so adapters can walk rows without checks.
  const height = Math.max(rows.length, body.bottom + 1);
  for (let r = 0; r < height; r++) rows[r] ??= [];
  return {
    name,
    role: 'checked',
    visibility: 'veryHidden',
    rows,
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}

/** The four rules over the body range, in priority order, formulas relative to its top-left cell. */
export function matrixRules(checkedName: string, report: Report): PlannedConditionalFormat[] {
  const { body, bodyRange } = report.matrix;
  const x = toA1(body.top, body.left);
  const sheetRef = `'${checkedName.replace(/'/g, "''")}'`;
  const literal = `"${`${sheetRef}!`.replace(/"/g, '""')}"`;
  const checked = `INDIRECT(${literal}&ADDRESS(ROW(),COLUMN(),4))`;
  // The row's code digits sit in column A, `offset` rows down; "0"& reads a missing one as 0.
  const code = `VALUE("0"&MID(INDIRECT(${literal}&ADDRESS(ROW()+${severityOffset(report)},1,4)),COLUMN()-${body.left},1))`;
  const same = `EXACT(${x},${checked})`;
  const declared = `OR(TRIM(${x})="n/a",TRIM(${x})="-",TRIM(${x})="—",TRIM(${x})="–")`;
  const noDigit = `SUMPRODUCT(--ISNUMBER(FIND({0,1,2,3,4,5,6,7,8,9},${x})))=0`;
  const filled = `LEN(TRIM(${x}))>0`;
  const rule = (label: keyof typeof WARNING_COLOURS, formula: string): PlannedConditionalFormat => ({
    kind: 'expression',
    label,
    range: bodyRange,
    formula,
    fill: WARNING_COLOURS[label].fill,
    fontColor: WARNING_COLOURS[label].font,
    stopIfTrue: true,
  });
  // The four are mutually exclusive, so the result does not depend on stopIfTrue support.
  return [
    rule('error', `IF(ISERROR(${x}),TRUE,IF(${same},${code}=3,AND(${filled},NOT(${declared}),${noDigit})))`),
    rule('warning', `IF(ISERROR(${x}),FALSE,IF(${same},${code}=2,NOT(${filled})))`),
    rule('changed', `IF(ISERROR(${x}),FALSE,IF(${same},FALSE,AND(${filled},OR(${declared},NOT(${noDigit})))))`),
    rule('info', `IF(ISERROR(${x}),FALSE,IF(${same},${code}=1,FALSE))`),
  ];
}
