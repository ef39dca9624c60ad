/** The pane's small interactions with the workbook, on the recording fake. */
import { saveSettings, selectCell, selectedRange } from '../../src/excel/workbookUi';
import { FakeExcel } from './fakeExcel';

function setup() {
  const excel = new FakeExcel();
  excel.addSheet('Read me', [['notes']]);
  excel.addSheet('Plan FY27', [['Department', 'Growth']]);
  excel.activeSheet = 'Read me';
  return { excel, deps: { run: excel.run, isSetSupported: excel.isSetSupported } };
}

describe('workbook interactions from the pane', () => {
  test('selecting a finding activates its sheet and selects its cell, in one sync', async () => {
    const { excel, deps } = setup();
    await selectCell('Plan FY27', 'H18', deps);
    expect(excel.activeSheet).toBe('Plan FY27');
    expect(excel.selected).toBe('Plan FY27!H18');
    expect(excel.syncs).toHaveLength(1);
  });

  test('"use my selection" reads the selection with its sheet', async () => {
    const { excel, deps } = setup();
    excel.selected = 'Plan FY27!B3:H20';
    await expect(selectedRange(deps)).resolves.toBe("'Plan FY27'!B3:H20");
  });

  test('rule settings are saved in document settings', async () => {
    const { excel, deps } = setup();
    await saveSettings('{"rules":{"vague-language":"off"}}', deps);
    expect(excel.settings.get('interlock.settings')).toBe('{"rules":{"vague-language":"off"}}');
  });
});
