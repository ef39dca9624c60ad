/** The findings sheet: one row per finding, worst first, each linking to the cell it is about. */
import type { Finding, Report, Severity } from '../report';
import type { PlanCell, PlannedSheet } from './types';
import { parseRange, rangeToA1, type RangeRef } from '../a1';
import { cell, headerRow } from './cells';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const HEADERS = ['Severity', 'Rule', 'Where', 'Department', 'Objective', 'Message', 'Suggestion'];
/** 0-based row of the table header. */
const HEADER = 3;

/**
 * Worst first, then by sheet, row and column, then as reported. Sorted on numbers computed once
 * per finding: a report on a large matrix has tens of thousands of findings.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  const n = findings.length;
  const sheets = [...new Set(findings.map((f) => f.sheet))].sort((a, b) => a.localeCompare(b));
  const sheetRank = new Map(sheets.map((s, i) => [s, i]));
  // One number per finding: severity, sheet, row, column (2 + 12 + 21 + 15 bits, exact in a double).
  const key = new Float64Array(n);
  const packed = sheets.length < 4096;
  const row = new Int32Array(n);
  const col = new Int32Array(n);
  // Findings on one cell share its address: parse each address once.
  const positions = new Map<string, RangeRef | null>();
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    let r = positions.get(f.address);
    if (r === undefined) {
      r = parseRange(f.address);
      positions.set(f.address, r);
    }
    row[i] = r ? r.start.row : -1;
    col[i] = r ? r.start.col : -1;
    const lead = ORDER[f.severity] * 4096 + sheetRank.get(f.sheet)!;
    key[i] = packed ? (lead * 2 ** 21 + (row[i] + 1)) * 2 ** 15 + (col[i] + 1) : lead;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  // Array.prototype.sort is stable: equal keys keep the order they were reported in.
  order.sort(packed ? (a, b) => key[a] - key[b] : (a, b) => key[a] - key[b] || row[a] - row[b] || col[a] - col[b]);
  return order.map((i) => findings[i]);
}

function where(f: Finding): PlanCell {
  if (!f.address) return cell('(workbook)', 'muted');
  const r = parseRange(f.address);
  const target = r ? rangeToA1({ start: r.start, end: r.start }) : undefined;
  return cell(`${f.sheet}!${f.address}`, undefined, target ? { link: { sheet: f.sheet, address: target } } : {});
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
  const sorted = sortFindings(report.findings);
  const findings = sorted.slice(0, Math.max(0, maxRows));
  const left = sorted.slice(findings.length);
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
      where(f),
      cell(f.department),
      cell(f.objective),
      cell(f.message, undefined, { wrap: true }),
      cell(f.suggestion, undefined, { wrap: true }),
    ]);
  }
  if (sorted.length === 0) rows.push([cell('No findings: every check passed.', 'pass')]);
  if (left.length > 0) {
    const count = (sev: Severity) => left.filter((f) => f.severity === sev).length;
    rows.push([
      cell(
        `… and ${left.length} more (${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes) not listed here, worst first above. The summary sheet counts them by rule; \`interlock validate --json\` lists them all.`,
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
