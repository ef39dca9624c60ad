import { insertRules, maxPriority, removeOwnedRules, unselectTab } from '../../../src/xlsx/write/sheetEdits';

const MARK = "'InterlockChecked'!";
const owned = (p: number) =>
  `<cfRule type="expression" dxfId="0" priority="${p}"><formula>EXACT(A1,INDIRECT(&quot;&apos;InterlockChecked&apos;!&quot;))</formula></cfRule>`;
const users = (p: number) => `<cfRule type="expression" dxfId="1" priority="${p}"><formula>A1&gt;5</formula></cfRule>`;
const sheet = (middle: string, tail = '<pageMargins left="0.7"/>') =>
  `<worksheet xmlns="m"><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${middle}${tail}</worksheet>`;

describe('removeOwnedRules', () => {
  it('takes out only rules whose formula names the owned sheet, and empty blocks', () => {
    const xml = sheet(
      `<conditionalFormatting sqref="A1:B2">${owned(1)}</conditionalFormatting><conditionalFormatting sqref="C1">${users(2)}${owned(3)}</conditionalFormatting>`,
    );
    const { xml: out, removed } = removeOwnedRules(xml, MARK);
    expect(removed).toBe(2);
    expect(out).toBe(sheet(`<conditionalFormatting sqref="C1">${users(2)}</conditionalFormatting>`));
  });

  it('leaves a sheet without owned rules as the same string', () => {
    const xml = sheet(`<conditionalFormatting sqref="C1">${users(2)}</conditionalFormatting>`);
    expect(removeOwnedRules(xml, MARK)).toEqual({ xml, removed: 0 });
  });
});

describe('insertRules', () => {
  const block = '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="9"/></conditionalFormatting>';

  it('goes after the existing rules', () => {
    const xml = sheet(
      `<conditionalFormatting sqref="C1">${users(4)}</conditionalFormatting><dataValidations count="0"/>`,
    );
    const out = insertRules(xml, block);
    expect(out).toContain(`</conditionalFormatting>${block}<dataValidations`);
    expect(maxPriority(out)).toBe(9);
  });

  it('goes before the first element that follows rules in the schema, else at the end', () => {
    expect(insertRules(sheet('<mergeCells count="0"/>'), block)).toContain(
      `<mergeCells count="0"/>${block}<pageMargins`,
    );
    expect(insertRules(sheet('', ''), block)).toContain(`</sheetData>${block}</worksheet>`);
  });

  it('takes the prefix the sheet uses for its elements', () => {
    const xml = '<x:worksheet xmlns:x="m"><x:sheetData/></x:worksheet>';
    expect(insertRules(xml, block)).toContain('<x:conditionalFormatting sqref="A1"><x:cfRule');
  });
});

it('unselects a selected tab', () => {
  expect(unselectTab(sheet(''))).not.toContain('tabSelected');
  expect(maxPriority(sheet(''))).toBe(0);
});
