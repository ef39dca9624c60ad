/** The findings sheet: one row per finding, worst first, each linking to the cell it is about. */
import type { Finding, Report, Severity } from '../report';
import type { PlanCell, PlannedSheet } from './types';
import { parseRange, rangeToA1 } from '../a1';
import { cell, headerRow } from './cells';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const HEADERS = ['Severity', 'Rule', 'Where', 'Department', 'Objective', 'Message', 'Suggestion'];
/** 0-based row of the table header. */
const HEADER = 3;

function position(f: Finding): [number, number] {
  const r = parseRange(f.address);
  return r ? [r.start.row, r.start.col] : [-1, -1];
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i, p: position(f) }))
    .sort(
      (a, b) =>
        ORDER[a.f.severity] - ORDER[b.f.severity] ||
        a.f.sheet.localeCompare(b.f.sheet) ||
        a.p[0] - b.p[0] ||
        a.p[1] - b.p[1] ||
        a.i - b.i,
    )
    .map((x) => x.f);
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
