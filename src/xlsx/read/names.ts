/** The workbook's defined names that name cell ranges on a sheet, one entry per area. */
import type { DefinedName } from '../../core/snapshot';
import { parseRange, rangeToA1, splitSheetRange } from '../../core/a1';
import type { WorkbookDefinedName } from '../package/workbook';

/** `'A, B'!$A$1,Other!$B$2` → its areas: commas inside quoted sheet names do not split. */
export function areas(formula: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'")
      quoted = !quoted; // '' inside a quoted name toggles twice
    else if (ch === ',' && !quoted) {
      out.push(formula.slice(from, i));
      from = i + 1;
    }
  }
  out.push(formula.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Excel's own names (`_xlnm.Print_Area`...) are skipped, and so are names that are not plain
 * ranges on a named sheet (constants, formulas, `#REF!`, whole rows or columns).
 */
export function definedNames(names: readonly WorkbookDefinedName[]): DefinedName[] {
  const out: DefinedName[] = [];
  for (const dn of names) {
    if (!dn.name || dn.name.startsWith('_xlnm.')) continue;
    for (const area of areas(dn.formula)) {
      if (area.startsWith('#REF!')) continue; // its sheet was deleted
      const { sheet, range } = splitSheetRange(area);
      const parsed = parseRange(range.replace(/\$/g, ''));
      if (!sheet || !parsed) continue;
      out.push({ name: dn.name, sheet, range: rangeToA1(parsed) });
    }
  }
  return out;
}
