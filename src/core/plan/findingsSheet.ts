/** The findings sheet: one row per finding, worst first, each linking to the cell it is about. */
import type { Finding, Report, Severity } from '../report';
import type { PlanCell, PlannedSheet } from './types';
import { parseRange, toA1, type CellRef, type RangeRef } from '../a1';
import { plainCellAt } from '../matrix/cellIndex';
import { cell, headerRow, linkedCell } from './cells';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const HEADERS = ['Severity', 'Rule', 'Where', 'Department', 'Objective', 'Message', 'Suggestion'];
/** 0-based row of the table header. */
const HEADER = 3;

/** The top-left cell an address points at, written into `out`; false when it points at none. */
type StartOf = (address: string, out: CellRef) => boolean;

/**
 * A plain `B12` (what every finding on a matrix cell has) is read by its characters, with no map
 * and no allocation; anything else goes to parseRange, once per distinct address.
 */
function positions(): StartOf {
  const other = new Map<string, RangeRef | null>();
  return (address, out) => {
    if (plainCellAt(address, out)) return true;
    let r = other.get(address);
    if (r === undefined) {
      r = parseRange(address);
      other.set(address, r);
    }
    if (!r) return false;
    out.row = r.start.row;
    out.col = r.start.col;
    return true;
  };
}

/**
 * Worst first, then by sheet, row and column, then as reported; only the first `limit` of that
 * order (the findings sheet lists at most so many). Sorted on numbers computed once per finding:
 * a report on a large matrix has tens of thousands of findings.
 */
export function sortFindings(findings: Finding[], limit = findings.length, startOf: StartOf = positions()): Finding[] {
  const n = findings.length;
  const sheets = [...new Set(findings.map((f) => f.sheet))].sort((a, b) => a.localeCompare(b));
  const sheetRank = new Map(sheets.map((s, i) => [s, i]));
  // One number per finding: severity, sheet, row, column (2 + 12 + 21 + 15 bits, exact in a double).
  const key = new Float64Array(n);
  const packed = sheets.length < 4096;
  const row = new Int32Array(n);
  const col = new Int32Array(n);
  const at: CellRef = { row: 0, col: 0 };
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    const found = startOf(f.address, at);
    row[i] = found ? at.row : -1;
    col[i] = found ? at.col : -1;
    const lead = ORDER[f.severity] * 4096 + sheetRank.get(f.sheet)!;
    key[i] = packed ? (lead * 2 ** 21 + (row[i] + 1)) * 2 ** 15 + (col[i] + 1) : lead;
  }
  const take = Math.max(0, Math.min(limit, n));
  let order: number[];
  if (packed && take < n) {
    // Only the first `take` are wanted: the key of the last one wanted (a native numeric sort of
    // the keys alone), then the findings below it and, in reported order, enough of those equal to it.
    const last = take > 0 ? key.slice().sort()[take - 1] : -Infinity;
    order = [];
    for (let i = 0; i < n; i++) if (key[i] < last) order.push(i);
    for (let i = 0; i < n && order.length < take; i++) if (key[i] === last) order.push(i);
  } else {
    order = Array.from({ length: n }, (_, i) => i);
  }
  // Array.prototype.sort is stable: equal keys keep the order they were reported in.
  order.sort(packed ? (a, b) => key[a] - key[b] : (a, b) => key[a] - key[b] || row[a] - row[b] || col[a] - col[b]);
  const out = new Array<Finding>(take);
  for (let i = 0; i < take; i++) out[i] = findings[order[i]];
  return out;
}

function where(f: Finding, startOf: StartOf, at: CellRef): PlanCell {
  if (!f.address) return cell('(workbook)', 'muted');
  const label = `${f.sheet}!${f.address}`;
  return startOf(f.address, at) ? linkedCell(label, undefined, f.sheet, toA1(at.row, at.col)) : cell(label);
}

/** Beyond this many rows a findings list stops being read; the rest is counted, not listed. */
export const DEFAULT_MAX_FINDING_ROWS = 10000;

export function findingsSheet(
  name: string,
  tableName: string,
  report: Report,
  workbookName?: string,
  maxRows = DEFAULT_MAX_FINDING_ROWS,
): PlannedSheet {
  const startOf = positions();
  const at: CellRef = { row: 0, col: 0 };
  const findings = sortFindings(report.findings, maxRows, startOf);
  const leftCount = report.findings.length - findings.length;
  const { errors, warnings, infos } = report.summary;
  const rows: (PlanCell | undefined)[][] = [
    [cell(workbookName ? `Interlock findings: ${workbookName}` : 'Interlock findings', 'title')],
    [
      cell(
        `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${
          infos === 1 ? '' : 's'
        } on matrix ${report.matrix.sheet}!${report.matrix.range}. Click a place to go to it.`,
        'muted',
      ),
    ],
    [],
    headerRow(HEADERS),
  ];
  for (const f of findings) {
    rows.push([
      cell(f.severity, f.severity),
      cell(f.rule),
      where(f, startOf, at),
      cell(f.department),
      cell(f.objective),
      cell(f.message, undefined, { wrap: true }),
      cell(f.suggestion, undefined, { wrap: true }),
    ]);
  }
  if (report.findings.length === 0) rows.push([cell('No findings: every check passed.', 'pass')]);
  if (leftCount > 0) {
    // What is not listed, by severity: all the findings less the listed ones.
    const count = (sev: Severity) =>
      report.findings.reduce((k, f) => k + (f.severity === sev ? 1 : 0), 0) -
      findings.reduce((k, f) => k + (f.severity === sev ? 1 : 0), 0);
    rows.push([
      cell(
        `… and ${leftCount} more (${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes) not listed here, worst first above. The summary sheet counts them by rule; \`interlock validate --json\` lists them all.`,
        'muted',
      ),
    ]);
  }
  const last = HEADER + Math.max(findings.length, 0);
  return {
    name,
    role: 'findings',
    visibility: 'visible',
    rows,
    columnWidths: [10, 24, 22, 20, 24, 60, 60],
    freeze: { rows: HEADER + 1, cols: 0 },
    // Excel tables need at least one data row.
    tables:
      findings.length > 0 ? [{ name: tableName, range: `A${HEADER + 1}:G${last + 1}`, style: 'TableStyleLight9' }] : [],
    validations: [],
    conditionalFormats: [],
    tabColor: report.summary.errors > 0 ? '#C00000' : report.summary.warnings > 0 ? '#BF8F00' : '#548235',
  };
}
