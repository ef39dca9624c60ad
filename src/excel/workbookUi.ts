/** Small task-pane interactions with the open workbook: select a cell, read the selection, save settings. */
import { quoteSheet } from '../core/a1';
import type { OfficeDeps } from './officeRun';
import { officeGlobals } from './officeRun';
import { DOCUMENT_SETTINGS_KEY } from '../core/settingsKey';
import { plainAddress } from './addresses';

/** Shows `address` on `sheet` and selects it (a finding clicked in the pane). */
export async function selectCell(sheet: string, address: string, deps: OfficeDeps = officeGlobals()): Promise<void> {
  await deps.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}

/** The user's selection as `'Sheet'!B3:H20`, for "use my selection". */
export async function selectedRange(deps: OfficeDeps = officeGlobals()): Promise<string> {
  return deps.run(async (context) => {
    const range = context.workbook.getSelectedRange().load('address');
    await context.sync();
    const { sheet, range: a1 } = plainAddress(range.address);
    return sheet ? `${quoteSheet(sheet)}!${a1}` : a1;
  });
}

/** Saves rule settings in the workbook (travels with the file, read back into the snapshot). */
export async function saveSettings(json: string, deps: OfficeDeps = officeGlobals()): Promise<void> {
  await deps.run(async (context) => {
    context.workbook.settings.add(DOCUMENT_SETTINGS_KEY, json);
    await context.sync();
  });
}
