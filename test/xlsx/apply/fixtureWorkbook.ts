/** Fixture workbooks made with ExcelJS in the test: a matrix, a user sheet, user formats and rules. */
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/plan/fakeReport';
import { SAMPLE } from '../../core/plan/fakeReport';

export function matrixWorkbook(grid: Grid = SAMPLE, extraSheets: string[] = ['Notes']): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet ?? 'Matrix');
  const top = grid.top ?? 2;
  const left = grid.left ?? 1;
  ws.getCell(1, 1).value = 'Alignment matrix FY2027';
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(top + 1, left + 1).value = 'Department';
  grid.objectives.forEach((o, j) => (ws.getCell(top + 1, left + 2 + j).value = o));
  grid.departments.forEach((d, i) => {
    ws.getCell(top + 2 + i, left + 1).value = d.name;
    d.cells.forEach((v, j) => {
      const cell = ws.getCell(top + 2 + i, left + 2 + j);
      cell.value =
        v === null
          ? null
          : typeof v === 'object'
            ? 'date' in v
              ? new Date(`${v.date}T00:00:00Z`)
              : ({ error: v.error } as ExcelJS.CellErrorValue)
            : v;
      cell.alignment = { wrapText: true };
    });
  });
  ws.getColumn(left + 1).width = 26;
  grid.departments.forEach((_, i) => (ws.getRow(top + 2 + i).height = 48));
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } as ExcelJS.PageSetup;
  grid.objectives.forEach((_, j) => (ws.getColumn(left + 2 + j).width = 34));
  // The user's own rule on the matrix: it must survive every run.
  ws.addConditionalFormatting({
    ref: `${String.fromCharCode(65 + left)}${top + 1}:${String.fromCharCode(65 + left + grid.objectives.length)}${top + 1}`,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: ['LEN(B3)>20'],
        style: { font: { italic: true } },
      } as ExcelJS.ConditionalFormattingRule,
    ],
  });
  for (const name of extraSheets) {
    const s = wb.addWorksheet(name);
    s.getCell('A1').value = `${name}: kept by the user`;
    s.getCell('B2').value = 42;
  }
  return wb;
}
