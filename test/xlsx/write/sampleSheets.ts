/** Test helper: planned sheets that exercise every kind of cell and sheet feature the writer has. */
import type { PlannedSheet } from '../../../src/core/plan/types';

export const LONG_TEXT = `${'x'.repeat(32766)}y`;

/** A findings-like sheet: title, a table with awkward headers, every value kind, links, a drop-down. */
export function sampleSheet(): PlannedSheet {
  return {
    name: 'Interlock Findings',
    role: 'findings',
    visibility: 'visible',
    rows: [
      [{ value: 'Findings', style: 'title' }],
      [],
      [
        { value: 'ID', style: 'header' },
        { value: 'ID', style: 'header' },
        { style: 'header' },
        { value: 'Where', style: 'header' },
        { value: 'Due', style: 'header' },
        { value: 'Share', style: 'header' },
        { value: 'Done', style: 'header' },
      ],
      [
        { value: 'R&D <core> "x"', style: 'error' },
        { value: '=SUM(A1:A3)' },
        { value: '  padded  ', wrap: true },
        { value: 'Plan!B5', link: { sheet: 'Plan', address: 'B5' } },
        { value: { date: '2027-03-31' } },
        { value: 0.25, numberFormat: '0%' },
        { value: true },
      ],
      [
        { value: 'bell\u0007 and _x0041_' },
        { value: 'line\r\nbreak' },
        { value: LONG_TEXT },
        { link: { sheet: "R&D's plan", address: '$C$9' } },
        { value: { date: 'next spring' } },
        { value: -12.5 },
        { value: false },
      ],
      [
        undefined,
        { formula: 'B4&"!"', value: '=SUM(A1:A3)!' },
        { formula: '1+1', value: 2 },
        undefined,
        { style: 'input' },
      ],
    ],
    columnWidths: [12, 12, 40, 14, undefined as unknown as number, 8, 0],
    freeze: { rows: 3, cols: 1 },
    tables: [{ name: 'InterlockFindings', range: 'A3:G5', style: 'TableStyleLight9' }],
    validations: [
      { range: 'G4:G40', listSource: '"yes,no"', allowOther: false, prompt: 'Pick yes or no' },
      { range: '$A$4:$A$40', listSource: '$A$4:$A$5', allowOther: true },
    ],
    conditionalFormats: [
      {
        kind: 'expression',
        label: 'error',
        range: 'A4:G5',
        formula: 'LEN($A4)>20',
        fill: '#FFC7CE',
        fontColor: '#9C0006',
        stopIfTrue: true,
      },
      { kind: 'colorScale', label: 'heat', range: 'F4:F5', min: '#F8696B', mid: '#FFEB84', max: '#63BE7B' },
    ],
    tabColor: '#1F3864',
  };
}

/** A hidden sheet without tables, links or frozen panes. */
export function hiddenSheet(): PlannedSheet {
  return {
    name: 'InterlockChecked',
    role: 'checked',
    visibility: 'veryHidden',
    rows: [[{ value: 'checked' }, { value: 1 }]],
    tables: [],
    validations: [],
    conditionalFormats: [],
  };
}
