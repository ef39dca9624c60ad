/** Carries out a plan on a WorkbookSnapshot (plain data), so re-runs can be tested without a host. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import type { WritePlan } from '../../../src/core/plan/types';

export function applyToSnapshot(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const replacing = new Set([...plan.removeSheets, ...plan.sheets.map((s) => s.name)]);
  const kept = snapshot.sheets.filter((s) => !replacing.has(s.name));
  const added: SheetSnapshot[] = plan.sheets.map((s) => {
    const width = Math.max(1, ...s.rows.map((r) => r?.length ?? 0));
    const values: CellValue[][] = s.rows.map((r) =>
      Array.from({ length: width }, (_, c) => {
        const v = r?.[c]?.value;
        return v === undefined ? null : (v as CellValue);
      }),
    );
    return {
      name: s.name,
      index: 0,
      visibility: s.visibility,
      protected: false,
      origin: { row: 0, col: 0 },
      values,
      merges: [],
      tables: s.tables.map((t) => ({ name: t.name, range: t.range, hasHeaderRow: true })),
    };
  });
  return { ...snapshot, sheets: [...kept, ...added].map((s, index) => ({ ...s, index })) };
}

/** Writes `value` at a 0-based position of a sheet, growing its used range as needed. */
export function typeInto(
  snapshot: WorkbookSnapshot,
  sheet: string,
  row: number,
  col: number,
  value: CellValue,
): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const values = s.values.map((r) => [...r]);
      const width = Math.max(values[0]?.length ?? 0, col + 1);
      while (values.length <= row) values.push([]);
      for (const r of values) while (r.length < width) r.push(null);
      values[row][col] = value;
      return { ...s, values };
    }),
  };
}
