/**
 * The summary sheet: coverage per objective and per department, counts by rule, and a heat map
 * of the matrix by verdict (a colour scale over scores, so it reads at a glance at any size).
 */
import type { CellResult, Report, Severity } from '../report';
import type { PlanCell, PlannedConditionalFormat, PlannedSheet } from './types';
import { toA1 } from '../a1';
import { cell, headerRow } from './cells';
import { severityByAddress } from './matrixWarnings';

/** Heat map scores: higher is better. Declared-empty cells get no score (left blank). */
export const SCORE = { pass: 3, warning: 2, error: 1, blank: 0 } as const;

/** One shared cell per score: the heat map has a cell for every cell of the matrix. */
const SCORE_CELLS: readonly PlanCell[] = [0, 1, 2, 3].map((value) => Object.freeze({ value }));

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Tally {
  pass: number;
  fail: number;
  blank: number;
  na: number;
}

const empty = (): Tally => ({ pass: 0, fail: 0, blank: 0, na: 0 });

/** 0-based column of the Status column of both coverage tables. */
const STATUS_COL = 7;

function pct(n: number, d: number): PlanCell {
  return d > 0 ? cell(n / d, undefined, { numberFormat: '0%' }) : cell('');
}

export function summarySheet(
  name: string,
  report: Report,
  worst: Map<string, Severity> = severityByAddress(report),
): PlannedSheet {
  const { matrix } = report;
  // validate lists results in matrix order; a map by address only for a report that does not.
  let byAddress: Map<string, CellResult> | undefined;
  let k = 0;
  const resultFor = (address: string): CellResult | undefined => {
    const next = report.cells[k++];
    if (next?.address === address) return next;
    byAddress ??= new Map(report.cells.map((c) => [c.address, c]));
    return byAddress.get(address);
  };
  const perObjective = matrix.objectives.map(empty);
  const perDepartment = matrix.departments.map(empty);
  const scores: (number | undefined)[][] = matrix.departments.map(() => []);
  matrix.cells.forEach((line, i) =>
    line.forEach((mc, j) => {
      const verdict = resultFor(mc.address)?.verdict ?? (mc.text.trim() ? 'fail' : 'blank');
      const key = verdict === 'n/a' ? 'na' : verdict;
      perObjective[j][key]++;
      perDepartment[i][key]++;
      const s = worst.get(mc.address);
      scores[i][j] =
        verdict === 'n/a'
          ? undefined
          : verdict === 'blank'
            ? SCORE.blank
            : verdict === 'fail' || s === 'error'
              ? SCORE.error
              : s === 'warning'
                ? SCORE.warning
                : SCORE.pass;
    }),
  );

  const rows: (PlanCell | undefined)[][] = [
    [cell(`Interlock summary: ${matrix.sheet}!${matrix.range}`, 'title')],
    [
      cell(
        `${matrix.departments.length} departments × ${matrix.objectives.length} objectives. ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} notes.`,
        'muted',
      ),
    ],
    [],
    [cell('Coverage by objective', 'title')],
    headerRow(['Objective', 'Committed', 'Passing', 'Failing', 'Blank', 'n/a', 'Coverage', 'Status']),
  ];
  let statusWidth = 'Status'.length;
  const status = (text: string, style: 'pass' | 'warning' | 'error') => {
    statusWidth = Math.max(statusWidth, text.length);
    return cell(text, style);
  };
  matrix.objectives.forEach((o, j) => {
    const t = perObjective[j];
    const committed = t.pass + t.fail;
    rows.push([
      cell(o.name),
      cell(committed),
      cell(t.pass),
      cell(t.fail),
      cell(t.blank),
      cell(t.na),
      pct(committed, matrix.departments.length),
      committed === 0
        ? status('uncovered', 'error')
        : t.pass === 0
          ? status('no passing commitment', 'warning')
          : status('covered', 'pass'),
    ]);
  });
  rows.push([], [cell('Coverage by department', 'title')]);
  rows.push(headerRow(['Department', 'Commitments', 'Passing', 'Failing', 'Blank', 'n/a', 'Capacity', 'Status']));
  matrix.departments.forEach((d, i) => {
    const t = perDepartment[i];
    const committed = t.pass + t.fail;
    const cap = d.attributes.capacity;
    rows.push([
      cell(d.name),
      cell(committed),
      cell(t.pass),
      cell(t.fail),
      cell(t.blank),
      cell(t.na),
      cell(cap),
      committed === 0
        ? status('unaligned', 'error')
        : cap !== undefined && committed > cap
          ? status(`over capacity (${committed} > ${cap})`, 'warning')
          : status('aligned', 'pass'),
    ]);
  });

  rows.push([], [cell('Findings by rule', 'title')], headerRow(['Rule', 'Severity', 'Count']));
  const byRule = new Map<string, { severity: Severity; count: number }>();
  for (const f of report.findings) {
    const cur = byRule.get(f.rule);
    if (!cur) byRule.set(f.rule, { severity: f.severity, count: 1 });
    else {
      cur.count++;
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[cur.severity]) cur.severity = f.severity;
    }
  }
  const ruleRows = [...byRule.entries()].sort(
    (a, b) =>
      SEVERITY_ORDER[a[1].severity] - SEVERITY_ORDER[b[1].severity] ||
      b[1].count - a[1].count ||
      a[0].localeCompare(b[0]),
  );
  for (const [rule, { severity, count }] of ruleRows) rows.push([cell(rule), cell(severity, severity), cell(count)]);
  if (ruleRows.length === 0) rows.push([cell('No findings.', 'pass')]);

  rows.push(
    [],
    [cell('Heat map by verdict', 'title')],
    [cell('3 passes, 2 passes with a warning, 1 fails or has an error, 0 blank; empty: declared n/a.', 'muted')],
    headerRow(['Department', ...matrix.objectives.map((o) => o.name)]),
  );
  const heatTop = rows.length; // 0-based row of the first department
  matrix.departments.forEach((d, i) => {
    const line: (PlanCell | undefined)[] = [cell(d.name, 'header')];
    for (let j = 0; j < matrix.objectives.length; j++) {
      const s = scores[i][j];
      line.push(s === undefined ? undefined : SCORE_CELLS[s]);
    }
    rows.push(line);
  });
  // Column H holds the coverage tables' statuses ("no passing commitment", "over capacity (5 > 3)"):
  // wide enough for the longest, so none runs into the next column; the heat map shares it.
  const widths = new Array<number>(Math.max(8, matrix.objectives.length)).fill(13);
  widths[STATUS_COL - 1] = Math.min(40, Math.max(13, statusWidth + 2));
  const conditionalFormats: PlannedConditionalFormat[] = [];
  if (matrix.departments.length > 0 && matrix.objectives.length > 0) {
    conditionalFormats.push({
      kind: 'colorScale',
      label: 'heat map',
      range: `${toA1(heatTop, 1)}:${toA1(heatTop + matrix.departments.length - 1, matrix.objectives.length)}`,
      min: '#F8696B',
      mid: '#FFEB84',
      max: '#63BE7B',
      minValue: SCORE.blank,
      midValue: SCORE.warning,
      maxValue: SCORE.pass,
    });
  }
  return {
    name,
    role: 'summary',
    visibility: 'visible',
    rows,
    columnWidths: [28, ...widths],
    tables: [],
    validations: [],
    conditionalFormats,
  };
}
