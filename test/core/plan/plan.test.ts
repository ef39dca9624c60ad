import { buildClearPlan, buildPlan } from '../../../src/core/plan';
import { readState } from '../../../src/core/plan/state';
import { fakeReport, gridSheet, sampleSnapshot, SAMPLE } from './fakeReport';
import { applyToSnapshot } from './simulate';

const run = (snap = sampleSnapshot()) => buildPlan(fakeReport(snap, SAMPLE), snap);

describe('buildPlan', () => {
  test('plan for a small hand-made report (snapshot)', () => {
    expect(run()).toMatchSnapshot();
  });

  test('the matrix gets four rules over the body range, relative to its top-left cell, each carrying the marker', () => {
    const plan = run();
    expect(plan.matrix.sheet).toBe('Matrix');
    expect(plan.matrix.range).toBe('C4:E6');
    const rules = plan.matrix.conditionalFormats;
    expect(rules.map((r) => r.label)).toEqual(['error', 'warning', 'changed', 'info']);
    for (const r of rules) {
      expect(r.kind).toBe('expression');
      expect(r.range).toBe('C4:E6');
      if (r.kind !== 'expression') continue;
      expect(r.formula).toContain(plan.ownerMarker);
      expect(r.formula).not.toMatch(/^=/);
      expect(r.formula).toContain('C4');
      expect(r.formula).not.toMatch(/\$C\$4|D5|E6/);
    }
  });

  test('the checked sheet keeps each cell at its own address and, below, one code digit per cell of each row', () => {
    const plan = run();
    const checked = plan.sheets.find((s) => s.role === 'checked')!;
    expect(checked.visibility).toBe('veryHidden');
    expect(checked.rows[3][3]?.value).toBe('Improve collaboration with service');
    expect(checked.rows[5][4]?.value).toBe('Train 20 managers by Q4 2027');
    // Row 4 (C4:E4): pass, error, blank → warning. One cell for the row, in column A.
    expect(checked.rows[3 + 7][0]?.value).toBe('032');
    expect(checked.rows[3 + 7].filter(Boolean)).toHaveLength(1);
    // The rules read the digit for their own column.
    const error = plan.matrix.conditionalFormats[0];
    expect(error.kind === 'expression' && error.formula).toContain('MID(INDIRECT(');
  });

  test('a re-run on the workbook it wrote gives the same plan (no stacked sheets or rules)', () => {
    const snap = sampleSnapshot();
    const first = buildPlan(fakeReport(snap, SAMPLE), snap);
    const after = applyToSnapshot(snap, first);
    const second = buildPlan(fakeReport(after, SAMPLE), after);
    expect(second).toEqual(first);
    expect(readState(after)!.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
  });

  test('a user sheet that shares a wanted name is never touched: the plan picks another name', () => {
    const snap = sampleSnapshot();
    const user = { ...gridSheet(SAMPLE), name: 'interlock findings', index: 1 };
    const withUser = { ...snap, sheets: [...snap.sheets, user] };
    const plan = buildPlan(fakeReport(withUser, SAMPLE), withUser);
    const names = plan.sheets.map((s) => s.name.toLowerCase());
    expect(names).not.toContain('interlock findings');
    expect(plan.removeSheets).toEqual([]);
  });

  test('formula-looking text is planned as a value, never as a formula', () => {
    const plan = run();
    const all = plan.sheets.flatMap((s) => s.rows.flatMap((r) => r ?? []));
    expect(all.some((c) => c?.value === '=SUM(A1) hire 3 engineers')).toBe(true);
    expect(all.some((c) => c?.formula !== undefined)).toBe(false);
  });

  test('a department that leaves the matrix: its sheet goes, unless people typed rows into it', () => {
    const snap = sampleSnapshot();
    const after = applyToSnapshot(snap, buildPlan(fakeReport(snap, SAMPLE), snap));
    const smaller = { ...SAMPLE, departments: SAMPLE.departments.slice(1) };
    const matrixOnly = { ...after, sheets: after.sheets.map((s) => (s.name === 'Matrix' ? gridSheet(smaller) : s)) };
    const plan = buildPlan(fakeReport(matrixOnly, smaller), matrixOnly);
    expect(plan.removeSheets).toEqual(['Cascade Sales']);
  });

  test('cascade none: no cascade sheet written, those of an earlier run kept as they are and still owned', () => {
    const snap = sampleSnapshot();
    const first = buildPlan(fakeReport(snap, SAMPLE), snap);
    const cascades = first.sheets.filter((s) => s.role === 'cascade').map((s) => s.name);
    expect(cascades.length).toBeGreaterThan(0);
    const after = applyToSnapshot(snap, first);
    const plan = buildPlan(fakeReport(after, SAMPLE), after, { cascade: 'none' });
    expect(plan.sheets.filter((s) => s.role === 'cascade')).toEqual([]);
    expect(plan.removeSheets).toEqual([]);
    const kept = applyToSnapshot(after, plan);
    for (const name of cascades) {
      expect(kept.sheets.find((s) => s.name === name)!.values).toEqual(
        after.sheets.find((s) => s.name === name)!.values,
      );
    }
    expect(
      readState(kept)!
        .sheets.filter((s) => s.role === 'cascade')
        .map((s) => s.name),
    ).toEqual(cascades);
    // The next full run refreshes the same sheets under the same names.
    const full = buildPlan(fakeReport(kept, SAMPLE), kept);
    expect(full.sheets.filter((s) => s.role === 'cascade').map((s) => s.name)).toEqual(cascades);
  });

  test('without cascade sheets the overview still counts every department goal from the matrix', () => {
    const snap = sampleSnapshot();
    const overview = (cascade: 'all' | 'none') =>
      buildPlan(fakeReport(snap, SAMPLE), snap, { cascade })
        .sheets.find((s) => s.role === 'overview')!
        .rows.filter((r) => r?.[0]?.style === 'header' && r[4])
        .map((r) => [r[0]!.value, r[4]!.value, r[6]!.value]);
    expect(overview('none')).toEqual(overview('all'));
  });

  test('the clear plan removes every owned sheet and rule, and nothing when Interlock never ran', () => {
    const snap = sampleSnapshot();
    const first = buildPlan(fakeReport(snap, SAMPLE), snap);
    const after = applyToSnapshot(snap, first);
    const clear = buildClearPlan(after);
    expect(new Set(clear.removeSheets)).toEqual(new Set(first.sheets.map((s) => s.name)));
    expect(clear.sheets).toEqual([]);
    expect(clear.matrix).toEqual({ sheet: 'Matrix', range: 'C4:E6', conditionalFormats: [] });
    expect(clear.ownerMarker).toBe(first.ownerMarker);
    expect(buildClearPlan(snap).removeSheets).toEqual([]);
  });

  test("the summary's Status column is as wide as its longest status, so none runs into the next column", () => {
    // Sales carries two commitments against a capacity of one: "over capacity (2 > 1)".
    const grid = { ...SAMPLE, departments: SAMPLE.departments.map((d, i) => (i === 0 ? { ...d, capacity: 1 } : d)) };
    const snap = sampleSnapshot(grid);
    const plan = buildPlan(fakeReport(snap, grid), snap);
    const summary = plan.sheets.find((s) => s.role === 'summary')!;
    const statuses = summary.rows
      .filter((r) => r.length === 8 && r[7]?.style !== 'header')
      .map((r) => String(r[7]?.value ?? ''));
    expect(statuses).toContain('over capacity (2 > 1)');
    const longest = Math.max(...statuses.map((t) => t.length));
    expect(summary.columnWidths![7]).toBeGreaterThanOrEqual(longest);
    // Every other column of the coverage tables and the heat map keeps its width.
    expect(summary.columnWidths!.filter((w, c) => c > 0 && c !== 7).every((w) => w === 13)).toBe(true);
  });
});
