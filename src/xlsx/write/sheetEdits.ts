/**
 * Edits to a worksheet Interlock does not own (the user's matrix, and any sheet its old rules
 * are on): only whole `<conditionalFormatting>` blocks it wrote, and the sheet view's tab
 * selection. Everything else in the part, `sheetData` above all, is kept as written.
 */
import { decodeEntities, elements, prefixOf, removeAttribute } from '../package/xml';

/** Elements that come after `conditionalFormatting` in a worksheet (CT_Worksheet order). */
const AFTER_RULES = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/**
 * Takes out every rule whose formula carries the marker (the hidden sheet's name); a block left
 * without rules goes too. Returns the new text and how many rules went.
 */
export function removeOwnedRules(xml: string, marker: string): { xml: string; removed: number } {
  if (!xml.includes('conditionalFormatting')) return { xml, removed: 0 };
  let removed = 0;
  let out = '';
  let at = 0;
  for (const block of elements(xml, 'conditionalFormatting')) {
    const rules = elements(xml, 'cfRule', block.contentStart, block.contentEnd);
    const owned = rules.filter((r) =>
      elements(xml, 'formula', r.contentStart, r.contentEnd).some((f) =>
        decodeEntities(xml.slice(f.contentStart, f.contentEnd)).includes(marker),
      ),
    );
    if (owned.length === 0) continue;
    removed += owned.length;
    out += xml.slice(at, block.start);
    if (owned.length < rules.length) {
      // Keep the block with the user's rules in it, minus Interlock's.
      let inner = xml.slice(block.start, block.contentStart);
      let p = block.contentStart;
      for (const r of owned) {
        inner += xml.slice(p, r.start);
        p = r.end;
      }
      inner += xml.slice(p, block.end);
      out += inner;
    }
    at = block.end;
  }
  return removed ? { xml: out + xml.slice(at), removed } : { xml, removed: 0 };
}

/** The highest rule priority on the sheet (including Excel 2010 rules kept in extLst). */
export function maxPriority(xml: string): number {
  let max = 0;
  const re = /<(?:[\w.-]+:)?cfRule\b[^>]*?\spriority\s*=\s*["'](\d+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) max = Math.max(max, Number(m[1]));
  return max;
}

/** Gives a snippet written without prefix the worksheet's own prefix for the main namespace. */
function withPrefix(snippet: string, prefix: string): string {
  return prefix ? snippet.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : snippet;
}

/** Inserts `<conditionalFormatting>` blocks after the sheet's existing ones, in schema order. */
export function insertRules(xml: string, snippet: string): string {
  if (!snippet) return xml;
  const root = elements(xml, 'worksheet')[0];
  if (!root) throw new Error('the matrix sheet is damaged: it has no worksheet element');
  const prefix = prefixOf(root.name);
  const text = withPrefix(snippet, prefix);
  const existing = elements(xml, 'conditionalFormatting', root.contentStart, root.contentEnd);
  let at = existing.length ? existing[existing.length - 1].end : -1;
  if (at < 0) {
    // The first top-level element that must come after the rules; nested look-alikes (inside
    // extLst) sit after it anyway, so the first match in document order is the right one.
    at = root.contentEnd;
    const sheetData = elements(xml, 'sheetData', root.contentStart, root.contentEnd)[0];
    const from = sheetData ? sheetData.end : root.contentStart;
    for (const name of AFTER_RULES) {
      const found = elements(xml, name, from, root.contentEnd)[0];
      if (found && found.start < at) at = found.start;
    }
  }
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Unselects the sheet's tab, so that only the sheet Interlock activates is selected (not grouped). */
export function unselectTab(xml: string): string {
  if (!/tabSelected\s*=\s*["'](1|true)/.test(xml)) return xml;
  let out = '';
  let at = 0;
  for (const view of elements(xml, 'sheetView')) {
    out += xml.slice(at, view.start) + removeAttribute(view.tag, 'tabSelected');
    at = view.start + view.tag.length;
  }
  return out + xml.slice(at);
}
