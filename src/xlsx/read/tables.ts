/** A worksheet's Excel tables (`<tablePart>` → `xl/tables/tableN.xml`). */
import type { TableSnapshot } from '../../core/snapshot';
import { attr, element } from '../package/xml';

/**
 * One table part's name, range and header flag. The name is the `name` attribute (as ExcelJS
 * reports it; Excel keeps `displayName` equal to it). `headerRowCount` defaults to 1.
 * Returns undefined when the part has no usable `<table>` element.
 */
export function readTable(xml: string): TableSnapshot | undefined {
  const table = element(xml, 'table');
  if (!table) return undefined;
  const name = attr(table.attrs, 'name') ?? attr(table.attrs, 'displayName');
  const ref = attr(table.attrs, 'ref');
  if (!name || !ref) return undefined;
  const headers = attr(table.attrs, 'headerRowCount');
  return { name, range: ref.replace(/\$/g, ''), hasHeaderRow: headers === undefined || Number(headers) > 0 };
}
