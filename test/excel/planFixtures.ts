/**
 * Workbooks and plans of a chosen size for the adapter tests and the benchmark: a matrix of
 * `depts` × `objectives` realistic statements, and a plan shaped like Interlock's (findings with
 * links, a checked-text sheet, a state sheet, severity rules on the matrix).
 */
import { columnName, toA1 } from '../../src/core/a1';
import { WANTED_NAMES } from '../../src/core/plan/ownership';
import { PLAN_VERSION, stateSheet } from '../../src/core/plan/state';
import type { PlanCell, PlannedSheet, WritePlan } from '../../src/core/plan/types';
import type { FakeExcel } from './fakeExcel';

/** The checked sheet and the state under the names Interlock gives them (the reader goes by them). */
export const MARKER = WANTED_NAMES.checked;
export const STATE_SHEET = WANTED_NAMES.state;

export function statement(d: number, o: number): string {
  return d % 7 === 3
    ? 'Improve collaboration with sales'
    : `Launch an account-based campaign for ${20 + ((d * 7 + o) % 80)} key enterprise accounts in region ${d}, projected to generate ${100 + o} qualified leads by Q${1 + (o % 4)} 2027`;
}

/** The matrix sheet's rows: a title, a header row, then one row per department. */
export function matrixRows(depts: number, objectives: number): unknown[][] {
  const rows: unknown[][] = [['FY27 alignment matrix'], []];
  rows.push(['Department', ...Array.from({ length: objectives }, (_, o) => `Objective ${o + 1}`)]);
  for (let d = 0; d < depts; d++)
    rows.push([`Department ${d + 1}`, ...Array.from({ length: objectives }, (_, o) => statement(d, o))]);
  return rows;
}

export function addMatrix(excel: FakeExcel, depts: number, objectives: number) {
  return excel.addSheet('Matrix', matrixRows(depts, objectives));
}

/** Body of the matrix in `matrixRows`: B4 to the last objective and department. */
export function bodyRange(depts: number, objectives: number): string {
  return `B4:${columnName(objectives)}${depts + 3}`;
}

const cell = (value: string | number, style?: PlanCell['style']): PlanCell => (style ? { value, style } : { value });

export function makePlan(depts: number, objectives: number, opts: { previousSheets?: string[] } = {}): WritePlan {
  const findingsRows: (PlanCell | undefined)[][] = [
    [cell('Interlock findings', 'title')],
    ['Severity', 'Rule', 'Where', 'Department', 'Objective', 'Message', 'Suggestion'].map((h) => cell(h, 'header')),
  ];
  const checkedRows: (PlanCell | undefined)[][] = [];
  for (let d = 0; d < depts; d++) {
    const line: (PlanCell | undefined)[] = [];
    for (let o = 0; o < objectives; o++) {
      const text = statement(d, o);
      line.push({ value: text });
      if (d % 7 === 3) {
        const where = toA1(d + 3, o + 1);
        findingsRows.push([
          cell('error', 'error'),
          cell('not-measurable'),
          { value: where, link: { sheet: 'Matrix', address: where } },
          cell(`Department ${d + 1}`),
          cell(`Objective ${o + 1}`),
          cell(`"${text}" names no quantity: nobody can tell whether it happened.`, undefined),
          { value: 'Say how many, of what, by when: "150 qualified leads by Q3".', wrap: true },
        ]);
      }
    }
    checkedRows.push(line);
  }
  findingsRows.push([{ formula: `COUNTIF(A3:A${findingsRows.length},"error")`, style: 'muted' }]);
  const findings: PlannedSheet = {
    name: 'Interlock Findings',
    role: 'findings',
    visibility: 'visible',
    rows: findingsRows,
    columnWidths: [10, 22, 8, 18, 18, 60, 50],
    freeze: { rows: 2, cols: 0 },
    tables: [{ name: 'InterlockFindings', range: `A2:G${findingsRows.length - 1}`, style: 'TableStyleLight9' }],
    validations: [],
    conditionalFormats: [],
    tabColor: '#C00000',
  };
  const checked: PlannedSheet = {
    name: MARKER,
    role: 'checked',
    visibility: 'veryHidden',
    rows: checkedRows,
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
  const range = bodyRange(depts, objectives);
  const state = stateSheet(STATE_SHEET, {
    version: PLAN_VERSION,
    marker: MARKER,
    matrix: { sheet: 'Matrix', range, rules: 3 },
    sheets: [
      { name: findings.name, role: 'findings' },
      { name: checked.name, role: 'checked' },
      { name: STATE_SHEET, role: 'state' },
    ],
  });
  return {
    ownerMarker: MARKER,
    removeSheets: opts.previousSheets ?? [],
    sheets: [findings, checked, state],
    matrix: {
      sheet: 'Matrix',
      range,
      conditionalFormats: [
        { kind: 'expression', label: 'changed', range, formula: `B4<>${MARKER}!A1`, fill: '#E4DFEC', stopIfTrue: true },
        {
          kind: 'expression',
          label: 'error',
          range,
          formula: `AND(B4=${MARKER}!A1,ISERROR(SEARCH("collaboration",B4))=FALSE)`,
          fill: '#FFC7CE',
          stopIfTrue: false,
        },
        {
          kind: 'expression',
          label: 'warning',
          range,
          formula: `LEN(TRIM(B4))+0*LEN(${MARKER}!A1)=0`,
          fill: '#FFEB9C',
          stopIfTrue: false,
        },
      ],
    },
    activate: 'Interlock Findings',
  };
}
