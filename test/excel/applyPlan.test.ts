import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { TEMP_PREFIX } from '../../src/excel/applyPlan';
import { WorkbookBlockedError, WriteInterruptedError } from '../../src/excel/errors';
import { RequirementError } from '../../src/excel/requirements';
import { FakeExcel, FakeOfficeError } from './fakeExcel';
import { LOOKS, type Look } from '../../src/core/plan/looks';
import { MARKER, STATE_SHEET, addMatrix, makePlan, statement } from './planFixtures';

const FIVE_MB = 5_000_000;

function setup(depts: number, objectives: number, options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const excel = new FakeExcel(options);
  addMatrix(excel, depts, objectives);
  const adapter = new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  return { excel, adapter };
}

function userCells(excel: FakeExcel): string {
  const m = excel.sheet('Matrix')!;
  return JSON.stringify([...m.cells.entries()].sort((a, b) => a[0] - b[0]));
}

describe('applying a plan through the Office adapter', () => {
  test('writes the owned sheets, the matrix rules and the state, and leaves user cells alone', async () => {
    const { excel, adapter } = setup(10, 5);
    const before = userCells(excel);
    await adapter.applyPlan(makePlan(10, 5));

    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Matrix', 'Visible'],
      ['Interlock Findings', 'Visible'],
      [MARKER, 'VeryHidden'],
      [STATE_SHEET, 'VeryHidden'],
    ]);
    expect(userCells(excel)).toBe(before);
    expect(excel.shown('Interlock Findings', 'A1')).toBe('Interlock findings');
    expect(excel.shown('Interlock Findings', 'C3')).toBe('=HYPERLINK("#Matrix!B7","B7")');
    expect(excel.shown('Interlock Findings', 'A8')).toBe('=COUNTIF(A3:A7,"error")');
    expect(excel.shown(MARKER, 'A1')).toBe(statement(0, 0));
    expect(excel.shown(STATE_SHEET, 'A1')).toBe('Interlock state');
    const findings = excel.sheet('Interlock Findings')!;
    expect(findings.tables).toEqual([
      { name: 'InterlockFindings', range: 'A2:G7', showHeaders: true, style: 'TableStyleLight9' },
    ]);
    expect(findings.frozen).toEqual({ rows: 2, cols: 0 });
    expect(findings.tabColor).toBe('#C00000');
    expect(findings.formats).toContainEqual({ address: 'A2:G2', property: 'font.bold', value: true });
    expect(findings.formats).toContainEqual({ address: 'A3:A7', property: 'fill.color', value: '#FFC7CE' });
    const rules = excel.sheet('Matrix')!.conditionalFormats;
    expect(rules.map((r) => r.formula)).toEqual(
      makePlan(10, 5).matrix.conditionalFormats.map((c) => (c.kind === 'expression' ? `=${c.formula}` : '')),
    );
    expect(rules[0].stopIfTrue).toBe(true);
    expect(excel.activeSheet).toBe('Interlock Findings');
    expect(excel.unsynced).toBe(0);
  });

  test('cells look as they do in a file: the one table of looks, the header line under it included', async () => {
    const { excel, adapter } = setup(10, 5);
    await adapter.applyPlan(makePlan(10, 5));
    const formats = excel.sheet('Interlock Findings')!.formats;
    const expected = (address: string, look: Look) =>
      [
        look.fill && { address, property: 'fill.color', value: look.fill },
        look.font && { address, property: 'font.color', value: look.font },
        look.bold && { address, property: 'font.bold', value: true },
        look.size && { address, property: 'font.size', value: look.size },
        look.bottomBorder && { address, property: 'borders.EdgeBottom.style', value: 'Continuous' },
        look.bottomBorder && { address, property: 'borders.EdgeBottom.color', value: look.bottomBorder },
      ].filter(Boolean);
    expect(LOOKS.header.bottomBorder).toBeDefined();
    for (const [address, style] of [
      ['A2:G2', 'header'],
      ['A3:A7', 'error'],
    ] as const)
      for (const f of expected(address, LOOKS[style])) expect(formats).toContainEqual(f);
  });

  test('text that looks like a formula or a number is written as text', async () => {
    const { excel, adapter } = setup(3, 2);
    const plan = makePlan(3, 2);
    plan.sheets[0].rows.push([
      { value: '=HYPERLINK("http://evil")' },
      { value: '00123' },
      { value: 42 },
      { value: { date: '2027-03-31' } },
    ]);
    await adapter.applyPlan(plan);
    const row = plan.sheets[0].rows.length;
    expect(excel.cell('Interlock Findings', `A${row}`)).toMatchObject({
      value: '=HYPERLINK("http://evil")',
      numberFormat: '@',
    });
    expect(excel.cell('Interlock Findings', `A${row}`)?.formula).toBeUndefined();
    expect(excel.cell('Interlock Findings', `B${row}`)).toMatchObject({ value: '00123', numberFormat: '@' });
    expect(excel.cell('Interlock Findings', `C${row}`)).toMatchObject({ value: 42, numberFormat: 'General' });
    expect(excel.cell('Interlock Findings', `D${row}`)).toMatchObject({ value: 46477, numberFormat: 'yyyy-mm-dd' });
  });

  test('a re-run replaces its sheets and rules instead of stacking them, and keeps the user’s own rules', async () => {
    const { excel, adapter } = setup(10, 5);
    excel
      .sheet('Matrix')!
      .conditionalFormats.push({ id: 999, type: 'Custom', range: 'B4:F13', formula: '=B4="x"', fill: '#00FF00' });
    await adapter.applyPlan(makePlan(10, 5));
    const once = workbookState(excel);
    await adapter.applyPlan(makePlan(10, 5, { previousSheets: [] }));
    const twice = workbookState(excel);
    expect(twice).toBe(once);
    expect(excel.sheet('Matrix')!.conditionalFormats.filter((c) => c.formula === '=B4="x"')).toHaveLength(1);
    expect(excel.sheet('Matrix')!.conditionalFormats).toHaveLength(4);
  });

  test('sheets a previous run owned and this plan drops are removed; a clear plan removes everything', async () => {
    const { excel, adapter } = setup(4, 3);
    excel.addSheet('Old cascade', [['x']]).visibility = 'VeryHidden';
    await adapter.applyPlan(makePlan(4, 3, { previousSheets: ['Old cascade'] }));
    expect(excel.sheet('Old cascade')).toBeUndefined();
    await adapter.applyPlan({
      ownerMarker: MARKER,
      removeSheets: ['Interlock Findings', MARKER, STATE_SHEET],
      sheets: [],
      matrix: { sheet: 'Matrix', range: 'B4:D7', conditionalFormats: [] },
    });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Matrix']);
    expect(excel.sheet('Matrix')!.conditionalFormats).toEqual([]);
  });

  test('the number of syncs does not grow with the matrix, and no request passes 5 MB', async () => {
    const small = setup(10, 5);
    await small.adapter.applyPlan(makePlan(10, 5));
    const large = setup(1000, 50);
    await large.adapter.applyPlan(makePlan(1000, 50));
    const bytes = large.excel.syncs.reduce((n, s) => n + s.requestBytes, 0);
    // 2 checks + build requests + swap requests; only the 4 MB packing adds requests.
    expect(small.excel.syncs.length).toBe(4);
    expect(large.excel.syncs.length).toBeLessThanOrEqual(4 + Math.ceil(bytes / 4_000_000));
    expect(large.excel.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(large.excel.syncs.every((s) => !s.failed)).toBe(true);
    // Same payload, ten times the sheets' rows split differently: still the same number of syncs.
    expect(small.excel.syncs.length).toBe(await setupSyncs(100, 5));
  });

  test('a protected matrix sheet stops the plan before anything is written', async () => {
    const { excel, adapter } = setup(5, 3);
    excel.sheet('Matrix')!.protected = true;
    await expect(adapter.applyPlan(makePlan(5, 3))).rejects.toThrow(WorkbookBlockedError);
    await expect(adapter.applyPlan(makePlan(5, 3))).rejects.toThrow(
      /"Matrix" is protected.*Unprotect Sheet.*Nothing was changed/,
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(['Matrix']);
    expect(excel.calls.filter((c) => c.action !== 'load')).toEqual([]);
  });

  test('a protected workbook structure stops the plan with a clear reason', async () => {
    const { excel, adapter } = setup(5, 3);
    excel.structureProtected = true;
    await expect(adapter.applyPlan(makePlan(5, 3))).rejects.toThrow(/workbook structure is protected/);
    expect(excel.calls.filter((c) => c.action !== 'load')).toEqual([]);
  });

  test('a missing requirement set is named, and nothing is called', async () => {
    const { excel } = setup(5, 3);
    const old = new FakeExcel({ apiVersion: 1.7 });
    const adapter = new OfficeAdapter({ run: old.run, isSetSupported: old.isSetSupported });
    const error = await adapter.applyPlan(makePlan(5, 3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequirementError);
    expect((error as RequirementError).missing).toEqual(['ExcelApi 1.8', 'ExcelApi 1.9']);
    expect((error as Error).message).toMatch(/drop-down lists.*ExcelApi 1.9/);
    expect(old.syncs).toHaveLength(0);
    expect(excel.syncs).toHaveLength(0);
  });

  test('a failure while building removes the temporary sheets and leaves the previous results current', async () => {
    const { excel, adapter } = setup(200, 20);
    await adapter.applyPlan(makePlan(200, 20));
    const before = JSON.stringify(excel.sheets.map((s) => [s.name, s.visibility, [...s.cells]]));
    let values = 0;
    excel.options.failWhen = (call) =>
      call.action === 'range.values' && ++values === 2
        ? new FakeOfficeError('GeneralException', 'simulated failure')
        : undefined;
    const error = await adapter.applyPlan(makePlan(200, 20)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteInterruptedError);
    expect((error as WriteInterruptedError).cleaned).toBe(true);
    expect((error as Error).message).toMatch(/Nothing was changed/);
    expect(JSON.stringify(excel.sheets.map((s) => [s.name, s.visibility, [...s.cells]]))).toBe(before);
    expect(excel.sheets.some((s) => s.name.startsWith(TEMP_PREFIX))).toBe(false);
  });

  test('a failure while swapping leaves no state sheet claiming the partial output is current', async () => {
    const { excel, adapter } = setup(10, 5);
    await adapter.applyPlan(makePlan(10, 5));
    excel.options.failWhen = (call) =>
      call.action === 'worksheet.name' && call.target.startsWith(TEMP_PREFIX)
        ? new FakeOfficeError('GeneralException', 'simulated failure')
        : undefined;
    const error = await adapter.applyPlan(makePlan(10, 5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteInterruptedError);
    expect((error as Error).message).toMatch(/no typed cascade row is lost.*finishes the replacement first/);
    expect(excel.sheet(STATE_SHEET)).toBeUndefined();
    // Writing again without reading first would plan without what the journal holds: refused.
    excel.options.failWhen = undefined;
    await expect(adapter.applyPlan(makePlan(10, 5))).rejects.toThrow(/interrupted.*Nothing was changed/);
    // The next run reads first, which finishes the swap, then writes.
    await adapter.readSnapshot();
    expect(excel.sheets.map((s) => s.name)).toEqual(['Matrix', 'Interlock Findings', MARKER, STATE_SHEET]);
    await adapter.applyPlan(makePlan(10, 5));
    expect(excel.sheets.map((s) => s.name)).toEqual(['Matrix', 'Interlock Findings', MARKER, STATE_SHEET]);
  });

  test('calls come in a safe order', async () => {
    const { excel, adapter } = setup(10, 5);
    await adapter.applyPlan(makePlan(10, 5));
    excel.calls = [];
    excel.syncs = [];
    await adapter.applyPlan(makePlan(10, 5));
    const order = excel.calls.map((c) => `${c.sync}:${c.action}:${c.target}`);
    const first = (re: RegExp) => order.findIndex((o) => re.test(o));
    const last = (re: RegExp) => order.length - 1 - [...order].reverse().findIndex((o) => re.test(o));
    // Writes only after both checks.
    expect(first(/^[01]:(?!load)/)).toBe(-1);
    // Each write request suspends calculation and screen updating first (build phase).
    expect(order[first(/^2:(?!load)/)]).toMatch(/suspendApiCalculationUntilNextSync/);
    // Number format before values, so text stays text.
    expect(first(/range\.numberFormat/)).toBeLessThan(first(/range\.values/));
    // Old matrix rules go before the sheets they point at.
    expect(last(/conditionalFormat\.delete/)).toBeLessThan(first(/worksheet\.delete/));
    // The old state sheet goes first, the new one is named last.
    expect(order[first(/worksheet\.delete/)]).toMatch(new RegExp(STATE_SHEET));
    const renames = order.filter((o) => /worksheet\.name/.test(o));
    expect(renames[renames.length - 1]).toMatch(/:_interlock_tmp_3$/);
    expect(first(/tables\.add/)).toBeGreaterThan(first(/worksheet\.name/));
    expect(order.some((o) => /TableRowCollection|rows\.add/.test(o))).toBe(false);
  });

  test('left-overs from an interrupted run are removed', async () => {
    const { excel, adapter } = setup(4, 3);
    excel.addSheet(`${TEMP_PREFIX}1`, [['half']]).visibility = 'VeryHidden';
    await adapter.applyPlan(makePlan(4, 3));
    expect(excel.sheets.some((s) => s.name.startsWith(TEMP_PREFIX))).toBe(false);
  });
});

/** Everything a user could see in the workbook, ids left out. */
function workbookState(excel: FakeExcel): string {
  return JSON.stringify(
    excel.sheets.map((s) => ({ ...s, id: 0, conditionalFormats: s.conditionalFormats.map((c) => ({ ...c, id: 0 })) })),
    (_, v) => (v instanceof Map ? [...v] : v),
  );
}

async function setupSyncs(depts: number, objectives: number): Promise<number> {
  const { excel, adapter } = setup(depts, objectives);
  await adapter.applyPlan(makePlan(depts, objectives));
  return excel.syncs.length;
}

describe('drop-down lists', () => {
  test('a literal list is passed as plain items, a range as a formula', async () => {
    const { listSource } = await import('../../src/excel/compileSheet');
    expect(listSource('"Team goal,Individual KPI"')).toBe('Team goal,Individual KPI');
    expect(listSource('$A$6:$A$40')).toBe('=$A$6:$A$40');
    expect(listSource('=$A$6:$A$40')).toBe('=$A$6:$A$40');
  });
});
