/**
 * A hand-made report for plan tests: a matrix read from a snapshot by position, and a crude
 * stand-in for the statement checker (a cell passes when it has a digit and an "to"/"by" clause).
 * It exists so the plan can be tested without the engine; it is not the engine.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import type { CellResult, Finding, Report, Severity } from '../../../src/core/report';
import type { Matrix, MatrixCell } from '../../../src/core/matrix/types';
import type { StatementAnalysis } from '../../../src/core/statement/types';
import { cellAt } from '../../../src/core/snapshot';
import { toA1 } from '../../../src/core/a1';
import { cellText } from '../../../src/core/matrix/text';

export interface Grid {
  sheet?: string;
  /** 0-based position of the header row / department column. */
  top?: number;
  left?: number;
  objectives: string[];
  departments: { name: string; cells: CellValue[]; capacity?: number }[];
}

/** The sheet a grid lays out: a title in A1, then the header row and department rows. */
export function gridSheet(grid: Grid, index = 0): SheetSnapshot {
  const top = grid.top ?? 2;
  const left = grid.left ?? 1;
  const values: CellValue[][] = [];
  const put = (r: number, c: number, v: CellValue) => {
    while (values.length <= r) values.push([]);
    values[r][c] = v;
  };
  put(0, 0, 'Alignment matrix FY2027');
  put(top, left, 'Department');
  grid.objectives.forEach((o, j) => put(top, left + 1 + j, o));
  grid.departments.forEach((d, i) => {
    put(top + 1 + i, left, d.name);
    d.cells.forEach((v, j) => put(top + 1 + i, left + 1 + j, v));
  });
  const width = left + 1 + grid.objectives.length;
  const dense = values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  return {
    name: grid.sheet ?? 'Matrix',
    index,
    visibility: 'visible',
    protected: false,
    origin: { row: 0, col: 0 },
    values: dense,
    merges: [],
    tables: [],
  };
}

function analyse(text: string): StatementAnalysis {
  const t = text.trim();
  const blank = t === '';
  const declaredEmpty = ['n/a', '-', '—'].includes(t.toLowerCase());
  const measurable = /\d/.test(t);
  const timeBound = /\b(by|before|within)\b/i.test(t);
  const verdict = blank ? 'blank' : declaredEmpty ? 'n/a' : measurable ? 'pass' : 'fail';
  return {
    text,
    blank,
    declaredEmpty,
    placeholder: false,
    quantities: [],
    measurable,
    impact: measurable,
    impactQuantified: measurable,
    initiative: !blank,
    timeBound,
    vague: [],
    metric: measurable ? 'leads' : undefined,
    initiativeText: blank ? undefined : t.split(/,/)[0],
    impactText: measurable ? t.split(/,/)[1]?.trim() : undefined,
    dependencies: [],
    verdict,
    findings: [],
  };
}

export function fakeReport(snapshot: WorkbookSnapshot, grid: Grid): Report {
  const sheet = snapshot.sheets.find((s) => s.name === (grid.sheet ?? 'Matrix'))!;
  const top = grid.top ?? 2;
  const left = grid.left ?? 1;
  const cells: MatrixCell[][] = grid.departments.map((_, i) =>
    grid.objectives.map((__, j) => {
      const row = top + 1 + i;
      const col = left + 1 + j;
      const value = cellAt(sheet, row, col);
      return { row, col, address: toA1(row, col), value, text: cellText(value), formula: false };
    }),
  );
  const bottom = top + grid.departments.length;
  const right = left + grid.objectives.length;
  const matrix: Matrix = {
    sheet: sheet.name,
    range: `${toA1(top, left)}:${toA1(bottom, right)}`,
    bodyRange: `${toA1(top + 1, left + 1)}:${toA1(bottom, right)}`,
    headerRow: top,
    departmentCol: left,
    body: { top: top + 1, left: left + 1, bottom, right },
    objectives: grid.objectives.map((name, j) => ({ name, col: left + 1 + j, attributes: {} })),
    departments: grid.departments.map((d, i) => ({
      name: d.name,
      row: top + 1 + i,
      attributes: d.capacity !== undefined ? { capacity: d.capacity } : {},
    })),
    cells,
    dependencies: [],
    source: 'detected',
    notes: [],
  };
  const findings: Finding[] = [];
  const results: CellResult[] = [];
  cells.forEach((line, i) =>
    line.forEach((c, j) => {
      const a = analyse(c.text);
      let severity: Severity | undefined;
      const add = (rule: string, s: Severity, message: string) => {
        findings.push({
          rule,
          severity: s,
          sheet: sheet.name,
          address: c.address,
          department: matrix.departments[i].name,
          objective: matrix.objectives[j].name,
          message,
          suggestion: 'Say what will be done, how much, and by when.',
        });
        if (!severity || s === 'error' || (s === 'warning' && severity === 'info')) severity = s;
      };
      if (a.verdict === 'blank') add('blank-cell', 'warning', 'The cell is blank.');
      if (a.verdict === 'fail') add('not-measurable', 'error', `"${c.text}" has no number to measure.`);
      if (a.verdict === 'pass' && !a.timeBound) add('not-time-bound', 'warning', 'No deadline.');
      results.push({
        address: c.address,
        row: c.row,
        col: c.col,
        department: matrix.departments[i].name,
        objective: matrix.objectives[j].name,
        text: c.text,
        verdict: a.verdict,
        measurable: a.measurable,
        impact: a.impact,
        impactQuantified: a.impactQuantified,
        initiative: a.initiative,
        timeBound: a.timeBound,
        vague: [],
        severity,
        analysis: a,
      });
    }),
  );
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    matrix,
    cells: results,
    findings,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info') },
  };
}

export const SAMPLE: Grid = {
  objectives: ['Grow revenue', 'Delight customers', 'Build the team'],
  departments: [
    {
      name: 'Sales',
      cells: [
        'Launch an ABM campaign for 50 enterprise accounts, generating 150 qualified leads by Q3 2027',
        'Improve collaboration with service',
        null,
      ],
      capacity: 2,
    },
    {
      name: 'R&D / Labs: EMEA [2027]',
      cells: ['Ship v2 of the platform, lifting conversion 5% by June 2027', 'n/a', '=SUM(A1) hire 3 engineers'],
    },
    { name: 'R&D \\ Labs: EMEA [2027]', cells: ['-', 'Cut ticket backlog 30%', 'Train 20 managers by Q4 2027'] },
  ],
};

export function sampleSnapshot(grid: Grid = SAMPLE): WorkbookSnapshot {
  return { name: 'plan.xlsx', sheets: [gridSheet(grid)], names: [] };
}
