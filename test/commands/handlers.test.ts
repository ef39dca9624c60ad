import { perform } from '../../src/commands/handlers';
import { commandMessage } from '../../src/commands/messages';
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { FakeExcel } from '../excel/fakeExcel';
import { addMatrix } from '../excel/planFixtures';

function env(excel: FakeExcel) {
  const messages: string[] = [];
  return {
    messages,
    env: {
      adapter: () => new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported }),
      showMessage: async (m: string) => void messages.push(m),
    },
  };
}

describe('ribbon commands', () => {
  test('Validate shows the findings sheet and completes', async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 6, 3);
    const { env: e, messages } = env(excel);
    const event = { completed: jest.fn() };
    await perform('validate', event, e);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(messages).toEqual([]);
    expect(excel.activeSheet).toBeDefined();
    expect(excel.activeSheet).not.toBe('Matrix');
  });

  test('an error is shown in a dialog and the command still completes', async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 6, 3);
    excel.sheet('Matrix')!.protected = true;
    const { env: e, messages } = env(excel);
    const event = { completed: jest.fn() };
    await perform('buildCascade', event, e);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Build cascade did not finish\. .*protected/);
  });

  test('completes even when the adapter cannot be made (Excel too old)', async () => {
    const event = { completed: jest.fn() };
    const messages: string[] = [];
    await perform('clearWarnings', event, {
      adapter: () => {
        throw new Error('This version of Excel cannot read this workbook');
      },
      showMessage: async (m) => void messages.push(m),
    });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(messages[0]).toMatch(/Clear warnings did not finish/);
  });

  test('Clear says what it removed', async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 6, 3);
    const { env: e, messages } = env(excel);
    await perform('validate', { completed: () => undefined }, e);
    await perform('clearWarnings', { completed: () => undefined }, e);
    expect(messages[0]).toMatch(/^Cleared Interlock’s warnings and \d+ sheets?\./);
  });

  test('Validate and Clear say which notes on Interlock’s sheets were not carried over', async () => {
    const excel = new FakeExcel();
    addMatrix(excel, 6, 3);
    const { env: e, messages } = env(excel);
    await perform('validate', { completed: () => undefined }, e);
    expect(messages).toEqual([]);
    excel.sheet('Interlock Findings')!.comments.push('B3');
    await perform('validate', { completed: () => undefined }, e);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^Validate finished: .* Interlock Findings: 1 comment was on this sheet and is not carried over/,
    );
    excel.sheet('Interlock Summary')!.shapes.push({ name: 'Picture 1', type: 'Image' });
    await perform('clearWarnings', { completed: () => undefined }, e);
    expect(messages[1]).toMatch(/^Cleared Interlock’s warnings .* Interlock Summary: 1 picture was on this sheet and/);
  });

  test('a dialog names at most three sheets, then counts the rest', () => {
    const lost = ['A', 'B', 'C', 'D', 'E'].map((sheet) => ({
      sheet,
      removed: false,
      items: ['1 note'],
      message: `${sheet}: 1 note was on this sheet.`,
    }));
    const text = commandMessage('validate', { notCarriedOver: lost });
    expect(text).toBe(
      'Validate finished. A: 1 note was on this sheet. B: 1 note was on this sheet. C: 1 note was on this sheet. The same on 2 more of Interlock’s sheets.',
    );
  });
});
