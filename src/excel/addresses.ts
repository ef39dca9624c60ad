/** Office.js addresses (`'My sheet'!$B$2:$F$9`) as plain A1 ranges. */
import { splitSheetRange } from '../core/a1';

/** `Sheet1!$B$2:$F$9` → `{ sheet: 'Sheet1', range: 'B2:F9' }`. */
export function plainAddress(address: string): { sheet?: string; range: string } {
  const { sheet, range } = splitSheetRange(address.replace(/^=/, ''));
  return { sheet, range: range.replace(/\$/g, '') };
}
