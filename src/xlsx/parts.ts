/**
 * Which parts of an .xlsx the file path cannot carry into the validated copy. ExcelJS reads
 * cells, styles, rules, tables, validations, notes and images, but drops charts, pivot tables and
 * the like when it writes: the copy must say so rather than lose them quietly.
 * Names come from the zip's central directory; no decompression, no `fs`.
 */

/** Part-name prefixes ExcelJS does not write back, and how to name them to a person. */
const DROPPED: [RegExp, string][] = [
  [/^xl\/charts\/chart\d*\.xml$/, 'charts'],
  [/^xl\/chartsheets\//, 'chart sheets'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/pivotCache\//, 'pivot tables'],
  [/^xl\/slicers\//, 'slicers'],
  [/^xl\/timelines\//, 'timelines'],
  [/^xl\/threadedComments\//, 'threaded comments'],
  [/^xl\/ctrlProps\//, 'form controls'],
  [/^xl\/externalLinks\//, 'links to other workbooks'],
  [/^xl\/connections\.xml$/, 'data connections'],
  [/^xl\/queryTables\//, 'query tables'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
];

/** Entry names of a zip, read from its central directory; [] when it cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** What the validated copy will not have, in words ("charts", "pivot tables"), each once. */
export function partsNotCarried(bytes: Uint8Array): string[] {
  const found = new Set<string>();
  for (const name of zipEntryNames(bytes)) {
    for (const [pattern, label] of DROPPED) if (pattern.test(name)) found.add(label);
  }
  return [...found];
}
