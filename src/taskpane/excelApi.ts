/** What the pane uses of the Office adapter, in one module loaded only inside Excel. */
import { OfficeAdapter } from '../excel/officeAdapter';

export { describeError } from '../excel/errors';
export { selectCell, selectedRange, saveSettings } from '../excel/workbookUi';

export function excelAdapter(): OfficeAdapter {
  return new OfficeAdapter();
}
