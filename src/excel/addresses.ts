/** Office.js addresses (`'My sheet'!$B$2:$F$9`, comma-separated areas) as plain A1 ranges. */
import { splitSheetRange } from '../core/a1';

/** Splits an areas address on the commas between areas, not those inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'")
      quoted = !quoted; // a doubled '' toggles twice, so it stays quoted
    else if (ch === ',' && !quoted) {
      out.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = address.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** `Sheet1!$B$2:$F$9` → `{ sheet: 'Sheet1', range: 'B2:F9' }`. */
export function plainAddress(address: string): { sheet?: string; range: string } {
  const { sheet, range } = splitSheetRange(address.replace(/^=/, ''));
  return { sheet, range: range.replace(/\$/g, '') };
}
