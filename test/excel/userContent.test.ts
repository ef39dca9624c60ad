/**
 * Excel mode says what people had put on Interlock's old sheets (notes, comments, pictures...)
 * when a run deletes them, in the file path's words, without a sync of its own.
 */
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { runClear, runValidation } from '../../src/taskpane/workflow';
import { FakeExcel, FakeOfficeError } from './fakeExcel';
import { MARKER, STATE_SHEET, addMatrix, makePlan } from './planFixtures';

const KEPT =
  'not carried over (Interlock rewrites its own sheets; keep notes on your own sheets or in the rows you add)';

function setup(depts: number, objectives: number, apiVersion = '1.18') {
  const excel = new FakeExcel({ apiVersion });
  addMatrix(excel, depts, objectives);
  const adapter = new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  return { excel, adapter };
}

/** After a first run: 2 comments and a shape on the findings sheet, and a comment on the matrix. */
async function annotated(apiVersion?: string) {
  const { excel, adapter } = setup(10, 5, apiVersion);
  expect(await adapter.applyPlan(makePlan(10, 5))).toEqual([]);
  const findings = excel.sheet('Interlock Findings')!;
  findings.comments.push('B3', 'C4');
  findings.shapes.push({ name: 'Rectangle 1', type: 'GeometricShape' });
  excel.sheet('Matrix')!.comments.push('B4'); // the user's own sheet: nothing to say
  excel.syncs = [];
  return { excel, adapter };
}

describe('what people put on the sheets the Office adapter replaces', () => {
  test('an owned sheet with 2 comments and a shape gives the line, and the next run none', async () => {
    const { excel, adapter } = await annotated();
    expect(await adapter.applyPlan(makePlan(10, 5))).toEqual([
      {
        sheet: 'Interlock Findings',
        removed: false,
        items: ['2 comments', '1 shape'],
        message: `Interlock Findings: 2 comments, 1 shape were on this sheet and are ${KEPT}`,
      },
    ]);
    expect(excel.syncs).toHaveLength(4);
    expect(excel.sheet('Interlock Findings')!.comments).toEqual([]);
    expect(await adapter.applyPlan(makePlan(10, 5))).toEqual([]);
  });

  test('notes, pictures and charts in the file path’s order; a chart also listed as a shape counts once', async () => {
    const { excel, adapter } = await annotated();
    const findings = excel.sheet('Interlock Findings')!;
    findings.notes.push('A1');
    findings.shapes.push({ name: 'Picture 2', type: 'Image' });
    excel.addChart(findings, 'Chart 3');
    const [line] = await adapter.applyPlan(makePlan(10, 5));
    expect(line.items).toEqual(['1 note', '2 comments', '1 picture', '1 chart', '1 shape']);
  });

  test('a sheet the plan removes says it went with the sheet', async () => {
    const { excel, adapter } = await annotated();
    const lost = await adapter.applyPlan({
      ownerMarker: MARKER,
      removeSheets: ['Interlock Findings', MARKER, STATE_SHEET],
      sheets: [],
      matrix: { sheet: 'Matrix', range: 'B4:F13', conditionalFormats: [] },
    });
    expect(lost.map((l) => l.message)).toEqual([
      'Interlock Findings: 2 comments, 1 shape were on this sheet and were removed with it',
    ]);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Matrix']);
  });

  test('a host without ExcelApi 1.10 gives no comment count and no error', async () => {
    const { excel, adapter } = await annotated('1.9');
    expect((await adapter.applyPlan(makePlan(10, 5))).map((l) => l.items)).toEqual([['1 shape']]);
    expect(excel.syncs).toHaveLength(4);
    expect(excel.syncs.every((s) => !s.failed)).toBe(true);
    expect(excel.calls.some((c) => /\.(comments|notes)/.test(c.target))).toBe(false);
  });

  test('a host that refuses the counts still gets its write, one request later, without them', async () => {
    const { excel, adapter } = await annotated();
    excel.options.failWhen = (call) =>
      /\.notes\.getCount/.test(call.target) ? new FakeOfficeError('ApiNotFound', 'simulated') : undefined;
    expect(await adapter.applyPlan(makePlan(10, 5))).toEqual([]);
    expect(excel.syncs.map((s) => !!s.failed)).toEqual([false, true, false, false, false]);
    expect(excel.sheet('Interlock Findings')!.comments).toEqual([]);
    expect(excel.unsynced).toBe(0);
  });

  test('the pane’s workflow hands the lines on, for Validate and for Clear', async () => {
    const { excel, adapter } = setup(8, 4);
    const first = await runValidation(adapter, 'findings');
    expect(first.notCarriedOver).toEqual([]);
    excel.sheet(first.shown!)!.notes.push('B2');
    const again = await runValidation(adapter, 'findings');
    expect(again.notCarriedOver.map((l) => l.message)).toEqual([
      `${first.shown}: 1 note was on this sheet and is ${KEPT}`,
    ]);
    excel.sheet(first.shown!)!.shapes.push({ name: 'Picture 1', type: 'Image' });
    const cleared = await runClear(adapter);
    expect(cleared.notCarriedOver.map((l) => l.message)).toEqual([
      `${first.shown}: 1 picture was on this sheet and was removed with it`,
    ]);
  });

  test('the 1,000 × 50 plan takes no more syncs with every owned sheet annotated', async () => {
    const syncs = async (apiVersion: string) => {
      const { excel, adapter } = setup(1000, 50, apiVersion);
      await adapter.applyPlan(makePlan(1000, 50));
      for (const s of excel.sheets.filter((s) => s.name !== 'Matrix')) {
        s.comments.push('A1', 'A2');
        s.notes.push('B1');
        s.shapes.push({ name: 'Picture 1', type: 'Image' });
      }
      excel.syncs = [];
      const lost = await adapter.applyPlan(makePlan(1000, 50));
      expect(lost.map((l) => l.sheet)).toEqual(['Interlock Findings', MARKER, STATE_SHEET]);
      expect(excel.syncs.every((s) => !s.failed)).toBe(true);
      return excel.syncs.length;
    };
    expect(await syncs('1.18')).toBe(await syncs('1.9'));
  });
});
