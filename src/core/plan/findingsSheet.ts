/** The findings sheet: one row per finding, worst first, each linking to the cell it is about. */
import type { Finding, Report, Severity } from '../report';
import type { PlanCell, PlannedSheet } from './types';
import { parseRange, toA1, type RangeRef } from '../a1';
import { cell, headerRow, linkedCell } from './cells';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const HEADERS = ['Severity', 'Rule', 'Where', 'Department', 'Objective', 'Message', 'Suggestion'];
/** 0-based row of the table header. */
const HEADER = 3;

/**
 * Where an address points, parsed once per distinct address. A plain `B12` (what every finding on
 * a matrix cell has) is read by its characters; anything else goes to parseRange.
 */
function positions(): (address: string) => RangeRef | null {
  const known = new Map<string, RangeRef | null>();
  return (address) => {
    let r = known.get(address);
    if (r === undefined) {
      r = plainCell(address) ?? parseRange(address);
      known.set(address, r);
    }
    return r;
  };
}

/** `B12`: one to three capital letters, then one to seven digits; null for any other form. */
function plainCell(a: string): RangeRef | null {
  const n = a.length;
  let i = 0;
  let col = 0;
  for (; i < n && i < 3; i++) {
    const c = a.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || n - i < 1 || n - i > 7) return null;
  let row = 0;
  for (; i < n; i++) {
    const c = a.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  const at = { row: row - 1, col: col - 1 };
  return { start: at, end: { row: at.row, col: at.col } };
}

/**
 * Worst first, then by sheet, row and column, then as reported; only the first `limit` of that
 * order (the findings sheet lists at most so many). Sorted on numbers computed once per finding:
 * a report on a large matrix has tens of thousands of findings.
 */
export function sortFindings(
  findings: Finding[],
  limit = findings.length,
  positionOf: (address: string) => RangeRef | null = positions(),
): Finding[] {
  const n = findings.length;
  const sheets = [...new Set(findings.map((f) => f.sheet))].sort((a, b) => a.localeCompare(b));
  const sheetRank = new Map(sheets.map((s, i) => [s, i]));
  // One number per finding: severity, sheet, row, column (2 + 12 + 21 + 15 bits, exact in a double).
  const key = new Float64Array(n);
  const packed = sheets.length < 4096;
  const row = new Int32Array(n);
  const col = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    const r = positionOf(f.address);
    row[i] = r ? r.start.row : -1;
    col[i] = r ? r.start.col : -1;
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

function where(f: Finding, positionOf: (address: string) => RangeRef | null): PlanCell {
  if (!f.address) return cell('(workbook)', 'muted');
  const r = positionOf(f.address);
  const label = `${f.sheet}!${f.address}`;
  return r ? linkedCell(label, undefined, f.sheet, toA1(r.start.row, r.start.col)) : cell(label);
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
  const positionOf = positions();
  const findings = sortFindings(report.findings, maxRows, positionOf);
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
      where(f, positionOf),
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
