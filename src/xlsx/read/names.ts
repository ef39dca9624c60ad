/** The workbook's defined names that name cell ranges on a sheet, one entry per area. */
import type { DefinedName } from '../../core/snapshot';
import { parseRange, rangeToA1, splitAreas, splitSheetRange } from '../../core/a1';
import type { WorkbookDefinedName } from '../package/workbook';

/**
 * Excel's own names (`_xlnm.Print_Area`...) are skipped, and so are names that are not plain
 * ranges on a named sheet (constants, formulas, `#REF!`, whole rows or columns).
 */
export function definedNames(names: readonly WorkbookDefinedName[]): DefinedName[] {
  const out: DefinedName[] = [];
  for (const dn of names) {
    if (!dn.name || dn.name.startsWith('_xlnm.')) continue;
    for (const area of splitAreas(dn.formula)) {
      if (area.startsWith('#REF!')) continue; // its sheet was deleted
      const { sheet, range } = splitSheetRange(area);
      const parsed = parseRange(range.replace(/\$/g, ''));
      if (!sheet || !parsed) continue;
      out.push({ name: dn.name, sheet, range: rangeToA1(parsed) });
    }
  }
  return out;
}
