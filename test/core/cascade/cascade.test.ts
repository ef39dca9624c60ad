import { buildPlan } from '../../../src/core/plan';
import { cascadeFindings, goalId } from '../../../src/core/cascade';
import { fakeReport, gridSheet, sampleSnapshot, SAMPLE, Grid } from '../plan/fakeReport';
import { applyToSnapshot, typeInto } from '../plan/simulate';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { cellAt } from '../../../src/core/snapshot';

function validated(grid: Grid = SAMPLE): WorkbookSnapshot {
  const snap = sampleSnapshot(grid);
  return applyToSnapshot(snap, buildPlan(fakeReport(snap, grid), snap));
}

function rerun(snap: WorkbookSnapshot, grid: Grid = SAMPLE): WorkbookSnapshot {
  const withMatrix = {
    ...snap,
    sheets: snap.sheets.map((s) => (s.name === 'Matrix' ? { ...gridSheet(grid), index: s.index } : s)),
  };
  return applyToSnapshot(withMatrix, buildPlan(fakeReport(withMatrix, grid), withMatrix));
}

const sheet = (snap: WorkbookSnapshot, name: string) => snap.sheets.find((s) => s.name === name)!;

describe('cascade sheets', () => {
  test('goal IDs come from department and objective, not from position', () => {
    const reordered: Grid = {
      objectives: [...SAMPLE.objectives].reverse(),
      departments: [...SAMPLE.departments].reverse().map((d) => ({ ...d, cells: [...d.cells].reverse() })),
    };
    const ids = (g: Grid) => {
      const snap = sampleSnapshot(g);
      return new Set(
        buildPlan(fakeReport(snap, g), snap)
          .sheets.filter((s) => s.role === 'cascade')
          .flatMap((s) => s.rows.slice(4).map((r) => r[1]?.value)),
      );
    };
    expect(ids(reordered)).toEqual(ids(SAMPLE));
    expect(goalId('Sales', 'Grow revenue')).toBe(goalId('  sales ', 'grow   revenue'));
    expect(goalId('Sales', 'Grow revenue')).not.toBe(goalId('Sales', 'Grow margin'));
  });

  test('rows people typed survive re-runs, matched by ID, with their own columns', () => {
    let snap = validated();
    const goal = String(cellAt(sheet(snap, 'Cascade Sales'), 4, 1));
    // Two department goals on rows 5-6; people add rows 7-8 and a column of their own.
    snap = typeInto(snap, 'Cascade Sales', 3, 12, 'Comment');
    snap = typeInto(snap, 'Cascade Sales', 6, 0, 'Team goal');
    snap = typeInto(snap, 'Cascade Sales', 6, 1, 'T1');
    snap = typeInto(snap, 'Cascade Sales', 6, 2, goal);
    snap = typeInto(snap, 'Cascade Sales', 6, 4, 'Book 40 discovery calls a month');
    snap = typeInto(snap, 'Cascade Sales', 6, 12, 'agreed in March');
    snap = typeInto(snap, 'Cascade Sales', 7, 0, 'Individual KPI');
    snap = typeInto(snap, 'Cascade Sales', 7, 1, 'K1');
    snap = typeInto(snap, 'Cascade Sales', 7, 2, 'T1');
    snap = typeInto(snap, 'Cascade Sales', 4, 5, 'Dana'); // owner of a department goal
    const again = rerun(rerun(snap));
    const s = sheet(again, 'Cascade Sales');
    expect(cellAt(s, 6, 1)).toBe('T1');
    expect(cellAt(s, 6, 12)).toBe('agreed in March');
    expect(cellAt(s, 3, 12)).toBe('Comment');
    expect(cellAt(s, 7, 1)).toBe('K1');
    expect(String(cellAt(s, 7, 11))).toMatch(/^traces to /);
    expect(cellAt(s, 4, 5)).toBe('Dana');
    expect(cascadeFindings(again, fakeReport(again, SAMPLE))).toEqual([]);
  });

  test('a child whose parent is gone is flagged (cascade-orphan), never deleted', () => {
    let snap = validated();
    const goal = String(cellAt(sheet(snap, 'Cascade Sales'), 4, 1));
    snap = typeInto(snap, 'Cascade Sales', 6, 0, 'Team goal');
    snap = typeInto(snap, 'Cascade Sales', 6, 1, 'T1');
    snap = typeInto(snap, 'Cascade Sales', 6, 2, goal);
    snap = typeInto(snap, 'Cascade Sales', 7, 0, 'Individual KPI');
    snap = typeInto(snap, 'Cascade Sales', 7, 1, 'K1');
    snap = typeInto(snap, 'Cascade Sales', 7, 2, 'T1');
    // The Grow revenue cell is emptied: its department goal leaves the sheet.
    const emptied: Grid = {
      ...SAMPLE,
      departments: SAMPLE.departments.map((d, i) => (i === 0 ? { ...d, cells: ['n/a', ...d.cells.slice(1)] } : d)),
    };
    const withMatrix = {
      ...snap,
      sheets: snap.sheets.map((s) => (s.name === 'Matrix' ? { ...gridSheet(emptied), index: s.index } : s)),
    };
    const report = fakeReport(withMatrix, emptied);
    const findings = cascadeFindings(withMatrix, report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: 'cascade-orphan',
      severity: 'error',
      sheet: 'Cascade Sales',
      address: 'C6',
      department: 'Sales',
    });
    const after = applyToSnapshot(
      withMatrix,
      buildPlan({ ...report, findings: [...report.findings, ...findings] }, withMatrix),
    );
    const s = sheet(after, 'Cascade Sales');
    // One goal left (row 5), then T1 (row 6, orphan) and K1 (row 7, untraced through T1).
    expect(cellAt(s, 5, 1)).toBe('T1');
    expect(String(cellAt(s, 5, 11))).toMatch(/^orphan: parent /);
    expect(cellAt(s, 6, 1)).toBe('K1');
    expect(String(cellAt(s, 6, 11))).toMatch(/^untraced: parent T1/);
    const findingsSheet = sheet(after, 'Interlock Findings');
    expect(findingsSheet.values.some((r) => r.includes('cascade-orphan'))).toBe(true);
  });

  test('a department that left the matrix keeps its sheet while it holds people’s rows', () => {
    let snap = validated();
    snap = typeInto(snap, 'Cascade Sales', 6, 0, 'Team goal');
    snap = typeInto(snap, 'Cascade Sales', 6, 1, 'T1');
    snap = typeInto(snap, 'Cascade Sales', 6, 2, 'SAL-GRO-XXXX');
    const smaller: Grid = { ...SAMPLE, departments: SAMPLE.departments.slice(1) };
    const after = rerun(snap, smaller);
    const s = sheet(after, 'Cascade Sales');
    expect(cellAt(s, 2, 0)).toMatch(/no longer in the matrix/);
    expect(cellAt(s, 4, 1)).toBe('T1');
  });
});
