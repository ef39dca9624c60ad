import { counted, notCarriedOverFor, notCarriedOverMessage } from '../../../src/core/plan/notCarriedOver';

describe('notCarriedOverMessage', () => {
  test('says was/is for one thing and were/are for more', () => {
    expect(notCarriedOverMessage('Cascade R&D', ['2 notes', '1 picture'], false)).toBe(
      'Cascade R&D: 2 notes, 1 picture were on this sheet and are not carried over (Interlock rewrites its own sheets; keep notes on your own sheets or in the rows you add)',
    );
    expect(notCarriedOverMessage('Cascade R&D', ['1 note'], false)).toMatch(
      /^Cascade R&D: 1 note was on this sheet and is not carried over \(/,
    );
    expect(notCarriedOverMessage('Cascade R&D', ['1 chart'], true)).toBe(
      'Cascade R&D: 1 chart was on this sheet and was removed with it',
    );
    expect(notCarriedOverMessage('Cascade R&D', ['printer settings'], true)).toBe(
      'Cascade R&D: printer settings were on this sheet and were removed with it',
    );
  });
});

describe('notCarriedOverFor', () => {
  test('one entry with its line for a sheet that held something, none for an empty one', () => {
    expect(
      notCarriedOverFor('Findings', [...counted(2, 'comment', 'comments'), ...counted(0, 'note', 'notes')], true),
    ).toEqual([
      {
        sheet: 'Findings',
        removed: true,
        items: ['2 comments'],
        message: 'Findings: 2 comments were on this sheet and were removed with it',
      },
    ]);
    expect(notCarriedOverFor('Findings', [], false)).toEqual([]);
  });
});
